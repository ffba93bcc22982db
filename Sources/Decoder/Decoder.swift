import Matrix

/// The decoder stack: N decoder layers, each reading the layer below and the same encoder
/// output (the top encoder's). Shape: [n_t, d_model], memory [n_s, d_model] -> [n_t, d_model]
public struct Decoder: Sendable {
  /// The layers, bottom first.
  public var layers: [DecoderLayer]

  /// Traps unless there is at least one layer and all share d_model.
  public init(layers: [DecoderLayer]) {
    checkPrecondition(!layers.isEmpty, "Decoder: needs at least one layer")
    for (index, layer) in layers.enumerated() {
      checkPrecondition(
        layer.modelDimension == layers[0].modelDimension,
        "Decoder: layer 1 has d_model \(layers[0].modelDimension) but layer \(index + 1) has "
          + "\(layer.modelDimension)")
    }
    self.layers = layers
  }

  /// N layers with random weights: `SplitMix64(seed:)` draws one seed per layer, bottom first,
  /// for `DecoderLayer(modelDimension:headCount:hiddenDimension:seed:)`.
  public init(
    layerCount: Int, modelDimension: Int, headCount: Int, hiddenDimension: Int, seed: UInt64
  ) {
    var generator = SplitMix64(seed: seed)
    self.init(
      layers: (0..<layerCount).map { _ in
        DecoderLayer(
          modelDimension: modelDimension, headCount: headCount, hiddenDimension: hiddenDimension,
          seed: generator.next())
      })
  }

  /// The top layer's output. Shape: [n_t, d_model], memory [n_s, d_model] -> [n_t, d_model]
  public func callAsFunction(_ y: Matrix, attendingTo memory: Matrix, memoryMask: Matrix? = nil)
    -> Matrix
  {
    trace(y, attendingTo: memory, memoryMask: memoryMask).output
  }

  /// Every intermediate of every layer; each layer attends to the same `memory`.
  public func trace(_ y: Matrix, attendingTo memory: Matrix, memoryMask: Matrix? = nil) -> Trace {
    var traces: [DecoderLayer.Trace] = []
    var current = y
    for layer in layers {
      let trace = layer.trace(current, attendingTo: memory, memoryMask: memoryMask)
      traces.append(trace)
      current = trace.output
    }
    return Trace(input: y, layers: traces)
  }

  /// Every intermediate of the decoder stack.
  public struct Trace: Equatable, Sendable {
    /// What went into the bottom layer. Shape: [n_t, d_model]
    public var input: Matrix
    /// Each layer's trace, bottom first.
    public var layers: [DecoderLayer.Trace]

    /// The top layer's output: one vector per target position. Shape: [n_t, d_model]
    public var output: Matrix { layers.last?.output ?? input }
  }
}
