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

  @Test func workedExampleEveryIntermediate() {
    typealias T = ToyDecoder
    let trace = T.layer.trace(T.y, attendingTo: T.memory)
    let heads = trace.maskedSelfAttention.heads
    expectMatrix(heads[0].queries, equals: T.queries1, tolerance: 0, "Masked head 1, step 1: Q")
    expectMatrix(heads[0].keys, equals: T.keys1, tolerance: 0, "Masked head 1, step 1: K")
    expectMatrix(heads[0].values, equals: T.values1, tolerance: 0, "Masked head 1, step 1: V")
    expectMatrix(heads[0].scores, equals: T.scores1, tolerance: 0, "Masked head 1, step 2: Q·K^T")
    expectMatrix(heads[1].queries, equals: T.queries2, tolerance: 0, "Masked head 2, step 1: Q")
    expectMatrix(heads[1].keys, equals: T.keys2, tolerance: 0, "Masked head 2, step 1: K")
    expectMatrix(heads[1].values, equals: T.values2, tolerance: 0, "Masked head 2, step 1: V")
    expectMatrix(heads[1].scores, equals: T.scores2, tolerance: 0, "Masked head 2, step 2: Q·K^T")
    for head in heads {
      #expect(head.weights.row(0) == [1, 0], "word 1 attends to itself alone")
    }
    // NumPy's sums may run in another order (last-bit differences on values below 5); 1e-12
    // still catches any real mistake, which moves values by 1e-2 or more.
    expectMatrix(
      trace.maskedSelfAttention.output, equals: T.maskedAttention, tolerance: 1e-12,
      "Masked self-attention output")
    expectMatrix(trace.firstSum, equals: T.firstSum, tolerance: 1e-12, "Residual 1: y + masked")
    expectMatrix(
      trace.firstNorm.output, equals: T.firstNorm, tolerance: 1e-12, "Norm 1: a = LayerNorm₁")
    #expect(trace.encoderDecoderAttention.heads[0].weights.shape == Shape(rows: 2, columns: 3))
    expectMatrix(
      trace.encoderDecoderAttention.output, equals: T.encoderDecoderAttention, tolerance: 1e-12,
      "Encoder-decoder attention output")
    expectMatrix(
      trace.secondSum, equals: T.secondSum, tolerance: 1e-12, "Residual 2: a + cross-attention")
    expectMatrix(
      trace.secondNorm.output, equals: T.secondNorm, tolerance: 1e-12, "Norm 2: b = LayerNorm₂")
    expectMatrix(
      trace.feedForward.hidden, equals: T.hidden, tolerance: 1e-12, "Feed-forward: hidden layer")
    expectMatrix(
      trace.feedForward.output, equals: T.feedForwardOutput, tolerance: 1e-12,
      "Feed-forward: output")
    expectMatrix(trace.thirdSum, equals: T.thirdSum, tolerance: 1e-12, "Residual 3: b + FFN(b)")
    expectMatrix(trace.output, equals: T.output, tolerance: 1e-12, "Decoder layer output")
  }

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
