import Foundation
import Matrix

// Chapter 8's exercises: the questions are at the end of Chapters/08-training.md.
// Replace each `throw ExerciseNotAttempted(...)` line with your code, then check your answers:
//
//     swift test --filter Exercises8 --no-parallel --quiet
//
// Use plain loops, Foundation's `pow` and `sqrt`, and Matrix's basics: `Matrix(rows:columns:)`
// (all zeros), `m[i, j]` to read and write an element, `m.rows`, `m.columns` (not Matrix's
// `softmaxBackward` or `matmulBackward`: they are the answer). Worked answers, for when you are
// done: Sources/ExerciseSolutions/Chapter8.swift.

/// Exercise 8.1: softmax backward for one row. Given the softmax's output y and the loss's
/// gradient dy with respect to y, return the gradient with respect to the input:
/// dxᵢ = yᵢ · (dyᵢ − Σⱼ yⱼ · dyⱼ).
/// Shape: [n] and [n] -> [n]
public func softmaxBackwardRow(output: [Double], outputGradient: [Double]) throws -> [Double] {
  throw ExerciseNotAttempted("Exercise 8.1")
}

/// Exercise 8.2: the gradients of C = A · B: dA = dC · B^T and dB = A^T · dC.
/// Shape: [n, m], [m, p] and [n, p] -> [n, m], [m, p]
public func matmulGradients(
  _ a: Matrix, _ b: Matrix, outputGradient: Matrix
) throws -> (a: Matrix, b: Matrix) {
  throw ExerciseNotAttempted("Exercise 8.2")
}

/// Exercise 8.3: one Adam step for one number, with the paper's β₁ = 0.9, β₂ = 0.98, ε = 1e-9.
/// `step` is t, counted from 1; `firstMoment` and `secondMoment` are m and v before the step.
///
///     m ← β₁·m + (1 − β₁)·g          m̂ = m / (1 − β₁ᵗ)
///     v ← β₂·v + (1 − β₂)·g²         v̂ = v / (1 − β₂ᵗ)
///     θ ← θ − lr · m̂ / (√v̂ + ε)
///
/// Return the new θ, m and v.
/// Shape: numbers -> numbers
public func adamStep(
  parameter: Double, gradient: Double, firstMoment: Double, secondMoment: Double, step: Int,
  learningRate: Double
) throws -> (parameter: Double, firstMoment: Double, secondMoment: Double) {
  throw ExerciseNotAttempted("Exercise 8.3")
}
