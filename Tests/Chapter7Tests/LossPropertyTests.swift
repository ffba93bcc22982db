import Foundation
import Matrix
import Output
import TestSupport
import Testing

/// What cross-entropy, KL divergence and log-softmax promise, on the hand example and on
/// logits that would break a naive log(softmax(…)).
@Suite("Properties of the loss")
struct LossPropertyTests {
  typealias S = IAmAStudent

  @Test func crossEntropyIsEntropyPlusKLDivergence() {
    let smoothed = smoothedTargets(S.targetWords, vocabularySize: 6, smoothing: 0.1)
    for targets in [S.targets, smoothed] {
      let ce = crossEntropy(logits: S.logits, targets: targets)
      let h = entropy(targets)
      let kl = klDivergence(targets: targets, logits: S.logits)
      expectVector(
        ce, equals: zip(h, kl).map(+), tolerance: 1e-14, "Cross-entropy = H(t) + KL(t ‖ p)")
      #expect(kl.allSatisfy { $0 > 0 })  // the model is not the target anywhere
    }
    // One-hot targets have no entropy: cross-entropy and KL are the same numbers.
    #expect(entropy(S.targets) == [0, 0, 0, 0, 0])
    expectVector(
      klDivergence(targets: S.targets, logits: S.logits),
      equals: crossEntropy(logits: S.logits, targets: S.targets), tolerance: 0,
      "One-hot: KL = cross-entropy")
  }

  @Test func aModelEqualToTheTargetHasZeroDivergence() {
    // Logits [ln 0.9, ln 0.02, …] give exactly the smoothed target back.
    let target = smoothedTargets([1], vocabularySize: 6, smoothing: 0.1)
    let logits = target.map { log($0) }
    expectVector(
      klDivergence(targets: target, logits: logits), equals: [0], tolerance: 1e-15,
      "KL(t ‖ t) = 0")
    expectVector(
      crossEntropy(logits: logits, targets: target), equals: entropy(target), tolerance: 1e-15,
      "Cross-entropy at the best model = H(t)")
  }

  @Test func logSoftmaxNeverTakesTheLogOfAnUnderflowedProbability() {
    // softmax([1000, 0, −1000]) = [1, e^−1000, e^−2000] = [1, 0, 0] in Double (e^−745 is the
    // smallest); log-sum-exp gives log p = [0, −1000, −2000] exactly.
    let logits: Matrix = [[1000, 0, -1000]]
    expectMatrix(
      logSoftmax(logits), equals: [[0, -1000, -2000]], tolerance: 0, "logSoftmax, huge logits")
    #expect(softmax(logits) == [[1, 0, 0]])
    let loss = crossEntropy(logits: logits, targets: [[0, 0, 1]])
    #expect(loss == [2000])  // −(−2000), finite
    #expect(-log(softmax(logits)[0, 2]) == .infinity)  // what log(softmax) would have given
    expectMatrix(
      crossEntropyGradient(logits: logits, targets: [[0, 0, 1]]), equals: [[1, 0, -1]],
      tolerance: 0, "Gradient at an underflowed probability")
  }

  @Test func aWordRuledOutCostsNothingUnlessTheTargetWantsIt() {
    // Logit −∞: probability exactly 0. With target 0 there, 0 · log 0 counts as 0, not NaN.
    let logits = Matrix([[2, -.infinity, 0]])
    // −log(e² / (e² + 1)) = log(1 + e^−2) = 0.12692801104297263
    #expect(crossEntropy(logits: logits, targets: [[1, 0, 0]]) == [log(1 + exp(-2.0))])
    // The target on the ruled-out word: +∞, honestly, not NaN.
    #expect(crossEntropy(logits: logits, targets: [[0, 1, 0]]) == [.infinity])
    #expect(klDivergence(targets: [[1, 0, 0]], logits: logits) == [log(1 + exp(-2.0))])
  }

  @Test func theSmoothedLossStaysFiniteWhenAProbabilityUnderflows() {
    // V = 2, ε = 0.1: t = [0.9, 0.1]. Logits [0, −1000]: p = [1, 0] in Double, but
    // log p = [0, −1000] exactly, so the loss is 0.9 · 0 + 0.1 · 1000 = 100.
    let loss = CrossEntropyLoss(smoothing: 0.1)
    let trace = loss.trace(logits: [[0, -1000]], targetWords: [0])
    #expect(trace.probabilities == [[1, 0]])
    expectVector(trace.perPosition, equals: [100], tolerance: 1e-12, "0.1 · 1000")
    #expect(trace.gradient.elements.allSatisfy { $0.isFinite })
    // A logit of exactly −∞ is a model that calls the word impossible; the smoothed target
    // gives it 0.1, so the loss is +∞ (not NaN), which training must never produce.
    let ruledOut = loss.trace(logits: [[0, -.infinity]], targetWords: [0])
    #expect(ruledOut.mean == .infinity)
  }

  @Test func addingTheSameNumberToARowOfLogitsChangesNothing() {
    // softmax(z + c) = softmax(z): the hand example with rows shifted by 7, −3, 0.5, 100, −50.
    var shifted = S.logits
    for (i, c) in [7.0, -3, 0.5, 100, -50].enumerated() {
      for j in 0..<6 { shifted[i, j] += c }
    }
    let loss = CrossEntropyLoss()
    expectVector(
      loss.trace(logits: shifted, targetWords: S.targetWords).perPosition,
      equals: loss.trace(logits: S.logits, targetWords: S.targetWords).perPosition,
      tolerance: 1e-13, "Loss of shifted logits")
  }

  @Test func theGradientMatchesCentralFiniteDifferences() {
    // (L(z + h) − L(z − h)) / 2h differs from L' by about h²/6 · |L'''| (below 1e-11 here,
    // |L'''| < 1) plus rounding, 2.2e-16 · |L| / h ≈ 1e-10 with |L| < 3 and h = 1e-5. So
    // 1e-9 is safe; forgetting the division by the 5 positions is off by 0.1 or more.
    var generator = SplitMix64(seed: 11)
    let random = Matrix.random(rows: 5, columns: 6, in: -3, 3, using: &generator)
    for (logits, smoothing) in [(S.logits, 0.0), (S.logits, 0.1), (random, 0.1)] {
      let loss = CrossEntropyLoss(smoothing: smoothing)
      let analytic = loss.trace(logits: logits, targetWords: S.targetWords).gradient
      var numeric = Matrix(rows: 5, columns: 6)
      let h = 1e-5
      for i in 0..<5 {
        for j in 0..<6 {
          var plus = logits
          var minus = logits
          plus[i, j] += h
          minus[i, j] -= h
          numeric[i, j] =
            (loss(logits: plus, targetWords: S.targetWords)
              - loss(logits: minus, targetWords: S.targetWords)) / (2 * h)
        }
      }
      expectMatrix(
        analytic, equals: numeric, tolerance: 1e-9,
        "Gradient vs central differences (ε = \(smoothing))")
    }
  }

  @Test func probabilitiesSumToOneAndGradientRowsSumToZero() {
    let trace = CrossEntropyLoss(smoothing: 0.1).trace(
      logits: S.logits, targetWords: S.targetWords)
    for i in 0..<5 {
      #expect(abs(trace.probabilities.row(i).reduce(0, +) - 1) < 1e-15)
      // Σ (p − t) = 1 − 1 = 0: raising one word's score lowers the others'.
      #expect(abs(trace.gradient.row(i).reduce(0, +)) < 1e-16)
    }
  }
}
