import Matrix

extension AttentionHead {
  /// ∂L/∂ each weight matrix of one head, the same shapes as the weights.
  public struct Gradient: Equatable, Sendable {
    /// ∂L/∂W^Q. Shape: [d_model, d_k]
    public var queryWeights: Matrix
    /// ∂L/∂W^K. Shape: [d_model, d_k]
    public var keyWeights: Matrix
    /// ∂L/∂W^V. Shape: [d_model, d_v]
    public var valueWeights: Matrix

    public init(queryWeights: Matrix, keyWeights: Matrix, valueWeights: Matrix) {
      self.queryWeights = queryWeights
      self.keyWeights = keyWeights
      self.valueWeights = valueWeights
    }
  }

  /// The backward pass of `trace(x, attendingTo: memory, mask:)`, given the forward's trace and
  /// ∂L/∂Z. Pass the same `x` and `memory` as the forward (the mask is already in the trace's
  /// weights):
  ///
  ///     queries = x · W^Q                     dW^Q = xᵀ · dQ,       dx = dQ · (W^Q)ᵀ
  ///     keys = source · W^K                   dW^K = sourceᵀ · dK,  dsource += dK · (W^K)ᵀ
  ///     values = source · W^V                 dW^V = sourceᵀ · dV,  dsource += dV · (W^V)ᵀ
  ///
  /// In self-attention the source is x itself, so x collects all three gradients and `memory`
  /// comes back nil; in encoder-decoder attention the keys' and values' share goes to `memory`.
  /// Shape: x [n_q, d_model], memory [n_k, d_model], dZ [n_q, d_v] -> input [n_q, d_model],
  /// memory [n_k, d_model]
  public func backward(
    _ x: Matrix, attendingTo memory: Matrix? = nil, trace: Trace, outputGradient: Matrix
  ) -> (input: Matrix, memory: Matrix?, parameters: Gradient) {
    let source = memory ?? x
    let steps = AttentionSteps(
      scores: trace.scores, scaledScores: trace.scaledScores, maskedScores: trace.maskedScores,
      weights: trace.weights, output: trace.output)
    // Steps 2 to 6
    let d = scaledDotProductAttentionBackward(
      queries: trace.queries, keys: trace.keys, values: trace.values, steps: steps,
      outputGradient: outputGradient)
    // Step 1: queries = matmul(x, queryWeights), keys and values = matmul(source, W^K or W^V)
    let (dxFromQueries, dQueryWeights) = matmulBackward(x, queryWeights, outputGradient: d.queries)
    let (dSourceFromKeys, dKeyWeights) = matmulBackward(source, keyWeights, outputGradient: d.keys)
    let (dSourceFromValues, dValueWeights) = matmulBackward(
      source, valueWeights, outputGradient: d.values)
    let dSource = dSourceFromKeys + dSourceFromValues  // [n_k, d_model]
    let parameters = Gradient(
      queryWeights: dQueryWeights, keyWeights: dKeyWeights, valueWeights: dValueWeights)
    if memory == nil {
      return (dxFromQueries + dSource, nil, parameters)
    }
    return (dxFromQueries, dSource, parameters)
  }
}
