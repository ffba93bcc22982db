import Embeddings
import Foundation
import Matrix
import Output
import TestSupport
import Testing

/// The chapter's hand examples: "i am a student <eos>" with exact binary probabilities, the
/// post's "merci" → "thanks", and the same sentence with label smoothing.
/// Tolerances: the probabilities and logs are exact in exact arithmetic; in Double they are off
/// by a few units in the last place (about 1e-16 on values up to 5), so 1e-14 leaves room for
/// rounding and none for a real bug (the smallest, a wrong word, changes a value by 0.02).
@Suite("Chapter 7 by hand: i am a student <eos>")
struct ByHandWorkedExampleTests {
  typealias S = IAmAStudent
  let ln2 = log(2.0)

  // First in the suite: the "Try this" of the chapter quotes this test's first failure.
  @Test func workedExampleEveryIntermediate() {
    let trace = CrossEntropyLoss().trace(logits: S.logits, targetWords: S.targetWords)
    expectMatrix(trace.targets, equals: S.targets, tolerance: 0, "Step 1: one-hot targets")
    expectMatrix(
      trace.probabilities, equals: S.probabilities, tolerance: 1e-15,
      "Step 2: probabilities = softmax(logits)")
    #expect(mostProbableWords(trace.probabilities) == S.predictions)
    expectMatrix(
      trace.logProbabilities, equals: S.logProbabilitiesInBits * ln2, tolerance: 1e-14,
      "Step 2: log-probabilities = logSoftmax(logits)")
    expectVector(
      trace.perPosition, equals: S.lossInBits.map { $0 * ln2 }, tolerance: 1e-14,
      "Step 3: cross-entropy of each position, −log p(right word)")
    expectVector([trace.mean], equals: [S.meanLoss], tolerance: 1e-14, "Step 3: mean loss")
    expectVector(
      [trace.perplexity], equals: [S.perplexity], tolerance: 1e-14, "Perplexity = exp(mean)")
    expectMatrix(
      trace.gradient, equals: S.gradient, tolerance: 1e-15,
      "Step 4: gradient of the mean loss, (p − t) / 5")
    expectMatrix(
      crossEntropyGradient(logits: S.logits, targets: S.targets), equals: S.gradient,
      tolerance: 1e-15, "crossEntropyGradient(logits:targets:)")
    #expect(CrossEntropyLoss()(logits: S.logits, targetWords: S.targetWords) == trace.mean)
  }

  @Test func merciBecomesThanks() {
    // The post's untrained output for "merci": [0.2, 0.2, 0.1, 0.2, 0.2, 0.1] = [2, 2, 1, 2, 2,
    // 1] / 10, the softmax of [ln 2, ln 2, 0, ln 2, ln 2, 0].
    let logits = Matrix([[ln2, ln2, 0, ln2, ln2, 0]])
    let thanks = 3
    let trace = CrossEntropyLoss().trace(logits: logits, targetWords: [thanks])
    expectMatrix(
      trace.targets, equals: [[0, 0, 0, 1, 0, 0]], tolerance: 0, "One-hot target: thanks")
    expectMatrix(
      trace.probabilities, equals: [[0.2, 0.2, 0.1, 0.2, 0.2, 0.1]], tolerance: 1e-15,
      "The untrained model's probabilities")
    // −log 0.2 = log 5 = 1.6094379124341003
    expectVector(trace.perPosition, equals: [log(5.0)], tolerance: 1e-15, "Loss = −log 0.2")
    // "Subtract one from the other": p − t, and the mean over one position divides by 1.
    expectMatrix(
      trace.gradient, equals: [[0.2, 0.2, 0.1, -0.8, 0.2, 0.1]], tolerance: 1e-15,
      "Gradient = p − t")
    // Four words tie at 0.2; greedy decoding takes the first of them, "a".
    #expect(mostProbableWords(trace.probabilities) == [0])
  }

  @Test func labelSmoothedLoss() {
    let trace = CrossEntropyLoss(smoothing: 0.1).trace(
      logits: S.logits, targetWords: S.targetWords)
    // 1 − 0.1 = 0.9 on the right word, 0.1 / (6 − 1) = 0.02 on each other word.
    expectMatrix(
      trace.targets.rows(0..<2),
      equals: [[0.02, 0.02, 0.9, 0.02, 0.02, 0.02], [0.02, 0.9, 0.02, 0.02, 0.02, 0.02]],
      tolerance: 1e-16, "Smoothed targets, positions 1 (i) and 2 (am)")
    expectVector(
      trace.perPosition, equals: S.smoothedLossInBits.map { $0 * ln2 }, tolerance: 1e-14,
      "Smoothed cross-entropy of each position")
    expectVector(
      [trace.mean], equals: [S.smoothedMeanLoss], tolerance: 1e-14, "Smoothed mean loss")
    // (p − t) / 5 with the smoothed t:
    expectMatrix(
      trace.gradient.rows(0..<1),
      // [0.125 − 0.02, 0.0625 − 0.02, 0.5 − 0.9, 0.0625 − 0.02, 0.125 − 0.02, 0.125 − 0.02] / 5
      equals: [[0.021, 0.0085, -0.08, 0.0085, 0.021, 0.021]], tolerance: 1e-15,
      "Smoothed gradient, position 1")
    expectMatrix(
      trace.gradient.rows(4..<5),
      // [0.5 − 0.02, 0.0625 − 0.02, 0.125 − 0.02, 0.0625 − 0.02, 0.125 − 0.02, 0.125 − 0.9] / 5
      equals: [[0.096, 0.0085, 0.021, 0.0085, 0.021, -0.155]], tolerance: 1e-15,
      "Smoothed gradient, position 5")
    // The loss can no longer reach 0: its floor is the entropy of the smoothed target,
    // −0.9 · ln 0.9 − 5 · 0.02 · ln 0.02 = 0.4860267646348583 at every position.
    expectVector(
      entropy(trace.targets), equals: Array(repeating: 0.4860267646348583, count: 5),
      tolerance: 1e-15, "Entropy of a smoothed target")
  }

  @Test func theOtherSpreadsWouldGiveOtherTargets() {
    // Pins the choice: ε / (V − 1) on each other word, 1 − ε on the right one. PyTorch's
    // label_smoothing would give 1 − ε + ε / V = 0.91666… and ε / V = 0.01666…; the Annotated
    // Transformer's (with a padding word) ε / (V − 2) = 0.025.
    let row = smoothedTargets([1], vocabularySize: 6, smoothing: 0.1).row(0)
    #expect(row[1] == 1 - 0.1)
    #expect(row[0] == 0.1 / 5 && row[0] != 0.1 / 6 && row[0] != 0.1 / 4)
    #expect(abs(row.reduce(0, +) - 1) < 1e-15)
  }
}
