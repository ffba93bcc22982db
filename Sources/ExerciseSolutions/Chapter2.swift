import Foundation
import Matrix

// Worked answers to Chapter 2's exercises (Chapters/02-self-attention.md). Each has the signature
// of its stub in Sources/Exercises/Chapter2.swift, so it can be pasted over it. The same checks
// run against these answers in CI: `swift test --filter Solutions2`.

/// Exercise 2.1: self-attention for one word with plain loops.
///
/// Step 2 scores every word with a dot product of this word's query and that word's key. Step 3
/// divides by √d_k, the square root of the length of a key (64 in the post, so 112 / 8 = 14):
/// not by d_k, and not by √d_v. Step 4 is the softmax: subtracting the largest score first
/// changes nothing mathematically (it cancels in the fraction) but keeps `exp` from overflowing.
/// Steps 5 and 6 add up the value vectors, each times its weight.
/// Shape: [d_k], [words][d_k], [words][d_v] -> [words], [words], [words], [d_v]
public func oneWordAttention(
  query: [Double], keys: [[Double]], values: [[Double]]
) throws -> (scores: [Double], scaledScores: [Double], weights: [Double], output: [Double]) {
  // Step 2: score each word, q · kᵢ
  var scores: [Double] = []
  for key in keys {
    var score = 0.0
    for d in 0..<query.count {
      score += query[d] * key[d]
    }
    scores.append(score)
  }
  // Step 3: divide by √d_k
  let root = sqrt(Double(query.count))
  var scaledScores: [Double] = []
  for score in scores {
    scaledScores.append(score / root)
  }
  // Step 4: softmax
  let largest = scaledScores.max() ?? 0
  var weights: [Double] = []
  var total = 0.0
  for score in scaledScores {
    weights.append(exp(score - largest))
    total += weights[weights.count - 1]
  }
  for i in 0..<weights.count {
    weights[i] /= total
  }
  // Steps 5 and 6: z = Σ weightᵢ · vᵢ
  var z = Array(repeating: 0.0, count: values.first?.count ?? 0)
  for (weight, value) in zip(weights, values) {
    for d in 0..<z.count {
      z[d] += weight * value[d]
    }
  }
  return (scores, scaledScores, weights, z)
}

/// Exercise 2.2: self-attention in matrix form, Z = softmax(Q·K^T / √d_k) · V.
///
/// Row i of Q·K^T holds query i's dot products with every key, so element (i, j) is the score of
/// word j for word i: rows are queries, columns keys (a product K·Q^T would give the transpose).
/// The softmax runs along each row, so each query's weights sum to 1. Z = weights · V mixes the
/// value rows; its row i is the Exercise 2.1 answer for word i.
/// Shape: [n_q, d_k], [n_k, d_k], [n_k, d_v] -> [n_q, n_k] (three times), [n_q, d_v]
public func selfAttention(
  queries: Matrix, keys: Matrix, values: Matrix
) throws -> (scores: Matrix, scaledScores: Matrix, weights: Matrix, output: Matrix) {
  let (n, m) = (queries.rows, keys.rows)
  // Step 2: Q·K^T, element (i, j) = qᵢ · kⱼ
  var scores = Matrix(rows: n, columns: m)
  for i in 0..<n {
    for j in 0..<m {
      for d in 0..<queries.columns {
        scores[i, j] += queries[i, d] * keys[j, d]
      }
    }
  }
  // Step 3: divide by √d_k
  let root = sqrt(Double(keys.columns))
  var scaledScores = Matrix(rows: n, columns: m)
  for i in 0..<n {
    for j in 0..<m {
      scaledScores[i, j] = scores[i, j] / root
    }
  }
  // Step 4: softmax of each row
  var weights = Matrix(rows: n, columns: m)
  for i in 0..<n {
    var largest = -Double.infinity
    for j in 0..<m {
      largest = max(largest, scaledScores[i, j])
    }
    var total = 0.0
    for j in 0..<m {
      weights[i, j] = exp(scaledScores[i, j] - largest)
      total += weights[i, j]
    }
    for j in 0..<m {
      weights[i, j] /= total
    }
  }
  // Steps 5 and 6: Z = weights · V
  var z = Matrix(rows: n, columns: values.columns)
  for i in 0..<n {
    for d in 0..<values.columns {
      for j in 0..<m {
        z[i, d] += weights[i, j] * values[j, d]
      }
    }
  }
  return (scores, scaledScores, weights, z)
}
