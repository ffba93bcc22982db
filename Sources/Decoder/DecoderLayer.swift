import Encoder
import Matrix
import MultiHeadAttention

/// One decoder: masked self-attention, encoder-decoder attention, then the feed-forward
/// network, each wrapped in a residual connection and a layer norm (post-norm):
///
///     a = LayerNorm₁(y + MaskedMultiHead(y))
///     b = LayerNorm₂(a + MultiHead(queries from a, keys and values from the encoder's output))
///     output = LayerNorm₃(b + FFN(b))
///
/// Shape: [target words, d_model], memory [source words, d_model] -> [target words, d_model]
public struct DecoderLayer: Sendable {
  /// Self-attention over the target, with the causal mask: no word sees a later one.
  public var selfAttention: MultiHeadAttention
  public var firstNorm: LayerNorm
  /// Queries from the decoder, keys and values from the top encoder's output.
  public var encoderDecoderAttention: MultiHeadAttention
  public var secondNorm: LayerNorm
  public var feedForward: FeedForward
  public var thirdNorm: LayerNorm

  /// Traps unless all six parts share one d_model.
  public init(
    selfAttention: MultiHeadAttention, firstNorm: LayerNorm,
    encoderDecoderAttention: MultiHeadAttention, secondNorm: LayerNorm,
    feedForward: FeedForward, thirdNorm: LayerNorm
  ) {
    let widths = [
      selfAttention.modelDimension, firstNorm.modelDimension,
      encoderDecoderAttention.modelDimension, secondNorm.modelDimension,
      feedForward.modelDimension, thirdNorm.modelDimension,
    ]
    checkPrecondition(
      widths.allSatisfy { $0 == widths[0] },
      "DecoderLayer: the d_model of self-attention, norm 1, encoder-decoder attention, norm 2, "
        + "feed-forward and norm 3 must agree, got \(widths)")
    self.selfAttention = selfAttention
    self.firstNorm = firstNorm
    self.encoderDecoderAttention = encoderDecoderAttention
    self.secondNorm = secondNorm
    self.feedForward = feedForward
    self.thirdNorm = thirdNorm
  }

  /// Random weights, reproducible from `seed`: `SplitMix64(seed:)` draws three seeds, for the
  /// self-attention, the encoder-decoder attention (`MultiHeadAttention(modelDimension:
  /// headCount:seed:)`) and the feed-forward network (`FeedForward(modelDimension:
  /// hiddenDimension:seed:)`), in that order. The norms start at γ = 1, β = 0.
  public init(modelDimension: Int, headCount: Int, hiddenDimension: Int, seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    let selfSeed = generator.next()
    let crossSeed = generator.next()
    let feedForwardSeed = generator.next()
    self.init(
      selfAttention: MultiHeadAttention(
        modelDimension: modelDimension, headCount: headCount, seed: selfSeed),
      firstNorm: LayerNorm(modelDimension: modelDimension),
      encoderDecoderAttention: MultiHeadAttention(
        modelDimension: modelDimension, headCount: headCount, seed: crossSeed),
      secondNorm: LayerNorm(modelDimension: modelDimension),
      feedForward: FeedForward(
        modelDimension: modelDimension, hiddenDimension: hiddenDimension, seed: feedForwardSeed),
      thirdNorm: LayerNorm(modelDimension: modelDimension))
  }

  /// d_model.
  public var modelDimension: Int { selfAttention.modelDimension }

  /// The layer's output. Shape: [n_t, d_model], memory [n_s, d_model] -> [n_t, d_model]
  public func callAsFunction(_ y: Matrix, attendingTo memory: Matrix, memoryMask: Matrix? = nil)
    -> Matrix
  {
    trace(y, attendingTo: memory, memoryMask: memoryMask).output
  }

  /// Every intermediate, in the post's order. The causal mask is always applied to the
  /// self-attention; `memoryMask` (e.g. a source padding mask, [n_t, n_s]) is added to the
  /// encoder-decoder attention's scores. Traps unless y and memory have d_model columns.
  /// Shape: [n_t, d_model], memory [n_s, d_model], memoryMask [n_t, n_s] -> [n_t, d_model]
  public func trace(_ y: Matrix, attendingTo memory: Matrix, memoryMask: Matrix? = nil) -> Trace {
    for (name, input) in [("input", y), ("encoder output", memory)] {
      checkPrecondition(
        input.columns == modelDimension,
        "DecoderLayer: \(name) \(input.shape) has \(input.columns) columns but d_model is "
          + "\(modelDimension)")
    }
    // Sublayer 1: masked self-attention, add, normalize
    let masked = selfAttention.trace(y, mask: causalMask(size: y.rows))
    let firstSum = y + masked.output  // [n_t, d_model]
    let first = firstNorm.trace(firstSum)
    // Sublayer 2: encoder-decoder attention, add, normalize
    let cross = encoderDecoderAttention.trace(first.output, attendingTo: memory, mask: memoryMask)
    let secondSum = first.output + cross.output  // [n_t, d_model]
    let second = secondNorm.trace(secondSum)
    // Sublayer 3: feed-forward, add, normalize
    let feedForwardTrace = feedForward.trace(second.output)
    let thirdSum = second.output + feedForwardTrace.output  // [n_t, d_model]
    let third = thirdNorm.trace(thirdSum)
    return Trace(
      maskedSelfAttention: masked, firstSum: firstSum, firstNorm: first,
      encoderDecoderAttention: cross, secondSum: secondSum, secondNorm: second,
      feedForward: feedForwardTrace, thirdSum: thirdSum, thirdNorm: third)
  }

  /// Every intermediate of one decoder layer, in the post's order.
  public struct Trace: Equatable, Sendable {
    /// Self-attention with the causal mask (`heads[i].maskedScores` shows the −∞).
    public var maskedSelfAttention: MultiHeadAttention.Trace
    /// y + masked self-attention. Shape: [n_t, d_model]
    public var firstSum: Matrix
    public var firstNorm: LayerNorm.Trace
    /// Encoder-decoder attention: weights [n_t, n_s], target rows and source columns.
    public var encoderDecoderAttention: MultiHeadAttention.Trace
    /// First norm's output + encoder-decoder attention. Shape: [n_t, d_model]
    public var secondSum: Matrix
    public var secondNorm: LayerNorm.Trace
    public var feedForward: FeedForward.Trace
    /// Second norm's output + FFN. Shape: [n_t, d_model]
    public var thirdSum: Matrix
    /// LayerNorm of the third sum: the layer's output.
    public var thirdNorm: LayerNorm.Trace

    /// The layer's output, `thirdNorm.output`. Shape: [n_t, d_model]
    public var output: Matrix { thirdNorm.output }
  }
}
