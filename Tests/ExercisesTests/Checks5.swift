import ExerciseSolutions
import Exercises
import Matrix
import TestSupport
import Testing

// Chapter 5's exercises, checked with the numbers of Chapter 5's worked examples (derived by hand,
// the arithmetic beside each value; see Tests/Chapter5Tests/AddAndNormalizeTests.swift and
// FeedForwardTests.swift). The checks are written once and run twice:
//   swift test --filter Exercises5   your answers, in Sources/Exercises/Chapter5.swift
//   swift test --filter Solutions5   the worked answers, in Sources/ExerciseSolutions/Chapter5.swift
//
// Tolerance 1e-12: (x − μ) / σ · γ and γ · (x − μ) / σ are both right and may differ in the last
// digit; the commonest mistakes (÷ (d_model − 1), ε outside the root) are off by more than 3e-6.

/// Two rows whose standard deviations are whole numbers, so every value is a fraction:
/// [0 0 4 4]: μ = 2, deviations [−2 −2 2 2], σ² = (4 + 4 + 4 + 4) / 4 = 4, σ = 2.
/// [7 1 1 −1]: μ = 8 / 4 = 2, deviations [5 −1 −1 −3], σ² = (25 + 1 + 1 + 9) / 4 = 9, σ = 3.
private let rows: Matrix = [[0, 0, 4, 4], [7, 1, 1, -1]]
private let gain: [Double] = [1, 2, 3, -1]  // γ, a different number per feature
private let bias: [Double] = [0, 1, -1, 2]  // β

/// Chapter 5's worked encoder layer's feed-forward network: d_model 4, d_ff 8, on Chapter 1's X
/// for "je suis étudiant".
private enum Toy {
  static let x: Matrix = [[1, -1, 0, 2], [0, 2, 1, -1], [2, 1, -1, 0]]
  static let firstWeights: Matrix = [
    [1, 0, -1, 0, 1, 0, 0, 1],
    [0, 1, 0, -1, 1, 0, 1, 0],
    [1, 1, 0, 0, 0, -1, 0, 1],
    [0, 0, 1, 1, 0, 1, -1, 0],
  ]
  static let firstBias: [Double] = [0, 1, 0, -1, 0, 1, 0, -1]
  // W₂ rows: h₁ → [1 0 0 0], h₂ → [0 1 0 0], h₃ → [0 0 1 0], h₄ → [0 0 0 1],
  // h₅ → [1 −1 0 0], h₆ → [0 0 1 −1], h₇ → [−1 0 0 1], h₈ → [0 1 1 0].
  static let secondWeights: Matrix = [
    [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1],
    [1, -1, 0, 0], [0, 0, 1, -1], [-1, 0, 0, 1], [0, 1, 1, 0],
  ]
  static let secondBias: [Double] = [1, 0, -1, 0]
}

/// Your answers to Chapter 5's exercises, each skipped until you write it.
@Suite struct Exercises5 {
  @Test(
    "Exercise 5.1: layer normalization of each row",
    .attempted(in: "Chapter5.swift") {
      try Exercises.layerNormalizeRows(rows, gain: gain, bias: bias, epsilon: 0)
    })
  func layerNorm() throws { try checkLayerNormalizeRows(Exercises.layerNormalizeRows) }

  @Test(
    "Exercise 5.2: the feed-forward network",
    .attempted(in: "Chapter5.swift") {
      try Exercises.feedForwardNetwork(
        Toy.x, firstWeights: Toy.firstWeights, firstBias: Toy.firstBias,
        secondWeights: Toy.secondWeights, secondBias: Toy.secondBias)
    })
  func feedForward() throws { try checkFeedForwardNetwork(Exercises.feedForwardNetwork) }
}

/// The worked answers, through the same checks (CI runs these with every `swift test`).
@Suite struct Solutions5 {
  @Test func layerNorm() throws {
    try checkLayerNormalizeRows(ExerciseSolutions.layerNormalizeRows)
  }
  @Test func feedForward() throws {
    try checkFeedForwardNetwork(ExerciseSolutions.feedForwardNetwork)
  }
}

// The checks.

private func checkLayerNormalizeRows(
  _ layerNormalizeRows: (Matrix, [Double], [Double], Double) throws -> Matrix
) throws {
  // γ = 1, β = 0 first: (x − μ) / σ alone.
  expectMatrix(
    try layerNormalizeRows(rows, [1, 1, 1, 1], [0, 0, 0, 0], 0),
    equals: [
      [-1, -1, 1, 1],  // [−2 −2 2 2] / 2
      [5.0 / 3, -1.0 / 3, -1.0 / 3, -1],  // [5 −1 −1 −3] / 3
    ], tolerance: 1e-12, "Exercise 5.1, step 3: (x − μ) / √(σ² + ε), ε = 0")
  expectMatrix(
    try layerNormalizeRows(rows, gain, bias, 0),
    equals: [
      [-1, -1, 2, 1],  // γ = [1 2 3 −1], β = [0 1 −1 2]: [−1, −2 + 1, 3 − 1, −1 + 2]
      [5.0 / 3, 1.0 / 3, -2, 3],  // [5/3, −2/3 + 1, −1 − 1, 1 + 2]
    ], tolerance: 1e-12, "Exercise 5.1, step 4: γ · normalized + β")
  // [1 3]: μ = 2, Σ(x − μ)² = 2. Biased σ² = 2 / 2 = 1 gives [−1 1]; the unbiased
  // 2 / (2 − 1) = 2 would give [−1/√2, 1/√2] = [−0.7071, 0.7071].
  expectMatrix(
    try layerNormalizeRows([[1, 3]], [1, 1], [0, 0], 0), equals: [[-1, 1]], tolerance: 1e-12,
    "Exercise 5.1: σ² divides by d_model = 2, not d_model − 1")
  // ε = 1e-5 inside the root: 2 / √(4 + 1e-5) = 0.9999987500023437 (math.sqrt); outside,
  // 2 / (2 + 1e-5) would be 0.9999950000249999. Row 2: 5, 1 and 3 over √(9 + 1e-5).
  let (a, b, c, d) = (
    0.9999987500023437, 1.6666657407415124, 0.33333314814830245, 0.9999994444449074
  )
  expectMatrix(
    try layerNormalizeRows(rows, [1, 1, 1, 1], [0, 0, 0, 0], 1e-5),
    equals: Matrix([[-a, -a, a, a], [b, -c, -c, -d]]), tolerance: 1e-12,
    "Exercise 5.1: ε = 1e-5 inside the square root")
  // A constant row has σ² = 0: ε turns 0 / 0 into 0 / √ε = 0, and β is all that is left.
  expectMatrix(
    try layerNormalizeRows([[3, 3, 3, 3]], gain, bias, 1e-5), equals: [[0, 1, -1, 2]],
    tolerance: 1e-12, "Exercise 5.1: a constant row gives β")
}

private func checkFeedForwardNetwork(
  _ feedForwardNetwork: (Matrix, Matrix, [Double], Matrix, [Double]) throws -> (
    hidden: Matrix, activated: Matrix, output: Matrix
  )
) throws {
  let steps = try feedForwardNetwork(
    Toy.x, Toy.firstWeights, Toy.firstBias, Toy.secondWeights, Toy.secondBias)
  // x·W₁ adds up the rows of W₁, each times one feature of x; then + b₁ = [0 1 0 −1 0 1 0 −1].
  expectMatrix(
    steps.hidden,
    equals: [
      // je [1 −1 0 2]: r1 − r2 + 2·r4 = [1 −1 1 3 0 2 −3 1], + b₁
      [1, 0, 1, 2, 0, 3, -3, 0],
      // suis [0 2 1 −1]: 2·r2 + r3 − r4 = [1 3 −1 −3 2 −2 3 1], + b₁
      [1, 4, -1, -4, 2, -1, 3, 0],
      // étudiant [2 1 −1 0]: 2·r1 + r2 − r3 = [1 0 −2 −1 3 1 1 1], + b₁
      [1, 1, -2, -2, 3, 2, 1, 0],
    ], tolerance: 0, "Exercise 5.2, step 1: x·W₁ + b₁")
  expectMatrix(
    steps.activated,
    equals: [
      [1, 0, 1, 2, 0, 3, 0, 0],  // −3 → 0
      [1, 4, 0, 0, 2, 0, 3, 0],  // −1, −4, −1 → 0
      [1, 1, 0, 0, 3, 2, 1, 0],  // −2, −2 → 0
    ], tolerance: 0, "Exercise 5.2, step 2: ReLU, max(0, ·)")
  expectMatrix(
    steps.output,
    equals: [
      [2, 0, 3, -1],  // [1, 0, 1 + 3, 2 − 3] + b₂ = [1 0 −1 0]
      [1, 2, -1, 3],  // [1 + 2 − 3, 4 − 2, 0, 0 + 3] + b₂
      [4, -2, 1, -1],  // [1 + 3 − 1, 1 − 3, 2, −2 + 1] + b₂
    ], tolerance: 0, "Exercise 5.2, step 3: ReLU(…)·W₂ + b₂")
}
