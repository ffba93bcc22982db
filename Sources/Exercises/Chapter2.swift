import Foundation
import Matrix

// Chapter 2's exercises: the questions are at the end of Chapters/02-self-attention.md.
// Replace each `throw ExerciseNotAttempted(...)` line with your code, then check your answers:
//
//     swift test --filter Exercises2 --no-parallel --quiet
//
// Use plain loops, Foundation's `exp` and `sqrt`, and Matrix's basics: `Matrix(rows:columns:)`
// (all zeros), `m[i, j]` to read and write an element, `m.rows`, `m.columns`. Worked answers,
// for when you are done: Sources/ExerciseSolutions/Chapter2.swift.

/// Exercise 2.1: self-attention for one word with plain loops, the post's steps 2 to 6.
/// `query` is the word's q, `keys[i]` and `values[i]` are word i's k and v. Return every step:
/// the scores q · kᵢ, the scores divided by √d_k, their softmax, and z = Σ weightᵢ · vᵢ.
/// Shape: [d_k], [words][d_k], [words][d_v] -> [words], [words], [words], [d_v]
public func oneWordAttention(
  query: [Double], keys: [[Double]], values: [[Double]]
) throws -> (scores: [Double], scaledScores: [Double], weights: [Double], output: [Double]) {
  throw ExerciseNotAttempted("Exercise 2.1")
}

/// Exercise 2.2: self-attention in matrix form, Z = softmax(Q·K^T / √d_k) · V, returning every
/// step: Q·K^T, the same divided by √d_k, the row-wise softmax, and Z.
/// Shape: [n_q, d_k], [n_k, d_k], [n_k, d_v] -> [n_q, n_k] (three times), [n_q, d_v]
public func selfAttention(
  queries: Matrix, keys: Matrix, values: Matrix
) throws -> (scores: Matrix, scaledScores: Matrix, weights: Matrix, output: Matrix) {
  throw ExerciseNotAttempted("Exercise 2.2")
}
