import ExerciseSolutions
import Exercises
import Matrix
import TestSupport
import Testing

// Chapter 2's exercises, checked with the numbers of Chapter 2's worked examples (derived by hand,
// the arithmetic beside each value). The checks are written once and run twice:
//   swift test --filter Exercises2   your answers, in Sources/Exercises/Chapter2.swift
//   swift test --filter Solutions2   the worked answers, in Sources/ExerciseSolutions/Chapter2.swift
//
// Tolerance 1e-12: the weights come from `exp`, and two correct ways of writing the softmax (with
// or without subtracting the largest score first) differ in the last digits only; a real mistake
// (÷ d_k instead of √d_k) is off by more than 0.3.

/// "Thinking Machines" as in the post: d_k = 64, so √d_k = 8. Each 64-wide vector is a 4-wide
/// tile repeated 16 times, and each 64-wide dot product is 16 times the tiles' dot product.
private enum Thinking {
  static func repeated(_ tile: [Double]) -> [Double] {
    Array([[Double]](repeating: tile, count: 16).joined())
  }
  static let q1 = repeated([1, 1, 2, 0])  // "Thinking"'s query (tile)
  static let q2 = repeated([1, 1, 1, 1])  // "Machines"'s query (tile)
  static let keys = [repeated([1, 2, 2, 1]), repeated([2, 0, 2, 3])]  // k1, k2
  static let values = [repeated([2, 0, 1, 1]), repeated([0, 4, 1, 2])]  // v1, v2
  // softmax(14, 12) = (1, e^-2) / (1 + e^-2), e^-2 = 0.1353352832366127:
  static let a = 0.8807970779778824441  // 1 / (1 + e^-2): the post's 0.88
  static let b = 0.1192029220221175559  // e^-2 / (1 + e^-2) = 1 − a: the post's 0.12
}

/// Chapter 2's "Which way round?" example: d_k = 4 (√d_k = 2), d_v = 2, three words, and a
/// score matrix that is not symmetric, so a transposed product shows.
private enum WhichWayRound {
  static let queries: Matrix = [[2, 0, 0, 0], [0, 2, 0, 0], [0, 0, 2, 0]]
  static let keys: Matrix = [[1, 0, 1, 0], [2, 1, 0, 0], [0, 0, 0, 1]]
  static let values: Matrix = [[1, 0], [0, 1], [1, 1]]
}

/// Your answers to Chapter 2's exercises, each skipped until you write it.
@Suite struct Exercises2 {
  @Test(
    "Exercise 2.1: one word's attention with plain loops",
    .attempted(in: "Chapter2.swift") {
      try Exercises.oneWordAttention(
        query: Thinking.q1, keys: Thinking.keys, values: Thinking.values)
    })
  func oneWord() throws { try checkOneWordAttention(Exercises.oneWordAttention) }

  @Test(
    "Exercise 2.2: self-attention in matrix form",
    .attempted(in: "Chapter2.swift") {
      try Exercises.selfAttention(
        queries: WhichWayRound.queries, keys: WhichWayRound.keys, values: WhichWayRound.values)
    })
  func matrixForm() throws { try checkSelfAttention(Exercises.selfAttention) }
}

/// The worked answers, through the same checks (CI runs these with every `swift test`).
@Suite struct Solutions2 {
  @Test func oneWord() throws { try checkOneWordAttention(ExerciseSolutions.oneWordAttention) }
  @Test func matrixForm() throws { try checkSelfAttention(ExerciseSolutions.selfAttention) }
}

// The checks.

private typealias OneWordSteps = (
  scores: [Double], scaledScores: [Double], weights: [Double], output: [Double]
)

private func checkOneWordAttention(
  _ oneWordAttention: ([Double], [[Double]], [[Double]]) throws -> OneWordSteps
) throws {
  typealias T = Thinking
  let thinking = try oneWordAttention(T.q1, T.keys, T.values)
  // q1·k1 = 16 × (1·1 + 1·2 + 2·2 + 0·1) = 16 × 7 = 112;  q1·k2 = 16 × (2 + 0 + 4 + 0) = 96
  expectVector(thinking.scores, equals: [112, 96], "Exercise 2.1, step 2: scores of Thinking")
  // ÷ √64 = 8 (÷ 64 would give 1.75 and 1.5)
  expectVector(
    thinking.scaledScores, equals: [14, 12], "Exercise 2.1, step 3: scores of Thinking ÷ √d_k = 8")
  expectVector(
    thinking.weights, equals: [T.a, T.b], tolerance: 1e-12,
    "Exercise 2.1, step 4: softmax weights of Thinking")
  // z1 = a·[2 0 1 1] + b·[0 4 1 2] = [2a, 4b, a + b, a + 2b] = [1.7616 0.4768 1 1.1192] (tile)
  expectVector(
    thinking.output, equals: T.repeated([2 * T.a, 4 * T.b, T.a + T.b, T.a + 2 * T.b]),
    tolerance: 1e-12, "Exercise 2.1, steps 5 and 6: z1")

  // "Machines": q2·k1 = 16 × (1 + 2 + 2 + 1) = 96, q2·k2 = 16 × (2 + 0 + 2 + 3) = 112.
  let machines = try oneWordAttention(T.q2, T.keys, T.values)
  expectVector(machines.scores, equals: [96, 112], "Exercise 2.1, step 2: scores of Machines")
  expectVector(
    machines.weights, equals: [T.b, T.a], tolerance: 1e-12,
    "Exercise 2.1, step 4: softmax weights of Machines")
  // z2 = b·[2 0 1 1] + a·[0 4 1 2] = [2b, 4a, a + b, 2a + b] = [0.2384 3.5232 1 1.8808] (tile)
  expectVector(
    machines.output, equals: T.repeated([2 * T.b, 4 * T.a, T.a + T.b, 2 * T.a + T.b]),
    tolerance: 1e-12, "Exercise 2.1, steps 5 and 6: z2")

  // d_k = 4 but d_v = 2: divide by √d_k = 2 (÷ √d_v = √2 would give 1.4142).
  // Scores q·k = [2·1, 0] = [2, 0] -> [1, 0] -> σ(1), σ(−1) = 1 / (1 + e^-1), 1 / (1 + e).
  let (s1, s2) = (0.7310585786300049, 0.2689414213699951)  // Python: 1/(1+math.exp(-1)), 1 − that
  let narrow = try oneWordAttention(
    [2, 0, 0, 0], [[1, 0, 0, 0], [0, 0, 0, 0]], [[1, 0], [0, 1]])
  expectVector(
    narrow.scaledScores, equals: [1, 0], "Exercise 2.1, step 3: ÷ √d_k = 2 when d_v = 2")
  expectVector(narrow.weights, equals: [s1, s2], tolerance: 1e-12, "Exercise 2.1, step 4: σ(±1)")
  // z = s1·[1 0] + s2·[0 1]
  expectVector(
    narrow.output, equals: [s1, s2], tolerance: 1e-12, "Exercise 2.1, step 6: z of length d_v = 2")
}

private typealias MatrixSteps = (
  scores: Matrix, scaledScores: Matrix, weights: Matrix, output: Matrix
)

private func checkSelfAttention(
  _ selfAttention: (Matrix, Matrix, Matrix) throws -> MatrixSteps
) throws {
  typealias W = WhichWayRound
  let steps = try selfAttention(W.queries, W.keys, W.values)
  // Score (i, j) = qᵢ·kⱼ = 2 × element i of kⱼ, since qᵢ is 2 in position i:
  // row 1: 2·[1 2 0]; row 2: 2·[0 1 0]; row 3: 2·[1 0 0]. (K·Q^T would give the transpose.)
  expectMatrix(
    steps.scores, equals: [[2, 4, 0], [0, 2, 0], [2, 0, 0]], tolerance: 1e-12,
    "Exercise 2.2, step 2: Q·K^T (row i is query i)")
  expectMatrix(
    steps.scaledScores, equals: [[1, 2, 0], [0, 1, 0], [1, 0, 0]], tolerance: 1e-12,
    "Exercise 2.2, step 3: Q·K^T ÷ √d_k = 2")
  // Row 1: (e, e^2, 1) / (1 + e + e^2); rows 2 and 3: (1, e, 1) and (e, 1, 1) / (2 + e).
  let (r1, r2, r3) = (0.24472847105479764, 0.6652409557748219, 0.09003057317038046)
  let (small, large) = (0.21194155761708547, 0.5761168847658291)  // 1 / (2 + e), e / (2 + e)
  expectMatrix(
    steps.weights, equals: [[r1, r2, r3], [small, large, small], [large, small, small]],
    tolerance: 1e-12, "Exercise 2.2, step 4: softmax of each row")
  // Z = weights · V with V = [[1, 0], [0, 1], [1, 1]]: row = (w₁ + w₃, w₂ + w₃).
  // Row 1: ((e + 1) / S, (e^2 + 1) / S), S = 1 + e + e^2; rows 2 and 3 from 2 / (2 + e) and
  // (e + 1) / (2 + e).
  expectMatrix(
    steps.output,
    equals: [
      [0.3347590442251781, 0.7552715289452022],
      [0.42388311523417094, 0.7880584423829147],
      [0.7880584423829147, 0.42388311523417094],
    ], tolerance: 1e-12, "Exercise 2.2, steps 5 and 6: Z = weights · V")
}
