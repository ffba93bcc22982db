import Foundation
import Matrix

// Chapter 4's exercises: the questions are at the end of Chapters/04-positional-encoding.md.
// Replace each `throw ExerciseNotAttempted(...)` line with your code, then check your answers:
//
//     swift test --filter Exercises4 --no-parallel --quiet
//
// Use plain loops, Foundation's `sin`, `cos` and `pow`, and Matrix's basics:
// `Matrix(rows:columns:)` (all zeros), `m[i, j]` to read and write an element, `m.rows`,
// `m.columns`. Worked answers, for when you are done: Sources/ExerciseSolutions/Chapter4.swift.

/// Exercise 4.1: the paper's frequencies ω_i = 1 / 10000^(2i / d_model), for i = 0, 1, …,
/// d_model/2 − 1.
/// Shape: d_model -> [d_model / 2]
public func encodingFrequencies(modelDimension: Int) throws -> [Double] {
  throw ExerciseNotAttempted("Exercise 4.1")
}

/// Exercise 4.2: the paper's (interleaved) encoding table: row pos, column 2i is
/// sin(pos · ω_i) and column 2i + 1 is cos(pos · ω_i). Positions count from 0.
/// Shape: positions, d_model -> [positions, d_model]
public func sinusoidalEncoding(positions: Int, modelDimension: Int) throws -> Matrix {
  throw ExerciseNotAttempted("Exercise 4.2")
}

/// Exercise 4.3: X + PE: add row pos of the encoding to the word at position pos. The table may
/// have more rows than the sentence has words; use only the first ones.
/// Shape: [words, d_model] and [positions ≥ words, d_model] -> [words, d_model]
public func addPositions(to x: Matrix, encoding: Matrix) throws -> Matrix {
  throw ExerciseNotAttempted("Exercise 4.3")
}
