import Matrix

/// The encoder stack: N encoder layers, each feeding the next (the post draws 2, the paper
/// uses N = 6). Every layer has the same shapes and its own weights.
/// Shape: [words, d_model] -> [words, d_model]
public struct Encoder: Sendable {
  /// The layers, bottom first.
  public var layers: [EncoderLayer]

  /// Traps unless there is at least one layer and all share d_model.
  public init(layers: [EncoderLayer]) {
    checkPrecondition(!layers.isEmpty, "Encoder: needs at least one layer")
    for (index, layer) in layers.enumerated() {
      checkPrecondition(
        layer.modelDimension == layers[0].modelDimension,
        "Encoder: layer 1 has d_model \(layers[0].modelDimension) but layer \(index + 1) has "
          + "\(layer.modelDimension)")
    }
    self.layers = layers
  }

  /// N layers with random weights: `SplitMix64(seed:)` draws one seed per layer, bottom first,
  /// for `EncoderLayer(modelDimension:headCount:hiddenDimension:seed:)`.
  public init(
    layerCount: Int, modelDimension: Int, headCount: Int, hiddenDimension: Int, seed: UInt64
  ) {
    var generator = SplitMix64(seed: seed)
    self.init(
      layers: (0..<layerCount).map { _ in
        EncoderLayer(
          modelDimension: modelDimension, headCount: headCount, hiddenDimension: hiddenDimension,
          seed: generator.next())
      })
  }

  /// The top layer's output. Shape: [words, d_model], mask [words, words] -> [words, d_model]
  public func callAsFunction(_ x: Matrix, mask: Matrix? = nil) -> Matrix {
    trace(x, mask: mask).output
  }

  /// Every intermediate of every layer. The same `mask` is used in every layer.
  /// Shape: [words, d_model], mask [words, words] -> output [words, d_model]
  public func trace(_ x: Matrix, mask: Matrix? = nil) -> Trace {
    var traces: [EncoderLayer.Trace] = []
    var current = x
    for layer in layers {
      let trace = layer.trace(current, mask: mask)
      traces.append(trace)
      current = trace.output
    }
    return Trace(input: x, layers: traces)
  }

  /// Every intermediate of the encoder stack.
  public struct Trace: Equatable, Sendable {
    /// What went into the bottom layer. Shape: [words, d_model]
    public var input: Matrix
    /// Each layer's trace, bottom first.
    public var layers: [EncoderLayer.Trace]

    /// The top layer's output: what the decoders' encoder-decoder attention reads.
    /// Shape: [words, d_model]
    public var output: Matrix { layers.last?.output ?? input }
  }
}
