import Foundation
import Matrix

// Worked answers to Chapter 6's exercises (Chapters/06-decoder.md). Each has the signature of its
// stub in Sources/Exercises/Chapter6.swift, so it can be pasted over it. The same checks run
// against these answers in CI: `swift test --filter Solutions6`.

/// Exercise 6.1: the causal mask.
///
/// Row i is the word asking (the query), column j the word it may look at (the key). Word i may
/// see words 1 to i, so (i, j) is 0 when j ≤ i and −∞ when j > i: the −∞ are above the
/// diagonal. Writing `j < i` instead gives the transpose, where each word sees only the future.
/// The mask is added to the scores, so 0 leaves a score as it is.
/// Shape: size -> [size, size]
public func causalMaskMatrix(size: Int) throws -> Matrix {
  var mask = Matrix(rows: size, columns: size)
  for i in 0..<size {
    for j in 0..<size where j > i {
      mask[i, j] = -Double.infinity
    }
  }
  return mask
}

/// Exercise 6.2: the softmax of scores + mask.
///
/// Add the mask, then take each row's softmax, subtracting the row's largest value first. A
/// masked score is −∞, and exp(−∞ − m) = 0 exactly, so masked words get no weight at all. If
/// every word in a row is masked, the largest value is −∞ itself and −∞ − (−∞) is NaN: such a
/// row has nothing to attend to, and gets zeros, as the book's `softmax` does.
/// Shape: [n_q, n_k] and [n_q, n_k] -> [n_q, n_k]
public func maskedSoftmax(_ scores: Matrix, mask: Matrix) throws -> Matrix {
  var weights = Matrix(rows: scores.rows, columns: scores.columns)
  for i in 0..<scores.rows {
    var largest = -Double.infinity
    for j in 0..<scores.columns {
      largest = max(largest, scores[i, j] + mask[i, j])
    }
    if largest == -.infinity { continue }  // every word masked: a row of zeros
    var total = 0.0
    for j in 0..<scores.columns {
      weights[i, j] = exp(scores[i, j] + mask[i, j] - largest)
      total += weights[i, j]
    }
    for j in 0..<scores.columns {
      weights[i, j] /= total
    }
  }
  return weights
}
