import Embeddings
import Encoder
import Matrix

/// The whole model up to the decoder's output vectors: embed the source, encode it, embed the
/// target, decode it while attending to the encoder's output. Chapter 7 adds the final linear
/// layer and softmax on top.
///
///     let model = Transformer(sourceVocabularySize: 6, targetVocabularySize: 6,
///                             modelDimension: 512, headCount: 8, hiddenDimension: 2048,
///                             layerCount: 6, seed: 1)
///     model(source: [1, 2, 3], target: [5, 2, 1, 0, 4])   // [5, 512]
///
/// Shape: source [n_s], target [n_t] -> [n_t, d_model]
public struct Transformer: Sendable {
  /// The source language's embedding table. Shape: [source vocabulary, d_model]
  public var sourceEmbedding: Embedding
  /// The target language's embedding table. Shape: [target vocabulary, d_model]
  public var targetEmbedding: Embedding
  public var encoder: Encoder
  public var decoder: Decoder

  /// Traps unless the four parts share one d_model.
  public init(
    sourceEmbedding: Embedding, targetEmbedding: Embedding, encoder: Encoder, decoder: Decoder
  ) {
    let widths = [
      sourceEmbedding.modelDimension, targetEmbedding.modelDimension,
      encoder.layers[0].modelDimension, decoder.layers[0].modelDimension,
    ]
    checkPrecondition(
      widths.allSatisfy { $0 == widths[0] },
      "Transformer: the d_model of the source embedding, target embedding, encoder and decoder "
        + "must agree, got \(widths)")
    self.sourceEmbedding = sourceEmbedding
    self.targetEmbedding = targetEmbedding
    self.encoder = encoder
    self.decoder = decoder
  }

  /// Random weights from four seeds: `seed` for the source embedding (so seed 1 gives Chapter
  /// 1's table), `seed + 1` for the target embedding, `seed + 2` for the encoder and `seed + 3`
  /// for the decoder; N layers each.
  public init(
    sourceVocabularySize: Int, targetVocabularySize: Int, modelDimension: Int, headCount: Int,
    hiddenDimension: Int, layerCount: Int, seed: UInt64
  ) {
    self.init(
      sourceEmbedding: Embedding(
        vocabularySize: sourceVocabularySize, modelDimension: modelDimension, seed: seed),
      targetEmbedding: Embedding(
        vocabularySize: targetVocabularySize, modelDimension: modelDimension, seed: seed + 1),
      encoder: Encoder(
        layerCount: layerCount, modelDimension: modelDimension, headCount: headCount,
        hiddenDimension: hiddenDimension, seed: seed + 2),
      decoder: Decoder(
        layerCount: layerCount, modelDimension: modelDimension, headCount: headCount,
        hiddenDimension: hiddenDimension, seed: seed + 3))
  }

  /// The decoder's output vectors. Shape: source [n_s], target [n_t] -> [n_t, d_model]
  public func callAsFunction(source: [Int], target: [Int], sourcePadding: Int? = nil) -> Matrix {
    trace(source: source, target: target, sourcePadding: sourcePadding).output
  }

  /// Every intermediate. `target` is the decoder's input: the target sentence shifted right
  /// behind the start symbol (see `shiftedRight(_:start:)`). Source tokens equal to
  /// `sourcePadding` (the index of `<pad>`) are masked out as keys, in the encoder's
  /// self-attention and in every encoder-decoder attention.
  public func trace(source: [Int], target: [Int], sourcePadding: Int? = nil) -> Trace {
    let sourceInput = encoderInput(embeddings: sourceEmbedding(source))  // [n_s, d_model]
    let isPadding = source.map { $0 == sourcePadding }
    let hasPadding = isPadding.contains(true)
    let encoderMask = hasPadding ? paddingMask(queries: source.count, keyIsPadding: isPadding) : nil
    let encoded = encoder.trace(sourceInput, mask: encoderMask)
    let targetInput = encoderInput(embeddings: targetEmbedding(target))  // [n_t, d_model]
    let memoryMask = hasPadding ? paddingMask(queries: target.count, keyIsPadding: isPadding) : nil
    let decoded = decoder.trace(targetInput, attendingTo: encoded.output, memoryMask: memoryMask)
    return Trace(
      sourceInput: sourceInput, encoder: encoded, targetInput: targetInput, decoder: decoded)
  }

  /// Every intermediate of the forward pass, in order.
  public struct Trace: Equatable, Sendable {
    /// Source embeddings · √d_model + PE. Shape: [n_s, d_model]
    public var sourceInput: Matrix
    public var encoder: Encoder.Trace
    /// Target embeddings · √d_model + PE. Shape: [n_t, d_model]
    public var targetInput: Matrix
    public var decoder: Decoder.Trace

    /// The top decoder's output, one vector per target position. Shape: [n_t, d_model]
    public var output: Matrix { decoder.output }
  }
}

/// The decoder's input for a target sentence: the start symbol, then every target token but
/// the last. Position t's output is then trained to predict target token t.
///
///     shiftedRight([2, 1, 0, 4, 5], start: 5)   // i am a student <eos> -> <eos> i am a student
public func shiftedRight(_ target: [Int], start: Int) -> [Int] {
  [start] + target.dropLast()
}
