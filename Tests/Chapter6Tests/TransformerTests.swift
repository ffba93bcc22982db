import Decoder
import Embeddings
import Encoder
import Matrix
import TestSupport
import Testing

/// The whole forward pass: shifting right, causality, and the paper's base size.
@Suite("The whole forward pass")
struct TransformerTests {
  static let english = Vocabulary(["a", "am", "i", "thanks", "student", "<eos>"])

  @Test func theDecoderInputIsTheTargetShiftedRightBehindEos() throws {
    // "i am a student <eos>" = [2 1 0 4 5]; the decoder reads "<eos> i am a student".
    let target = try Self.english.indices(of: "i am a student <eos>")
    #expect(target == [2, 1, 0, 4, 5])
    #expect(shiftedRight(target, start: 5) == [5, 2, 1, 0, 4])
  }

  @Test func changingTargetWordTChangesNoEarlierOutput() {
    // Causality, bit for bit: the decoder's output at position s < t cannot see word t.
    let model = Transformer(
      sourceVocabularySize: 6, targetVocabularySize: 6, modelDimension: 8, headCount: 2,
      hiddenDimension: 16, layerCount: 2, seed: 31)
    let source = [1, 2, 3]
    let target = [5, 2, 1, 0, 4]
    let original = model(source: source, target: target)
    for t in 0..<target.count {
      var changed = target
      changed[t] = (target[t] + 1) % 6
      let output = model(source: source, target: changed)
      for s in 0..<t {
        #expect(output.row(s) == original.row(s), "changed word \(t + 1), position \(s + 1)")
      }
      #expect(output.row(t) != original.row(t), "changed word \(t + 1) moves its own output")
    }
  }

  @Test func paperBaseSizeMatchesAnIndependentReference() {
    // Transformer(seed 1): source table SplitMix64(1) (Chapter 1's), target table seed 2,
    // encoder seed 3 (Chapter 5's), decoder seed 4; 6 + 6 layers, d_model 512, 8 heads,
    // d_ff 2048. Expected values from Tests/Reference/transformer.py. Products differ from
    // NumPy's only in summation order; after 12 layers, measured, at most 6e-15 on values of
    // order 1. 1e-12 is far below what a wrong seed, mask or norm does (changes of order 1).
    let model = Transformer(
      sourceVocabularySize: 6, targetVocabularySize: 6, modelDimension: 512, headCount: 8,
      hiddenDimension: 2048, layerCount: 6, seed: 1)
    let trace = model.trace(source: [1, 2, 3], target: [5, 2, 1, 0, 4])
    expectVector(
      Array(trace.targetInput.row(0)[0..<4]),
      equals: [-2.3320764368631925, 0.888287187542804, -0.19603823333224962, 3.393871985912747],
      tolerance: 1e-15, "Target input: <eos>·√512 + PE(0), columns 1–4")
    expectVector(
      Array(trace.encoder.output.row(0)[0..<4]),
      equals: [0.4492298455102713, 0.20340519420911082, -1.5226708937421476, -1.0497745116064647],
      tolerance: 1e-12, "Encoder output, row 1, columns 1–4 (as in Chapter 5)")
    let first = trace.decoder.layers[0]
    expectVector(
      Array(first.firstNorm.output.row(0)[0..<4]),
      equals: [0.5505229439736063, 0.21039985243211845, 0.7669995720172142, -0.24426458999426745],
      tolerance: 1e-12, "Decoder layer 1: LayerNorm(y + masked self-attention), row 1")
    expectVector(
      Array(first.secondNorm.output.row(4)[0..<4]),
      equals: [1.1390365106759068, -1.1601275777744435, -0.23580083897376033, 2.5191296162996193],
      tolerance: 1e-12, "Decoder layer 1: LayerNorm(a + encoder-decoder attention), row 5")
    expectVector(
      Array(first.output.row(2)[508..<512]),
      equals: [
        -0.05963328137421359, 0.04263144786005628, -0.2988028953896404, 0.24825802780200193,
      ], tolerance: 1e-12, "Decoder layer 1: output, row 3, columns 509–512")
    #expect(trace.output.shape == Shape(rows: 5, columns: 512))
    expectVector(
      Array(trace.output.row(0)[0..<4]),
      equals: [-0.528733516855201, -0.8621208952336781, -0.5508779801694845, -1.8043686474641811],
      tolerance: 1e-12, "Decoder output (layer 6), row 1, columns 1–4")
    expectVector(
      Array(trace.output.row(2)[254..<258]),
      equals: [1.2839548720458, -2.541627591325842, -0.6038732026420753, -1.2063848413667988],
      tolerance: 1e-12, "Decoder output, row 3, columns 255–258")
    expectVector(
      Array(trace.output.row(4)[508..<512]),
      equals: [1.125169509993788, -0.09747706215993718, -1.6725772690256842, -0.17313745856301685],
      tolerance: 1e-12, "Decoder output, row 5, columns 509–512")
  }
}
