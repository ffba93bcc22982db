import Foundation
import Matrix

// Chapter 5's exercises: the questions are at the end of Chapters/05-encoder.md.
// Replace each `throw ExerciseNotAttempted(...)` line with your code, then check your answers:
//
//     swift test --filter Exercises5 --no-parallel --quiet
//
// Use plain loops, Foundation's `sqrt`, and Matrix's basics: `Matrix(rows:columns:)` (all
// zeros), `m[i, j]` to read and write an element, `m.rows`, `m.columns`. Worked answers, for
// when you are done: Sources/ExerciseSolutions/Chapter5.swift.

/// Exercise 5.1: layer normalization of each row. For every row: the mean μ, the variance σ²
/// (divide by d_model, the number of columns), then γ ⊙ (x − μ) / √(σ² + ε) + β.
/// Shape: [words, d_model], [d_model], [d_model] -> [words, d_model]
public func layerNormalizeRows(
  _ x: Matrix, gain: [Double], bias: [Double], epsilon: Double
) throws -> Matrix {
  throw ExerciseNotAttempted("Exercise 5.1")
}

/// Exercise 5.2: the position-wise feed-forward network, max(0, x·W₁ + b₁)·W₂ + b₂. Return every
/// step: x·W₁ + b₁, its ReLU, and the output.
/// Shape: [words, d_model], [d_model, d_ff], [d_ff], [d_ff, d_model], [d_model]
///   -> [words, d_ff], [words, d_ff], [words, d_model]
public func feedForwardNetwork(
  _ x: Matrix, firstWeights: Matrix, firstBias: [Double], secondWeights: Matrix,
  secondBias: [Double]
) throws -> (hidden: Matrix, activated: Matrix, output: Matrix) {
  throw ExerciseNotAttempted("Exercise 5.2")
}
