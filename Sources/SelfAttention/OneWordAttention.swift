import Foundation
import Matrix

/// Self-attention for one word, step by step, with plain vectors (the post's first telling).
///
/// Step 1 (done before: `project(_:_:)`) makes a query, key and value per word. Then for the
/// word whose query is `query`:
/// 2. score every word: q · kᵢ
/// 3. divide by √d_k (d_k = the length of a key)
/// 4. softmax the scaled scores into weights that sum to 1
/// 5. weight each value vector: wᵢ · vᵢ
/// 6. sum the weighted values: z = Σ wᵢ · vᵢ
///
/// Chapter 2; tests in Tests/Chapter2Tests/OneWordAttentionTests.swift.
public struct OneWordAttention: Equatable, Sendable {
  /// Step 2: q · kᵢ for every word i. Shape: [words]
  public var scores: [Double]
  /// Step 3: the scores divided by √d_k. Shape: [words]
  public var scaledScores: [Double]
  /// Step 4: softmax of the scaled scores. Shape: [words]
  public var weights: [Double]
  /// Step 5: wᵢ · vᵢ for every word i. Shape: [words][d_v]
  public var weightedValues: [[Double]]
  /// Step 6: z, the sum of the weighted values: this word's output. Shape: [d_v]
  public var output: [Double]

  /// Runs steps 2 to 6. Traps unless there are as many keys as values, and the query and every
  /// key have the same length.
  public init(query: [Double], keys: [[Double]], values: [[Double]]) {
    checkPrecondition(
      keys.count == values.count,
      "OneWordAttention: \(keys.count) keys but \(values.count) values: one each per word")
    let keyDimension = Double(query.count)
    // Step 2: score each word against this one
    scores = keys.map { dot(query, $0) }
    // Step 3: divide by √d_k
    scaledScores = scores.map { $0 / keyDimension.squareRoot() }
    // Step 4: softmax
    weights = softmax(scaledScores)
    // Step 5: multiply each value vector by its weight
    weightedValues = zip(weights, values).map { weight, value in value.map { weight * $0 } }
    // Step 6: sum the weighted value vectors
    let valueDimension = values.first?.count ?? 0
    var z = Array(repeating: 0.0, count: valueDimension)
    for vector in weightedValues {
      checkPrecondition(
        vector.count == valueDimension,
        "OneWordAttention: value vectors of lengths \(valueDimension) and \(vector.count)")
      for j in z.indices { z[j] += vector[j] }
    }
    output = z
  }
}

/// Step 1 for one word: the row vector x times a weight matrix W, e.g. q₁ = x₁ · W^Q.
/// Written as its own loop (not with `matmul`) so that the vector telling checks the matrix one.
/// Shape: [d_model] × [d_model, d_k] -> [d_k]
public func project(_ x: [Double], _ weights: Matrix) -> [Double] {
  checkPrecondition(
    x.count == weights.rows,
    "project: a vector of length \(x.count) × \(weights.shape): lengths \(x.count) and "
      + "\(weights.rows) differ")
  var result = Array(repeating: 0.0, count: weights.columns)
  for j in 0..<weights.columns {
    for i in 0..<weights.rows {
      result[j] += x[i] * weights[i, j]
    }
  }
  return result
}
