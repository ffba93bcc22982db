import Matrix

/// Scaled dot-product attention in matrix form: Z = softmax(Q·Kᵀ / √d_k) · V.
/// (Chapter 2; tests in Tests/Chapter2Tests/AttentionHeadTests.swift.)
///
/// Returns every intermediate: row i of each is word i's scores, weights and output.
/// Shape: [n_q, d_k], [n_k, d_k], [n_k, d_v] -> scores and weights [n_q, n_k], output [n_q, d_v]
public func scaledDotProductAttention(queries: Matrix, keys: Matrix, values: Matrix)
  -> AttentionSteps
{
  checkPrecondition(
    queries.columns == keys.columns,
    "attention: queries \(queries.shape) and keys \(keys.shape) must have the same d_k")
  checkPrecondition(
    keys.rows == values.rows,
    "attention: keys \(keys.shape) and values \(values.shape) must have one row per word")
  // Step 2: every query against every key
  let scores = matmul(queries, keys.transposed())  // [n_q, n_k]
  // Step 3: divide by √d_k
  let scaledScores = scores / Double(keys.columns).squareRoot()  // [n_q, n_k]
  // Step 4: softmax, row by row
  let weights = softmax(scaledScores)  // [n_q, n_k]
  // Steps 5 and 6: weight the values and sum them, as one matrix product
  let output = matmul(weights, values)  // [n_q, d_v]
  return AttentionSteps(
    scores: scores, scaledScores: scaledScores, weights: weights, output: output)
}

/// The intermediate matrices of scaled dot-product attention, in order.
public struct AttentionSteps: Equatable, Sendable {
  /// Q·Kᵀ: row i holds word i's score against every word. Shape: [n_q, n_k]
  public var scores: Matrix
  /// Q·Kᵀ / √d_k. Shape: [n_q, n_k]
  public var scaledScores: Matrix
  /// Row-wise softmax of the scaled scores. Shape: [n_q, n_k]
  public var weights: Matrix
  /// Z = weights · V. Shape: [n_q, d_v]
  public var output: Matrix
}
