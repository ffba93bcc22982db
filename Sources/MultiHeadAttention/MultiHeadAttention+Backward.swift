import Matrix
import SelfAttention

extension MultiHeadAttention {
  /// ∂L/∂ every parameter of the layer: one `AttentionHead.Gradient` per head, and ∂L/∂W^O.
  public struct Gradient: Equatable, Sendable {
    /// Head i's ∂L/∂W^Q, ∂L/∂W^K, ∂L/∂W^V, in the order of `heads`.
    public var heads: [AttentionHead.Gradient]
    /// ∂L/∂W^O. Shape: [h·d_v, d_model]
    public var outputWeights: Matrix

    public init(heads: [AttentionHead.Gradient], outputWeights: Matrix) {
      self.heads = heads
      self.outputWeights = outputWeights
    }
  }

  /// The backward pass of `trace(x, attendingTo: memory, mask:)`, given its trace and ∂L/∂output.
  /// Pass the same `x` and `memory` as the forward:
  ///
  ///     output = concatenated · W^O           dW^O = concatenatedᵀ · dOutput
  ///                                           dConcatenated = dOutput · (W^O)ᵀ
  ///     concatenated = [Z₀ … Z_{h−1}]         dZᵢ = column block i of dConcatenated
  ///     Zᵢ = head i(x, memory)                dx (and dmemory) = Σᵢ head i's input gradient
  ///
  /// Every head reads the same x, so x's gradient is the sum over the heads.
  /// Shape: x [n_q, d_model], memory [n_k, d_model], dOutput [n_q, d_model] ->
  /// input [n_q, d_model], memory [n_k, d_model] (nil in self-attention)
  public func backward(
    _ x: Matrix, attendingTo memory: Matrix? = nil, trace: Trace, outputGradient: Matrix
  ) -> (input: Matrix, memory: Matrix?, parameters: Gradient) {
    // output = matmul(concatenated, outputWeights)
    let (dConcatenated, dOutputWeights) = matmulBackward(
      trace.concatenated, outputWeights, outputGradient: outputGradient)
    // concatenated = Matrix(concatenatingColumns: heads' outputs): cut the gradient apart
    let dHeadOutputs = dConcatenated.splitColumns(into: heads.count)  // h × [n_q, d_v]
    var dInput = Matrix(rows: x.rows, columns: x.columns)
    var dMemory = memory.map { Matrix(rows: $0.rows, columns: $0.columns) }
    var headGradients: [AttentionHead.Gradient] = []
    for (index, head) in heads.enumerated() {
      let d = head.backward(
        x, attendingTo: memory, trace: trace.heads[index], outputGradient: dHeadOutputs[index])
      dInput = dInput + d.input
      if let memoryGradient = d.memory { dMemory = dMemory.map { $0 + memoryGradient } }
      headGradients.append(d.parameters)
    }
    return (dInput, dMemory, Gradient(heads: headGradients, outputWeights: dOutputWeights))
  }
}
