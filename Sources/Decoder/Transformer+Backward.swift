import Embeddings
import Encoder
import Matrix

extension Transformer {
  /// ∂L/∂ every parameter of the encoder-decoder model.
  public struct Gradient: Equatable, Sendable {
    public var sourceEmbedding: Embedding.Gradient
    public var targetEmbedding: Embedding.Gradient
    public var encoder: Encoder.Gradient
    public var decoder: Decoder.Gradient

    public init(
      sourceEmbedding: Embedding.Gradient, targetEmbedding: Embedding.Gradient,
      encoder: Encoder.Gradient, decoder: Decoder.Gradient
    ) {
      self.sourceEmbedding = sourceEmbedding
      self.targetEmbedding = targetEmbedding
      self.encoder = encoder
      self.decoder = decoder
    }
  }

  /// The backward pass of `trace(source:target:sourcePadding:)`, given the same words, the
  /// trace and ∂L/∂(decoder output) (from the final linear layer's backward):
  ///
  ///     decoded = Decoder(targetInput, memory)   dTargetInput, dMemory from the decoder
  ///     memory = Encoder(sourceInput)            dSourceInput from the encoder
  ///     input = E[words] · √d_model + PE         add dInput · √d_model into the words' rows
  ///
  /// Shape: source [n_s], target [n_t], dOutput [n_t, d_model] -> see `Gradient`
  public func backward(source: [Int], target: [Int], trace: Trace, outputGradient: Matrix)
    -> Gradient
  {
    let decoded = decoder.backward(
      attendingTo: trace.encoder.output, trace: trace.decoder, outputGradient: outputGradient)
    let encoded = encoder.backward(trace: trace.encoder, outputGradient: decoded.memory)
    let dSource = sourceEmbedding.backward(
      source, outputGradient: encoderInputBackward(outputGradient: encoded.input))
    let dTarget = targetEmbedding.backward(
      target, outputGradient: encoderInputBackward(outputGradient: decoded.input))
    return Gradient(
      sourceEmbedding: dSource, targetEmbedding: dTarget, encoder: encoded.parameters,
      decoder: decoded.parameters)
  }
}
