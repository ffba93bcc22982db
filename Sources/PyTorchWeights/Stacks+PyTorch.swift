import Decoder
import Embeddings
import Encoder
import MultiHeadAttention
import SafeTensors

// Layers and stacks under nn.Transformer's names. The file does not say whether a layer was
// built with norm_first=True (pre-norm): such weights load, but this project's post-norm
// layers then compute something else. Build the PyTorch layers with norm_first=False.

extension EncoderLayer {
  /// An `nn.TransformerEncoderLayer` saved under `prefix` (e.g. `encoder.layers.0`):
  /// `self_attn` → selfAttention, `norm1` → firstNorm, `linear1`, `linear2` → feedForward,
  /// `norm2` → secondNorm. Shape: [words, d_model] -> [words, d_model]
  public init(
    pyTorch file: SafeTensorsFile, prefix: String, modelDimension d: Int, headCount: Int
  ) throws {
    self.init(
      selfAttention: try MultiHeadAttention(
        pyTorch: file, prefix: "\(prefix).self_attn", modelDimension: d, headCount: headCount),
      firstNorm: try LayerNorm(pyTorch: file, prefix: "\(prefix).norm1", modelDimension: d),
      feedForward: try FeedForward(pyTorch: file, prefix: prefix, modelDimension: d),
      secondNorm: try LayerNorm(pyTorch: file, prefix: "\(prefix).norm2", modelDimension: d))
  }
}

extension DecoderLayer {
  /// An `nn.TransformerDecoderLayer` saved under `prefix` (e.g. `decoder.layers.0`):
  /// `self_attn` → selfAttention, `norm1` → firstNorm, `multihead_attn` →
  /// encoderDecoderAttention, `norm2` → secondNorm, `linear1`, `linear2` → feedForward,
  /// `norm3` → thirdNorm. Shape: [n_t, d_model], memory [n_s, d_model] -> [n_t, d_model]
  public init(
    pyTorch file: SafeTensorsFile, prefix: String, modelDimension d: Int, headCount: Int
  ) throws {
    self.init(
      selfAttention: try MultiHeadAttention(
        pyTorch: file, prefix: "\(prefix).self_attn", modelDimension: d, headCount: headCount),
      firstNorm: try LayerNorm(pyTorch: file, prefix: "\(prefix).norm1", modelDimension: d),
      encoderDecoderAttention: try MultiHeadAttention(
        pyTorch: file, prefix: "\(prefix).multihead_attn", modelDimension: d,
        headCount: headCount),
      secondNorm: try LayerNorm(pyTorch: file, prefix: "\(prefix).norm2", modelDimension: d),
      feedForward: try FeedForward(pyTorch: file, prefix: prefix, modelDimension: d),
      thirdNorm: try LayerNorm(pyTorch: file, prefix: "\(prefix).norm3", modelDimension: d))
  }
}

extension Encoder {
  /// An `nn.TransformerEncoder` saved under `prefix` (e.g. `encoder`): its layers
  /// `prefix.layers.0`, `prefix.layers.1`, … as many as the file has. Throws if the file has
  /// `prefix.norm.weight`: the final LayerNorm `nn.Transformer` adds after the stack, which the
  /// paper's encoder does not have (build it with `nn.TransformerEncoder(layer, N, norm=None)`).
  public init(
    pyTorch file: SafeTensorsFile, prefix: String, modelDimension d: Int, headCount: Int
  ) throws {
    try rejectFinalNorm(file, prefix: prefix)
    self.init(
      layers: try layerPrefixes(file, prefix: prefix).map {
        try EncoderLayer(pyTorch: file, prefix: $0, modelDimension: d, headCount: headCount)
      })
  }
}

extension Decoder {
  /// An `nn.TransformerDecoder` saved under `prefix` (e.g. `decoder`): its layers
  /// `prefix.layers.0`, `prefix.layers.1`, … Throws if the file has `prefix.norm.weight`, as
  /// `Encoder(pyTorch:prefix:modelDimension:headCount:)` does.
  public init(
    pyTorch file: SafeTensorsFile, prefix: String, modelDimension d: Int, headCount: Int
  ) throws {
    try rejectFinalNorm(file, prefix: prefix)
    self.init(
      layers: try layerPrefixes(file, prefix: prefix).map {
        try DecoderLayer(pyTorch: file, prefix: $0, modelDimension: d, headCount: headCount)
      })
  }
}

extension Transformer {
  /// The whole model from a PyTorch state dict with these names (those of `nn.Transformer`
  /// for the stacks, see Tests/Reference/pytorch_agreement.py):
  ///
  ///     source_embedding.weight [source vocabulary, d_model]
  ///     target_embedding.weight [target vocabulary, d_model]
  ///     encoder.layers.{n}.…    nn.TransformerEncoderLayer, n = 0, 1, …
  ///     decoder.layers.{n}.…    nn.TransformerDecoderLayer
  ///
  /// d_model is read from the source embedding; h is not in the file. The final linear layer
  /// is `FinalLinear(pyTorch: file, prefix: "generator", modelDimension:)`.
  public init(pyTorch file: SafeTensorsFile, headCount: Int) throws {
    let sourceEmbedding = try Embedding(pyTorch: file, name: "source_embedding.weight")
    let d = sourceEmbedding.modelDimension
    self.init(
      sourceEmbedding: sourceEmbedding,
      targetEmbedding: try Embedding(pyTorch: file, name: "target_embedding.weight"),
      encoder: try Encoder(
        pyTorch: file, prefix: "encoder", modelDimension: d, headCount: headCount),
      decoder: try Decoder(
        pyTorch: file, prefix: "decoder", modelDimension: d, headCount: headCount))
  }
}

/// `prefix.layers.0`, `prefix.layers.1`, … for every n the file has a tensor under (at least
/// `prefix.layers.0`, so that an empty stack throws naming its first missing tensor).
private func layerPrefixes(_ file: SafeTensorsFile, prefix: String) -> [String] {
  let names = file.names
  var count = 1
  while names.contains(where: { $0.hasPrefix("\(prefix).layers.\(count).") }) { count += 1 }
  return (0..<count).map { "\(prefix).layers.\($0)" }
}

private func rejectFinalNorm(_ file: SafeTensorsFile, prefix: String) throws {
  let name = "\(prefix).norm.weight"
  guard !file.names.contains(name) else {
    throw PyTorchWeightsError.unsupportedTensor(
      path: file.path, tensor: name,
      reason: "nn.Transformer's final LayerNorm after the stack, which the paper does not have "
        + "(build the stack with norm=None)")
  }
}
