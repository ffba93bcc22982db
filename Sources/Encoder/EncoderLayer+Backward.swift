import Matrix
import MultiHeadAttention

extension EncoderLayer {
  /// ∂L/∂ every parameter of one encoder layer, named like the layer's parts.
  public struct Gradient: Equatable, Sendable {
    public var selfAttention: MultiHeadAttention.Gradient
    public var firstNorm: LayerNorm.Gradient
    public var feedForward: FeedForward.Gradient
    public var secondNorm: LayerNorm.Gradient

    public init(
      selfAttention: MultiHeadAttention.Gradient, firstNorm: LayerNorm.Gradient,
      feedForward: FeedForward.Gradient, secondNorm: LayerNorm.Gradient
    ) {
      self.selfAttention = selfAttention
      self.firstNorm = firstNorm
      self.feedForward = feedForward
      self.secondNorm = secondNorm
    }
  }

  /// The backward pass of `trace(x, mask:)`, given the same x, the trace and ∂L/∂output. It
  /// walks the forward from the top down (the mask is already in the trace's weights):
  ///
  ///     y = LayerNorm₂(secondSum)             dSecondSum from the second norm
  ///     secondSum = h + FFN(h)                dh = dSecondSum + FFN's backward of dSecondSum
  ///     h = LayerNorm₁(firstSum)              dFirstSum from the first norm
  ///     firstSum = x + MultiHead(x)           dx = dFirstSum + attention's backward of it
  ///
  /// Shape: x [words, d_model], dOutput [words, d_model] -> input [words, d_model]
  public func backward(_ x: Matrix, trace: Trace, outputGradient: Matrix) -> (
    input: Matrix, parameters: Gradient
  ) {
    // secondNormTrace = secondNorm.trace(secondSum)
    let (dSecondSum, dSecondNorm) = secondNorm.backward(
      trace: trace.secondNorm, outputGradient: outputGradient)
    // secondSum = firstNormTrace.output + feedForwardTrace.output
    let (dSkip2, dFeedForwardOutput) = residualBackward(outputGradient: dSecondSum)
    let (dFromFeedForward, dFeedForward) = feedForward.backward(
      trace.firstNorm.output, trace: trace.feedForward, outputGradient: dFeedForwardOutput)
    let dFirstNormOutput = dSkip2 + dFromFeedForward  // [words, d_model]
    // firstNormTrace = firstNorm.trace(firstSum)
    let (dFirstSum, dFirstNorm) = firstNorm.backward(
      trace: trace.firstNorm, outputGradient: dFirstNormOutput)
    // firstSum = x + attention.output
    let (dSkip1, dAttentionOutput) = residualBackward(outputGradient: dFirstSum)
    let attention = selfAttention.backward(
      x, trace: trace.attention, outputGradient: dAttentionOutput)
    let parameters = Gradient(
      selfAttention: attention.parameters, firstNorm: dFirstNorm, feedForward: dFeedForward,
      secondNorm: dSecondNorm)
    return (dSkip1 + attention.input, parameters)
  }
}
