import Decoder
import Embeddings
import Matrix
import TestSupport
import Testing

/// Padding a short source sentence: with the mask, nothing changes for the real words.
@Suite("Padding")
struct PaddingTests {
  // A small model (d_model 8, 2 heads, d_ff 16, 2 + 2 layers) keeps the test fast; the mask
  // works the same at any size. The source vocabulary adds <pad> to Chapter 1's six words.
  static let french = Vocabulary(["<unk>", "je", "suis", "étudiant", "merci", "<eos>", "<pad>"])
  static let english = Vocabulary(["a", "am", "i", "thanks", "student", "<eos>"])
  static let model = Transformer(
    sourceVocabularySize: 7, targetVocabularySize: 6, modelDimension: 8, headCount: 2,
    hiddenDimension: 16, layerCount: 2, seed: 21)
  let merci = [4]  // "merci"
  let merciPadded = [4, 6, 6]  // "merci <pad> <pad>", as long as "je suis étudiant"
  let target = [5, 3]  // "<eos> thanks"

  @Test func withTheMaskTheRealWordsComeOutUnchanged() {
    let alone = Self.model.trace(source: merci, target: target)
    let padded = Self.model.trace(source: merciPadded, target: target, sourcePadding: 6)
    // Padded keys get weight exactly 0, and every other step works row by row: the outputs
    // agree to the last bit; 1e-15 is the chapter's promise.
    expectMatrix(
      padded.encoder.output.rows(0..<1), equals: alone.encoder.output, tolerance: 1e-15,
      "Encoder output of merci, padded and masked")
    expectMatrix(
      padded.output, equals: alone.output, tolerance: 1e-15,
      "Decoder output, source padded and masked")
    let weights = padded.decoder.layers[1].encoderDecoderAttention.heads[0].weights
    #expect(weights.shape == Shape(rows: 2, columns: 3))
    #expect(weights[0, 1] == 0 && weights[1, 2] == 0)
  }

  @Test func withoutTheMaskThePaddingLeaksIn() {
    let alone = Self.model(source: merci, target: target)
    let unmasked = Self.model(source: merciPadded, target: target)
    #expect(matrixMismatch(unmasked, alone, tolerance: 1e-3) != nil)
  }

  @Test func theVocabularyIndicesAreTheOnesTheTestsUse() throws {
    #expect(try Self.french.indices(of: "merci <pad> <pad>") == merciPadded)
    #expect(try Self.english.indices(of: "<eos> thanks") == target)
  }
}
