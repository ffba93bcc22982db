import Matrix

/// Scaled dot-product attention in matrix form: Z = softmax(Q·K^T / √d_k + M) · V, where the
/// optional mask M is added to the scaled scores before softmax (0 where a query may look,
/// −∞ where it may not; Chapter 6 uses it).
/// (Chapter 2; tests in Tests/Chapter2Tests/AttentionHeadTests.swift.)
///
/// Returns every intermediate: row i of each is query i's scores, weights and output.
/// Traps unless queries and keys have the same d_k, keys and values one row per word, and the
/// mask (if any) the shape of the scores.
/// Shape: [n_q, d_k], [n_k, d_k], [n_k, d_v], mask [n_q, n_k] -> weights [n_q, n_k],
/// output [n_q, d_v]
public func scaledDotProductAttention(
  queries: Matrix, keys: Matrix, values: Matrix, mask: Matrix? = nil
) -> AttentionSteps {
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
  // The mask, if any: −∞ where a query must not look
  var maskedScores = scaledScores
  if let mask {
    checkPrecondition(
      mask.shape == scores.shape,
      "attention: mask \(mask.shape) must have the shape of the scores \(scores.shape) "
        + "(queries \(queries.shape), keys \(keys.shape))")
    maskedScores = scaledScores + mask
  }
  // Step 4: softmax, row by row
  let weights = softmax(maskedScores)  // [n_q, n_k]
  // Steps 5 and 6: weight the values and sum them, as one matrix product
  let output = matmul(weights, values)  // [n_q, d_v]
  return AttentionSteps(
    scores: scores, scaledScores: scaledScores, maskedScores: maskedScores, weights: weights,
    output: output)
}

/// The intermediate matrices of scaled dot-product attention, in the post's order.
public struct AttentionSteps: Equatable, Sendable {
  /// Step 2, Q·K^T: row i holds query i's score against every key. Shape: [n_q, n_k]
  public var scores: Matrix
  /// Step 3, Q·K^T / √d_k. Shape: [n_q, n_k]
  public var scaledScores: Matrix
  /// The scaled scores plus the mask; equal to `scaledScores` without a mask. Shape: [n_q, n_k]
  public var maskedScores: Matrix
  /// Step 4, the row-wise softmax of the masked scores. Shape: [n_q, n_k]
  public var weights: Matrix
  /// Steps 5 and 6, Z = weights · V. Shape: [n_q, d_v]
  public var output: Matrix
}
