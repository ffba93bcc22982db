import Matrix

/// One self-attention head: the three weight matrices that turn each word's vector into a
/// query, a key and a value, then attention over the whole sentence.
///
///     let head = AttentionHead(queryWeights: wQ, keyWeights: wK, valueWeights: wV)
///     let z = head(x)   // [words, d_model] -> [words, d_v]
public struct AttentionHead: Sendable {
  /// W^Q. Shape: [d_model, d_k]
  public var queryWeights: Matrix
  /// W^K. Shape: [d_model, d_k]
  public var keyWeights: Matrix
  /// W^V. Shape: [d_model, d_v]
  public var valueWeights: Matrix

  /// Traps unless all three have d_model rows and W^Q and W^K have the same d_k.
  public init(queryWeights: Matrix, keyWeights: Matrix, valueWeights: Matrix) {
    checkPrecondition(
      queryWeights.shape == keyWeights.shape,
      "AttentionHead: W^Q \(queryWeights.shape) and W^K \(keyWeights.shape) must have the same shape"
    )
    checkPrecondition(
      valueWeights.rows == queryWeights.rows,
      "AttentionHead: W^Q \(queryWeights.shape) and W^V \(valueWeights.shape) must have d_model rows"
    )
    self.queryWeights = queryWeights
    self.keyWeights = keyWeights
    self.valueWeights = valueWeights
  }

  /// A head with random weights (Glorot uniform), reproducible from `seed`.
  public init(modelDimension: Int, keyDimension: Int, seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    self.init(
      queryWeights: .glorotUniform(rows: modelDimension, columns: keyDimension, using: &generator),
      keyWeights: .glorotUniform(rows: modelDimension, columns: keyDimension, using: &generator),
      valueWeights: .glorotUniform(rows: modelDimension, columns: keyDimension, using: &generator))
  }

  /// The output Z of attention over the sentence X. Shape: [words, d_model] -> [words, d_v]
  public func callAsFunction(_ x: Matrix) -> Matrix {
    trace(x).steps.output
  }

  /// Every intermediate of attention over X: Q, K, V, then the steps of the attention itself.
  public func trace(_ x: Matrix) -> (
    queries: Matrix, keys: Matrix, values: Matrix, steps: AttentionSteps
  ) {
    checkPrecondition(
      x.columns == queryWeights.rows,
      "AttentionHead: input \(x.shape) × W^Q \(queryWeights.shape): d_model \(x.columns) and "
        + "\(queryWeights.rows) differ")
    // Step 1: one query, key and value per word
    let queries = matmul(x, queryWeights)  // [words, d_k]
    let keys = matmul(x, keyWeights)  // [words, d_k]
    let values = matmul(x, valueWeights)  // [words, d_v]
    // Steps 2 to 6, for all words at once
    let steps = scaledDotProductAttention(queries: queries, keys: keys, values: values)
    return (queries, keys, values, steps)
  }
}
