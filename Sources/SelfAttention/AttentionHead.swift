import Matrix

/// One attention head: the three weight matrices that turn each word's vector into a query,
/// a key and a value, then attention over the whole sentence.
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

  /// A head with random weights (Glorot uniform), reproducible from `seed`; d_v = d_k.
  public init(modelDimension: Int, keyDimension: Int, seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    self.init(
      queryWeights: .glorotUniform(rows: modelDimension, columns: keyDimension, using: &generator),
      keyWeights: .glorotUniform(rows: modelDimension, columns: keyDimension, using: &generator),
      valueWeights: .glorotUniform(rows: modelDimension, columns: keyDimension, using: &generator))
  }

  /// The output Z of attention. Shape: [words, d_model] -> [words, d_v]
  public func callAsFunction(_ x: Matrix, attendingTo memory: Matrix? = nil, mask: Matrix? = nil)
    -> Matrix
  {
    trace(x, attendingTo: memory, mask: mask).output
  }

  /// Every intermediate of attention, in the post's order. The queries come from `x`; the keys
  /// and values from `memory` if given (encoder-decoder attention), else from `x` itself
  /// (self-attention). `mask` is added to the scaled scores before softmax.
  /// Shape: [n_q, d_model], memory [n_k, d_model], mask [n_q, n_k] -> output [n_q, d_v]
  public func trace(_ x: Matrix, attendingTo memory: Matrix? = nil, mask: Matrix? = nil)
    -> Trace
  {
    let source = memory ?? x
    for (name, input) in [("input", x), ("memory", source)] {
      checkPrecondition(
        input.columns == queryWeights.rows,
        "AttentionHead: \(name) \(input.shape) × W^Q \(queryWeights.shape): d_model "
          + "\(input.columns) and \(queryWeights.rows) differ")
    }
    // Step 1: a query for every word of x, a key and a value for every word of the source
    let queries = matmul(x, queryWeights)  // [n_q, d_k]
    let keys = matmul(source, keyWeights)  // [n_k, d_k]
    let values = matmul(source, valueWeights)  // [n_k, d_v]
    // Steps 2 to 6, for all words at once
    let steps = scaledDotProductAttention(queries: queries, keys: keys, values: values, mask: mask)
    return Trace(
      queries: queries, keys: keys, values: values, scores: steps.scores,
      scaledScores: steps.scaledScores, maskedScores: steps.maskedScores,
      weights: steps.weights, output: steps.output)
  }

  /// Every intermediate of one head, in the post's order (steps 1 to 6).
  public struct Trace: Equatable, Sendable {
    /// Step 1: Q = X·W^Q. Shape: [n_q, d_k]
    public var queries: Matrix
    /// Step 1: K = X·W^K. Shape: [n_k, d_k]
    public var keys: Matrix
    /// Step 1: V = X·W^V. Shape: [n_k, d_v]
    public var values: Matrix
    /// Step 2: Q·K^T. Shape: [n_q, n_k]
    public var scores: Matrix
    /// Step 3: Q·K^T / √d_k. Shape: [n_q, n_k]
    public var scaledScores: Matrix
    /// The scaled scores plus the mask (equal to them without one). Shape: [n_q, n_k]
    public var maskedScores: Matrix
    /// Step 4: softmax, row by row. Shape: [n_q, n_k]
    public var weights: Matrix
    /// Steps 5 and 6: Z = weights · V. Shape: [n_q, d_v]
    public var output: Matrix
  }
}
