import Encoder
import Matrix
import MultiHeadAttention
import TestSupport
import Testing

/// One encoder layer at toy size: every intermediate, and padding.
@Suite("One encoder layer, worked example")
struct OneEncoderLayerTests {
  typealias T = ToyEncoder

  @Test func everyIntermediate() {
    let trace = T.layer.trace(T.x)
    let heads = trace.attention.heads
    expectMatrix(heads[0].queries, equals: T.queries1, tolerance: 0, "Head 1, step 1: Q")
    expectMatrix(heads[0].keys, equals: T.keys1, tolerance: 0, "Head 1, step 1: K")
    expectMatrix(heads[0].values, equals: T.values1, tolerance: 0, "Head 1, step 1: V")
    expectMatrix(heads[0].scores, equals: T.scores1, tolerance: 0, "Head 1, step 2: Q·K^T")
    expectMatrix(heads[1].queries, equals: T.queries2, tolerance: 0, "Head 2, step 1: Q")
    expectMatrix(heads[1].keys, equals: T.keys2, tolerance: 0, "Head 2, step 1: K")
    expectMatrix(heads[1].values, equals: T.values2, tolerance: 0, "Head 2, step 1: V")
    expectMatrix(heads[1].scores, equals: T.scores2, tolerance: 0, "Head 2, step 2: Q·K^T")
    // After the softmax: NumPy's values (Tests/Reference/encoder.py). Its sums run in another
    // order, which moves the last bit or two (about 1e-16 on values below 12); 1e-12 leaves
    // room for that and still catches any real mistake, which moves values by 1e-3 or more.
    expectMatrix(
      trace.attention.output, equals: T.attentionOutput, tolerance: 1e-12,
      "Self-attention: Z = MultiHead(x)")
    expectMatrix(trace.firstSum, equals: T.firstSum, tolerance: 1e-12, "Residual 1: x + Z")
    expectMatrix(
      trace.firstNorm.output, equals: T.firstNorm, tolerance: 1e-12,
      "Norm 1: LayerNorm(x + Z)")
    expectMatrix(
      trace.feedForward.hidden, equals: T.hidden, tolerance: 1e-12, "Feed-forward: hidden layer")
    expectMatrix(
      trace.feedForward.activated, equals: T.hidden.map { max(0, $0) }, tolerance: 1e-12,
      "Feed-forward: ReLU")
    expectMatrix(
      trace.feedForward.output, equals: T.feedForwardOutput, tolerance: 1e-12,
      "Feed-forward: output")
    expectMatrix(
      trace.secondSum, equals: T.secondSum, tolerance: 1e-12, "Residual 2: h + FFN(h)")
    expectMatrix(
      trace.secondNorm.output, equals: T.output, tolerance: 1e-12,
      "Norm 2: LayerNorm(h + FFN(h))")
    expectMatrix(trace.output, equals: T.output, tolerance: 1e-12, "Encoder layer output")
  }

  @Test func eachStepFeedsTheNext() {
    // Relations that hold exactly, whatever the weights.
    let trace = T.layer.trace(T.x)
    #expect(trace.firstSum == T.x + trace.attention.output)
    #expect(trace.feedForward == T.feedForward.trace(trace.firstNorm.output))
    #expect(trace.secondSum == trace.firstNorm.output + trace.feedForward.output)
    #expect(trace.secondNorm == T.layer.secondNorm.trace(trace.secondSum))
    #expect(T.layer(T.x) == trace.output)
  }

  @Test func paddingMaskByHand() {
    let mask = paddingMask(queries: 2, keyIsPadding: [false, true, false, true])
    expectMatrix(
      mask, equals: [[0, -.infinity, 0, -.infinity], [0, -.infinity, 0, -.infinity]],
      tolerance: 0, "Padding mask: −∞ in the <pad> columns")
  }

  @Test func aMaskedPadLeavesTheRealWordsAsTheyWere() {
    // "je suis étudiant <pad>": the <pad> vector is arbitrary.
    let padded = Matrix(concatenatingRows: [T.x, [[3, 0, -2, 1]]])  // [4, 4]
    let unpadded = T.layer(T.x)
    let mask = paddingMask(queries: 4, keyIsPadding: [false, false, false, true])
    // With the mask, <pad> gets weight exactly 0; the real rows agree to the last bit, and
    // 1e-15 is the tolerance the chapter promises.
    let masked = T.layer(padded, mask: mask)
    expectMatrix(
      masked.rows(0..<3), equals: unpadded, tolerance: 1e-15,
      "Padded and masked: the real words' outputs")
    #expect(T.layer.trace(padded, mask: mask).attention.heads[0].weights.row(0)[3] == 0)
    // Without the mask, every real word attends to <pad> too, and its output moves.
    let unmasked = T.layer(padded)
    for i in 0..<3 {
      #expect(unmasked.row(i) != unpadded.row(i), "word \(i + 1)")
    }
  }

  @Test func aStackOfLayersFeedsEachLayerTheOneBelow() {
    let encoder = Encoder(layers: [T.layer, T.layer])
    let trace = encoder.trace(T.x)
    #expect(trace.input == T.x)
    #expect(trace.layers.count == 2)
    #expect(trace.layers[0] == T.layer.trace(T.x))
    #expect(trace.layers[1] == T.layer.trace(T.layer(T.x)))
    #expect(encoder(T.x) == trace.layers[1].output)
  }
}
