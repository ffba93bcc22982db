import Encoder
import Matrix
import MultiHeadAttention

extension DecoderLayer {
  /// ∂L/∂ every parameter of one decoder layer, named like the layer's parts.
  public struct Gradient: Equatable, Sendable {
    public var selfAttention: MultiHeadAttention.Gradient
    public var firstNorm: LayerNorm.Gradient
    public var encoderDecoderAttention: MultiHeadAttention.Gradient
    public var secondNorm: LayerNorm.Gradient
    public var feedForward: FeedForward.Gradient
    public var thirdNorm: LayerNorm.Gradient

    public init(
      selfAttention: MultiHeadAttention.Gradient, firstNorm: LayerNorm.Gradient,
      encoderDecoderAttention: MultiHeadAttention.Gradient, secondNorm: LayerNorm.Gradient,
      feedForward: FeedForward.Gradient, thirdNorm: LayerNorm.Gradient
    ) {
      self.selfAttention = selfAttention
      self.firstNorm = firstNorm
      self.encoderDecoderAttention = encoderDecoderAttention
      self.secondNorm = secondNorm
      self.feedForward = feedForward
      self.thirdNorm = thirdNorm
    }
  }

  /// The backward pass of `trace(y, attendingTo: memory, memoryMask:)`, given the same y and
  /// memory, the trace and ∂L/∂output, walking the three sublayers from the top down (the
  /// causal mask and the memory mask are already in the trace's weights):
  ///
  ///     output = LayerNorm₃(thirdSum)         dThirdSum from the third norm
  ///     thirdSum = b + FFN(b)                 db = dThirdSum + FFN's backward
  ///     b = LayerNorm₂(secondSum)             dSecondSum from the second norm
  ///     secondSum = a + Cross(a, memory)      da = dSecondSum + cross-attention's backward;
  ///                                           dmemory = cross-attention's memory gradient
  ///     a = LayerNorm₁(firstSum)              dFirstSum from the first norm
  ///     firstSum = y + Masked(y)              dy = dFirstSum + masked self-attention's backward
  ///
  /// Shape: y [n_t, d_model], memory [n_s, d_model], dOutput [n_t, d_model] ->
  /// input [n_t, d_model], memory [n_s, d_model]
  public func backward(
    _ y: Matrix, attendingTo memory: Matrix, trace: Trace, outputGradient: Matrix
  ) -> (input: Matrix, memory: Matrix, parameters: Gradient) {
    // third = thirdNorm.trace(second.output + feedForwardTrace.output)
    let (dThirdSum, dThirdNorm) = thirdNorm.backward(
      trace: trace.thirdNorm, outputGradient: outputGradient)
    let (dFeedForward, dFeedForwardParameters) = feedForward.backward(
      trace.secondNorm.output, trace: trace.feedForward, outputGradient: dThirdSum)
    let dSecondNormOutput = dThirdSum + dFeedForward  // [n_t, d_model]
    // second = secondNorm.trace(first.output + cross.output)
    let (dSecondSum, dSecondNorm) = secondNorm.backward(
      trace: trace.secondNorm, outputGradient: dSecondNormOutput)
    let cross = encoderDecoderAttention.backward(
      trace.firstNorm.output, attendingTo: memory, trace: trace.encoderDecoderAttention,
      outputGradient: dSecondSum)
    let dFirstNormOutput = dSecondSum + cross.input  // [n_t, d_model]
    // first = firstNorm.trace(y + masked.output)
    let (dFirstSum, dFirstNorm) = firstNorm.backward(
      trace: trace.firstNorm, outputGradient: dFirstNormOutput)
    let masked = selfAttention.backward(
      y, trace: trace.maskedSelfAttention, outputGradient: dFirstSum)
    let parameters = Gradient(
      selfAttention: masked.parameters, firstNorm: dFirstNorm,
      encoderDecoderAttention: cross.parameters, secondNorm: dSecondNorm,
      feedForward: dFeedForwardParameters, thirdNorm: dThirdNorm)
    let dMemory = cross.memory ?? Matrix(rows: memory.rows, columns: memory.columns)
    return (dFirstSum + masked.input, dMemory, parameters)
  }
}
