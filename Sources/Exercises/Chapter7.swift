import Foundation
import Matrix

// Chapter 7's exercises: the questions are at the end of Chapters/07-output-and-loss.md.
// Replace each `throw ExerciseNotAttempted(...)` line with your code, then check your answers:
//
//     swift test --filter Exercises7 --no-parallel --quiet
//
// Use plain loops, Foundation's `exp` and `log`, and Matrix's basics: `Matrix(rows:columns:)`
// (all zeros), `m[i, j]` to read and write an element, `m.rows`, `m.columns`, `m.row(i)`.
// Worked answers, for when you are done: Sources/ExerciseSolutions/Chapter7.swift.

/// Exercise 7.1: log-softmax of one row of logits by log-sum-exp:
/// log softmax(x)ᵢ = xᵢ − m − log Σⱼ exp(xⱼ − m), with m the largest logit.
/// Shape: [vocabulary] -> [vocabulary]
public func logSoftmaxRow(_ logits: [Double]) throws -> [Double] {
  throw ExerciseNotAttempted("Exercise 7.1")
}

/// Exercise 7.2: the cross-entropy of each position, −log p(right word), and their mean.
/// Row i of `logits` is position i, and `targetWords[i]` is the index of its right word.
/// Shape: [words, vocabulary] and [words] -> [words], a number
public func crossEntropyOfPositions(
  logits: Matrix, targetWords: [Int]
) throws -> (perPosition: [Double], mean: Double) {
  throw ExerciseNotAttempted("Exercise 7.2")
}

/// Exercise 7.3: label-smoothed targets, as the chapter chose: row i has 1 − ε on word
/// `targetWords[i]` and ε / (V − 1) on each of the other V − 1 words.
/// Shape: [words] -> [words, vocabulary]
public func labelSmoothedTargets(
  _ targetWords: [Int], vocabularySize: Int, smoothing: Double
) throws -> Matrix {
  throw ExerciseNotAttempted("Exercise 7.3")
}
