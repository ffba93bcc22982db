import ExerciseSolutions
import Exercises
import Matrix
import TestSupport
import Testing

// Chapter 8's exercises, checked with the gradients Chapter 8 works out by hand (see
// Tests/Chapter8Tests/BackwardByHandTests.swift and AdamTests.swift). The checks are written once
// and run twice:
//   swift test --filter Exercises8   your answers, in Sources/Exercises/Chapter8.swift
//   swift test --filter Solutions8   the worked answers, in Sources/ExerciseSolutions/Chapter8.swift
//
// Tolerances: the matrix product's gradients are small integers, exact. The softmax's and Adam's
// are fractions, exact or a unit in the last place off in Double (0.9 · 0.05 is not exactly
// 0.045): 1e-12 leaves room for any order of operations, and none for a missing term (off by
// 0.06 or more) or a missing bias correction (off by 0.03).

/// Your answers to Chapter 8's exercises, each skipped until you write it.
@Suite struct Exercises8 {
  @Test(
    "Exercise 8.1: softmax backward for one row",
    .attempted(in: "Chapter8.swift") {
      try Exercises.softmaxBackwardRow(output: [0.25, 0.5, 0.25], outputGradient: [1, 0, 0])
    })
  func softmaxBackward() throws { try checkSoftmaxBackward(Exercises.softmaxBackwardRow) }

  @Test(
    "Exercise 8.2: matrix product backward",
    .attempted(in: "Chapter8.swift") {
      try Exercises.matmulGradients([[1]], [[1]], outputGradient: [[1]])
    })
  func matmulBackward() throws { try checkMatmulGradients(Exercises.matmulGradients) }

  @Test(
    "Exercise 8.3: one Adam step",
    .attempted(in: "Chapter8.swift") {
      try Exercises.adamStep(
        parameter: 1, gradient: 0.5, firstMoment: 0, secondMoment: 0, step: 1, learningRate: 0.1)
    })
  func adam() throws { try checkAdamStep(Exercises.adamStep) }
}

/// The worked answers, through the same checks (CI runs these with every `swift test`).
@Suite struct Solutions8 {
  @Test func softmaxBackward() throws {
    try checkSoftmaxBackward(ExerciseSolutions.softmaxBackwardRow)
  }
  @Test func matmulBackward() throws { try checkMatmulGradients(ExerciseSolutions.matmulGradients) }
  @Test func adam() throws { try checkAdamStep(ExerciseSolutions.adamStep) }
}

// The checks.

private func checkSoftmaxBackward(_ softmaxBackwardRow: ([Double], [Double]) throws -> [Double])
  throws
{
  // x = [ln 1, ln 2, ln 1] → y = [1, 2, 1] / 4; dy = [1, 0, 0]; y·dy = 1/4;
  // dx = y ⊙ (dy − 1/4) = [1/4 · 3/4, 1/2 · (−1/4), 1/4 · (−1/4)] = [3/16, −1/8, −1/16].
  expectVector(
    try softmaxBackwardRow([0.25, 0.5, 0.25], [1, 0, 0]), equals: [3.0 / 16, -1.0 / 8, -1.0 / 16],
    tolerance: 1e-12, "Exercise 8.1: softmax backward, y = [1/4 1/2 1/4], dy = [1 0 0]")
  // x = [ln 3, 0, 0] → y = [3, 1, 1] / 5; dy = [0, 0, 1]; y·dy = 1/5;
  // dx = [3/5 · (−1/5), 1/5 · (−1/5), 1/5 · 4/5] = [−3/25, −1/25, 4/25].
  expectVector(
    try softmaxBackwardRow([0.6, 0.2, 0.2], [0, 0, 1]), equals: [-3.0 / 25, -1.0 / 25, 4.0 / 25],
    tolerance: 1e-12, "Exercise 8.1: softmax backward, y = [3/5 1/5 1/5], dy = [0 0 1]")
  // The same dy on every word changes nothing: y ⊙ (c − c) = 0.
  expectVector(
    try softmaxBackwardRow([0.25, 0.5, 0.25], [2, 2, 2]), equals: [0, 0, 0], tolerance: 1e-12,
    "Exercise 8.1: softmax backward of a constant dy")
}

private func checkMatmulGradients(
  _ matmulGradients: (Matrix, Matrix, Matrix) throws -> (a: Matrix, b: Matrix)
) throws {
  // A [3, 2], B [2, 3], dC [3, 3].
  // dA = dC · Bᵀ: row 1 [1, 0, −1] · Bᵀ = [1 − 2, −1] = [−1, −1]; row 2 [0, 2, 0] → [0, 2];
  //   row 3 [1, 1, 1] → [1 + 2, −1 + 1] = [3, 0].
  // dB = Aᵀ · dC: row 1 = 1·[1, 0, −1] + 0·[0, 2, 0] + 3·[1, 1, 1] = [4, 3, 2];
  //   row 2 = 2·[1, 0, −1] − 1·[0, 2, 0] + 1·[1, 1, 1] = [3, −1, −1].
  let a: Matrix = [[1, 2], [0, -1], [3, 1]]
  let b: Matrix = [[1, 0, 2], [-1, 1, 0]]
  let d = try matmulGradients(a, b, [[1, 0, -1], [0, 2, 0], [1, 1, 1]])
  expectMatrix(
    d.a, equals: [[-1, -1], [0, 2], [3, 0]], tolerance: 0, "Exercise 8.2: dA = dC · Bᵀ")
  expectMatrix(d.b, equals: [[4, 3, 2], [3, -1, -1]], tolerance: 0, "Exercise 8.2: dB = Aᵀ · dC")
}

private typealias AdamResult = (parameter: Double, firstMoment: Double, secondMoment: Double)

private func checkAdamStep(
  _ adamStep: (Double, Double, Double, Double, Int, Double) throws -> AdamResult
) throws {
  // θ = 1, g = 0.5, lr = 0.1, t = 1:
  // m = 0.9 · 0 + 0.1 · 0.5 = 0.05;   v = 0.98 · 0 + 0.02 · 0.25 = 0.005
  // m̂ = 0.05 / (1 − 0.9) = 0.5;       v̂ = 0.005 / (1 − 0.98) = 0.25, √v̂ = 0.5
  // θ = 1 − 0.1 · 0.5 / (0.5 + 1e-9) ≈ 0.9 + 2e-10 (without the correction: 1 − 0.0707)
  let first = try adamStep(1, 0.5, 0, 0, 1, 0.1)
  expectVector(
    [first.firstMoment, first.secondMoment], equals: [0.05, 0.005], tolerance: 1e-12,
    "Exercise 8.3, step 1: m and v")
  expectVector(
    [first.parameter], equals: [1 - 0.1 * 0.5 / (0.5 + 1e-9)], tolerance: 1e-12,
    "Exercise 8.3, step 1: θ − lr · m̂ / (√v̂ + ε)")
  // Step 2, g = 0.1, from m = 0.05, v = 0.005:
  // m = 0.9 · 0.05 + 0.1 · 0.1 = 0.055;  v = 0.98 · 0.005 + 0.02 · 0.01 = 0.0051
  // m̂ = 0.055 / (1 − 0.9²) = 0.055 / 0.19;  v̂ = 0.0051 / (1 − 0.98²) = 0.0051 / 0.0396
  // move = 0.1 · 0.289474 / (0.358870 + 1e-9) ≈ 0.0806625 (math.sqrt in Python)
  let second = try adamStep(0.9, 0.1, 0.05, 0.005, 2, 0.1)
  expectVector(
    [second.firstMoment, second.secondMoment], equals: [0.055, 0.0051], tolerance: 1e-12,
    "Exercise 8.3, step 2: m and v")
  expectVector(
    [0.9 - second.parameter],
    equals: [0.1 * (0.055 / 0.19) / ((0.0051 / 0.0396).squareRoot() + 1e-9)], tolerance: 1e-12,
    "Exercise 8.3, step 2: the move, ≈ 0.0806625")
  // At t = 1, m̂ = g and v̂ = g², so the first move is lr · g / (|g| + ε) ≈ lr, whatever g's
  // size: g = 100 and g = −0.25 both move θ = 2 by 0.01 (to within lr · ε / |g| ≤ 4e-11).
  expectVector(
    [
      try adamStep(2, 100, 0, 0, 1, 0.01).parameter,
      try adamStep(2, -0.25, 0, 0, 1, 0.01).parameter,
    ],
    equals: [1.99, 2.01], tolerance: 1e-9, "Exercise 8.3: the first step moves θ by lr")
}
