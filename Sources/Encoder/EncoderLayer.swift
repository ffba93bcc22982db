import Matrix
import MultiHeadAttention

/// One encoder: multi-head self-attention, then the feed-forward network, each wrapped in a
/// residual connection and a layer norm (post-norm, as in the paper and the post):
///
///     h = LayerNorm₁(x + MultiHead(x))
///     y = LayerNorm₂(h + FFN(h))
///
/// Shape: [words, d_model] -> [words, d_model]
public struct EncoderLayer: Sendable {
  /// Self-attention: every word looks at every word of the same sentence.
  public var selfAttention: MultiHeadAttention
  /// The norm after the first residual sum.
  public var firstNorm: LayerNorm
  /// The position-wise feed-forward network.
  public var feedForward: FeedForward
  /// The norm after the second residual sum.
  public var secondNorm: LayerNorm

  /// Traps unless the four parts share one d_model.
  public init(
    selfAttention: MultiHeadAttention, firstNorm: LayerNorm, feedForward: FeedForward,
    secondNorm: LayerNorm
  ) {
    let d = selfAttention.modelDimension
    checkPrecondition(
      firstNorm.modelDimension == d && feedForward.modelDimension == d
        && secondNorm.modelDimension == d,
      "EncoderLayer: attention d_model \(d), first norm \(firstNorm.modelDimension), "
        + "feed-forward \(feedForward.modelDimension), second norm "
        + "\(secondNorm.modelDimension) must all agree")
    self.selfAttention = selfAttention
    self.firstNorm = firstNorm
    self.feedForward = feedForward
    self.secondNorm = secondNorm
  }

  /// Random weights, reproducible from `seed`. `SplitMix64(seed:)` draws two seeds: the first
  /// for `MultiHeadAttention(modelDimension:headCount:seed:)`, the second for
  /// `FeedForward(modelDimension:hiddenDimension:seed:)`. Both norms start at γ = 1, β = 0.
  public init(modelDimension: Int, headCount: Int, hiddenDimension: Int, seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    let attentionSeed = generator.next()
    let feedForwardSeed = generator.next()
    self.init(
      selfAttention: MultiHeadAttention(
        modelDimension: modelDimension, headCount: headCount, seed: attentionSeed),
      firstNorm: LayerNorm(modelDimension: modelDimension),
      feedForward: FeedForward(
        modelDimension: modelDimension, hiddenDimension: hiddenDimension, seed: feedForwardSeed),
      secondNorm: LayerNorm(modelDimension: modelDimension))
  }

  /// d_model.
  public var modelDimension: Int { selfAttention.modelDimension }

  /// The layer's output. Shape: [words, d_model], mask [words, words] -> [words, d_model]
  public func callAsFunction(_ x: Matrix, mask: Matrix? = nil) -> Matrix {
    trace(x, mask: mask).output
  }

  /// Every intermediate, in the post's order. `mask` (additive, e.g. `paddingMask`) is added to
  /// the attention scores of every head. Traps unless x has d_model columns.
  /// Shape: [words, d_model], mask [words, words] -> output [words, d_model]
  public func trace(_ x: Matrix, mask: Matrix? = nil) -> Trace {
    checkPrecondition(
      x.columns == modelDimension,
      "EncoderLayer: input \(x.shape) has \(x.columns) columns but d_model is \(modelDimension)")
    // Sublayer 1: self-attention, add, normalize
    let attention = selfAttention.trace(x, mask: mask)
    let firstSum = x + attention.output  // [words, d_model]
    let firstNormTrace = firstNorm.trace(firstSum)
    // Sublayer 2: feed-forward, add, normalize
    let feedForwardTrace = feedForward.trace(firstNormTrace.output)
    let secondSum = firstNormTrace.output + feedForwardTrace.output  // [words, d_model]
    let secondNormTrace = secondNorm.trace(secondSum)
    return Trace(
      attention: attention, firstSum: firstSum, firstNorm: firstNormTrace,
      feedForward: feedForwardTrace, secondSum: secondSum, secondNorm: secondNormTrace)
  }

  /// Every intermediate of one encoder layer, in the post's order.
  public struct Trace: Equatable, Sendable {
    /// Multi-head self-attention of the input (heads, concatenation, output Z).
    public var attention: MultiHeadAttention.Trace
    /// x + Z, the first residual sum. Shape: [words, d_model]
    public var firstSum: Matrix
    /// LayerNorm(x + Z). Shape: [words, d_model]
    public var firstNorm: LayerNorm.Trace
    /// The feed-forward network applied to the first norm's output.
    public var feedForward: FeedForward.Trace
    /// The first norm's output + FFN of it, the second residual sum. Shape: [words, d_model]
    public var secondSum: Matrix
    /// LayerNorm of the second sum: the layer's output.
    public var secondNorm: LayerNorm.Trace

    /// The layer's output, `secondNorm.output`. Shape: [words, d_model]
    public var output: Matrix { secondNorm.output }
  }
}
