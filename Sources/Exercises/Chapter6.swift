import Foundation
import Matrix

// Chapter 6's exercises: the questions are at the end of Chapters/06-decoder.md.
// Replace each `throw ExerciseNotAttempted(...)` line with your code, then check your answers:
//
//     swift test --filter Exercises6 --no-parallel --quiet
//
// Use plain loops, Foundation's `exp`, `Double.infinity`, and Matrix's basics:
// `Matrix(rows:columns:)` (all zeros), `m[i, j]` to read and write an element, `m.rows`,
// `m.columns`. Worked answers, for when you are done: Sources/ExerciseSolutions/Chapter6.swift.

/// Exercise 6.1: the decoder's causal mask: 0 on and below the diagonal (a word sees itself and
/// the words before it), −∞ above it (the words after it).
/// Shape: size -> [size, size]
public func causalMaskMatrix(size: Int) throws -> Matrix {
  throw ExerciseNotAttempted("Exercise 6.1")
}

/// Exercise 6.2: the softmax of each row of scores + mask. A masked word (−∞) gets weight
/// exactly 0; a row whose words are all masked gets all zeros (not NaN).
/// Shape: [n_q, n_k] and [n_q, n_k] -> [n_q, n_k]
public func maskedSoftmax(_ scores: Matrix, mask: Matrix) throws -> Matrix {
  throw ExerciseNotAttempted("Exercise 6.2")
}
