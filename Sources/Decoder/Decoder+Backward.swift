import Matrix

extension Decoder {
  /// ∂L/∂ every parameter of the stack, one `DecoderLayer.Gradient` per layer, bottom first.
  public struct Gradient: Equatable, Sendable {
    public var layers: [DecoderLayer.Gradient]

    public init(layers: [DecoderLayer.Gradient]) {
      self.layers = layers
    }
  }

  /// The backward pass of `trace(y, attendingTo: memory, memoryMask:)`: each layer's backward,
  /// top layer first, handing its input gradient to the layer below. Every layer reads the same
  /// memory (the encoder's output), so the memory's gradient is the sum over the layers.
  /// Shape: memory [n_s, d_model], dOutput [n_t, d_model] -> input [n_t, d_model],
  /// memory [n_s, d_model]
  public func backward(attendingTo memory: Matrix, trace: Trace, outputGradient: Matrix) -> (
    input: Matrix, memory: Matrix, parameters: Gradient
  ) {
    var gradient = outputGradient
    var dMemory = Matrix(rows: memory.rows, columns: memory.columns)
    var layerGradients: [DecoderLayer.Gradient] = []
    for index in layers.indices.reversed() {
      let input = index == 0 ? trace.input : trace.layers[index - 1].output
      let d = layers[index].backward(
        input, attendingTo: memory, trace: trace.layers[index], outputGradient: gradient)
      gradient = d.input
      dMemory = dMemory + d.memory
      layerGradients.insert(d.parameters, at: 0)
    }
    return (gradient, dMemory, Gradient(layers: layerGradients))
  }
}
