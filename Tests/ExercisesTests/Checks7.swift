import ExerciseSolutions
import Exercises
import Foundation
import Matrix
import TestSupport
import Testing

// Chapter 7's exercises, checked with the numbers of Chapter 7's worked example, "i am a student
// <eos>" (derived by hand; see Tests/Chapter7Tests/IAmAStudent.swift). Every logit is a whole
// number times ln 2, so every probability is an exact binary fraction and every loss a whole
// number of ln 2. The checks are written once and run twice:
//   swift test --filter Exercises7   your answers, in Sources/Exercises/Chapter7.swift
//   swift test --filter Solutions7   the worked answers, in Sources/ExerciseSolutions/Chapter7.swift
//
// Tolerance 1e-12: exact in exact arithmetic, a few units in the last place in Double; the
// smallest real mistake (a wrong word, ε / V for ε / (V − 1)) changes a value by 0.003 or more.

private let ln2 = log(2.0)

/// Vocabulary: a = 0, am = 1, i = 2, thanks = 3, student = 4, <eos> = 5.
private enum IAmAStudent {
  static let targetWords = [2, 1, 0, 4, 5]  // i, am, a, student, <eos>
  /// The logits in units of ln 2; each row's powers of 2 add up to 16 or 32.
  static let logitsInBits: Matrix = [
    [1, 0, 3, 0, 1, 1],  // 2 + 1 + 8 + 1 + 2 + 2 = 16
    [0, 2, 3, 0, 0, 0],  // 1 + 4 + 8 + 1 + 1 + 1 = 16
    [4, 2, 3, 0, 1, 0],  // 16 + 4 + 8 + 1 + 2 + 1 = 32
    [1, 1, 2, 1, 2, 1],  // 2 + 2 + 4 + 2 + 4 + 2 = 16
    [3, 0, 1, 0, 1, 1],  // 8 + 1 + 2 + 1 + 2 + 2 = 16
  ]
  static let logits = logitsInBits * ln2
}

/// Your answers to Chapter 7's exercises, each skipped until you write it.
@Suite struct Exercises7 {
  @Test(
    "Exercise 7.1: log-softmax by log-sum-exp",
    .attempted(in: "Chapter7.swift") { try Exercises.logSoftmaxRow([1000, 0, -1000]) })
  func logSoftmax() throws { try checkLogSoftmaxRow(Exercises.logSoftmaxRow) }

  @Test(
    "Exercise 7.2: cross-entropy of each position",
    .attempted(in: "Chapter7.swift") {
      try Exercises.crossEntropyOfPositions(
        logits: IAmAStudent.logits, targetWords: IAmAStudent.targetWords)
    })
  func crossEntropy() throws { try checkCrossEntropy(Exercises.crossEntropyOfPositions) }

  @Test(
    "Exercise 7.3: label-smoothed targets",
    .attempted(in: "Chapter7.swift") {
      try Exercises.labelSmoothedTargets([2, 1], vocabularySize: 6, smoothing: 0.1)
    })
  func smoothing() throws { try checkSmoothedTargets(Exercises.labelSmoothedTargets) }
}

/// The worked answers, through the same checks (CI runs these with every `swift test`).
@Suite struct Solutions7 {
  @Test func logSoftmax() throws { try checkLogSoftmaxRow(ExerciseSolutions.logSoftmaxRow) }
  @Test func crossEntropy() throws {
    try checkCrossEntropy(ExerciseSolutions.crossEntropyOfPositions)
  }
  @Test func smoothing() throws { try checkSmoothedTargets(ExerciseSolutions.labelSmoothedTargets) }
}

// The checks.

private func checkLogSoftmaxRow(_ logSoftmaxRow: ([Double]) throws -> [Double]) throws {
  // Position 3: logits [4 2 3 0 1 0] · ln 2, total 2⁴ + 2² + 2³ + 1 + 2 + 1 = 32 = 2⁵, so
  // log p = (n − 5) · ln 2 = [−1 −3 −2 −5 −4 −5] · ln 2.
  expectVector(
    try logSoftmaxRow(IAmAStudent.logitsInBits.row(2).map { $0 * ln2 }),
    equals: [-1, -3, -2, -5, -4, -5].map { $0 * ln2 }, tolerance: 1e-12,
    "Exercise 7.1: log-probabilities of position 3, (n − 5) · ln 2")
  // softmax([1000, 0, −1000]) = [1, e^−1000, e^−2000] = [1, 0, 0] in Double, and log 0 = −∞;
  // log-sum-exp: m = 1000, log(1 + e^−1000 + e^−2000) = log 1 = 0, so log p = x − 1000.
  let huge = try logSoftmaxRow([1000, 0, -1000])
  #expect(
    huge.allSatisfy { $0.isFinite }, "Exercise 7.1: log-softmax of [1000, 0, −1000] is finite")
  expectVector(
    huge, equals: [0, -1000, -2000], tolerance: 1e-12,
    "Exercise 7.1: log-softmax of [1000, 0, −1000]")
}

private func checkCrossEntropy(
  _ crossEntropyOfPositions: (Matrix, [Int]) throws -> (perPosition: [Double], mean: Double)
) throws {
  let loss = try crossEntropyOfPositions(IAmAStudent.logits, IAmAStudent.targetWords)
  // −log p of the right word: p = 8/16, 4/16, 16/32, 4/16, 2/16 = 1/2, 1/4, 1/2, 1/4, 1/8,
  // so 1, 2, 1, 2, 3 times ln 2.
  expectVector(
    loss.perPosition, equals: [1, 2, 1, 2, 3].map { $0 * ln2 }, tolerance: 1e-12,
    "Exercise 7.2: cross-entropy of each position, −log p(right word)")
  // Mean (1 + 2 + 1 + 2 + 3) / 5 = 1.8 bits: 1.8 · ln 2 = 1.2476649250079015.
  expectVector(
    [loss.mean], equals: [1.8 * ln2], tolerance: 1e-12, "Exercise 7.2: mean over the 5 positions")
  // The post's "merci": [ln 2, ln 2, 0, ln 2, ln 2, 0] gives [2, 2, 1, 2, 2, 1] / 10; the target
  // "thanks" (3) has p = 0.2, and −log 0.2 = log 5 = 1.6094379124341003.
  let merci = try crossEntropyOfPositions([[ln2, ln2, 0, ln2, ln2, 0]], [3])
  expectVector(
    merci.perPosition + [merci.mean], equals: [log(5.0), log(5.0)], tolerance: 1e-12,
    "Exercise 7.2: merci → thanks, −log 0.2")
}

private func checkSmoothedTargets(_ labelSmoothedTargets: ([Int], Int, Double) throws -> Matrix)
  throws
{
  // ε = 0.1, V = 6: 1 − 0.1 = 0.9 on the right word, 0.1 / (6 − 1) = 0.02 on each other word.
  // (PyTorch's spread would give 0.91666… and 0.01666…; ε / (V − 2) would give 0.025.)
  expectMatrix(
    try labelSmoothedTargets([2, 1], 6, 0.1),
    equals: [[0.02, 0.02, 0.9, 0.02, 0.02, 0.02], [0.02, 0.9, 0.02, 0.02, 0.02, 0.02]],
    tolerance: 1e-12, "Exercise 7.3: smoothed targets of \"i am\", ε = 0.1")
  // V = 3, ε = 0.2: 0.8 and 0.2 / 2 = 0.1; each row sums to 0.8 + 2 · 0.1 = 1.
  expectMatrix(
    try labelSmoothedTargets([0, 2], 3, 0.2), equals: [[0.8, 0.1, 0.1], [0.1, 0.1, 0.8]],
    tolerance: 1e-12, "Exercise 7.3: V = 3, ε = 0.2")
  // ε = 0: one-hot rows.
  expectMatrix(
    try labelSmoothedTargets([4], 6, 0), equals: [[0, 0, 0, 0, 1, 0]], tolerance: 0,
    "Exercise 7.3: ε = 0 gives one-hot rows")
}
