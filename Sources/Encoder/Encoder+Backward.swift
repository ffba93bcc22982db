import Matrix

extension Encoder {
  /// ∂L/∂ every parameter of the stack, one `EncoderLayer.Gradient` per layer, bottom first.
  public struct Gradient: Equatable, Sendable {
    public var layers: [EncoderLayer.Gradient]

    public init(layers: [EncoderLayer.Gradient]) {
      self.layers = layers
    }
  }

  /// The backward pass of `trace(x, mask:)`: each layer's backward, top layer first, each
  /// handing its input gradient down as the output gradient of the layer below. The trace holds
  /// every layer's input (the previous layer's output, or `trace.input` for the bottom one).
  /// Shape: dOutput [words, d_model] -> input [words, d_model]
  public func backward(trace: Trace, outputGradient: Matrix) -> (
    input: Matrix, parameters: Gradient
  ) {
    var gradient = outputGradient
    var layerGradients: [EncoderLayer.Gradient] = []
    for index in layers.indices.reversed() {
      let input = index == 0 ? trace.input : trace.layers[index - 1].output
      let d = layers[index].backward(input, trace: trace.layers[index], outputGradient: gradient)
      gradient = d.input
      layerGradients.insert(d.parameters, at: 0)
    }
    return (gradient, Gradient(layers: layerGradients))
  }
}
