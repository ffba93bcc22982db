import Decoder
import Encoder
import Matrix
import MultiHeadAttention
import TestSupport
import Testing

/// One decoder layer: the three sublayers feed each other in the post's order.
@Suite("One decoder layer")
struct DecoderLayerTests {
  let layer = DecoderLayer(modelDimension: 4, headCount: 2, hiddenDimension: 8, seed: 5)
  let y: Matrix = [[1, 0, 0, -1], [-1, -1, 0, 0]]  // 2 target words
  let memory: Matrix = [[1, -1, 0, 2], [0, 2, 1, -1], [2, 1, -1, 0]]  // 3 source words

  @Test func eachStepFeedsTheNext() {
    let trace = layer.trace(y, attendingTo: memory)
    #expect(trace.maskedSelfAttention == layer.selfAttention.trace(y, mask: causalMask(size: 2)))
    #expect(trace.firstSum == y + trace.maskedSelfAttention.output)
    #expect(trace.firstNorm == layer.firstNorm.trace(trace.firstSum))
    #expect(
      trace.encoderDecoderAttention
        == layer.encoderDecoderAttention.trace(trace.firstNorm.output, attendingTo: memory))
    #expect(trace.secondSum == trace.firstNorm.output + trace.encoderDecoderAttention.output)
    #expect(trace.secondNorm == layer.secondNorm.trace(trace.secondSum))
    #expect(trace.feedForward == layer.feedForward.trace(trace.secondNorm.output))
    #expect(trace.thirdSum == trace.secondNorm.output + trace.feedForward.output)
    #expect(trace.output == layer.thirdNorm(trace.thirdSum))
  }

  @Test func encoderDecoderWeightsAreTargetBySource() {
    let trace = layer.trace(y, attendingTo: memory)
    for head in trace.encoderDecoderAttention.heads {
      #expect(head.weights.shape == Shape(rows: 2, columns: 3))
    }
    #expect(trace.maskedSelfAttention.heads[0].weights[0, 1] == 0)
  }

  @Test func theSeedsAreDrawnInTheDocumentedOrder() {
    var generator = SplitMix64(seed: 5)
    let selfSeed = generator.next()
    let crossSeed = generator.next()
    let feedForwardSeed = generator.next()
    #expect(
      layer.selfAttention.outputWeights
        == MultiHeadAttention(modelDimension: 4, headCount: 2, seed: selfSeed).outputWeights)
    #expect(
      layer.encoderDecoderAttention.outputWeights
        == MultiHeadAttention(modelDimension: 4, headCount: 2, seed: crossSeed).outputWeights)
    #expect(
      layer.feedForward.secondWeights
        == FeedForward(modelDimension: 4, hiddenDimension: 8, seed: feedForwardSeed)
        .secondWeights)
  }
}
