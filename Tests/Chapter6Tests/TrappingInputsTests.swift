import Decoder
import Embeddings
import Encoder
import Matrix
import MultiHeadAttention
import TestSupport
import Testing

@Suite("Chapter 6 inputs that must trap")
struct TrappingInputsTests {
  @Test func aNegativeMaskSize() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = causalMask(size: -1)
    }
    #expect(standardError(of: result).contains("causalMask: the size -1 is negative"))
  }

  @Test func aMemoryMaskOfTheWrongShape() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let layer = DecoderLayer(modelDimension: 4, headCount: 2, hiddenDimension: 8, seed: 1)
      _ = layer(
        Matrix(rows: 2, columns: 4), attendingTo: Matrix(rows: 3, columns: 4),
        memoryMask: paddingMask(queries: 3, keyIsPadding: [false, false, true]))
    }
    #expect(
      standardError(of: result).contains(
        "MultiHeadAttention: mask [3, 3] must have the shape of the scores [2, 3] (queries from "
          + "[2, 4], keys from [3, 4])"))
  }

  @Test func aDecoderInputOfTheWrongWidth() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let layer = DecoderLayer(modelDimension: 4, headCount: 2, hiddenDimension: 8, seed: 1)
      _ = layer(Matrix(rows: 2, columns: 6), attendingTo: Matrix(rows: 3, columns: 4))
    }
    #expect(
      standardError(of: result).contains(
        "DecoderLayer: input [2, 6] has 6 columns but d_model is 4"))
  }

  @Test func anEncoderOutputOfTheWrongWidth() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let layer = DecoderLayer(modelDimension: 4, headCount: 2, hiddenDimension: 8, seed: 1)
      _ = layer(Matrix(rows: 2, columns: 4), attendingTo: Matrix(rows: 3, columns: 8))
    }
    #expect(
      standardError(of: result).contains(
        "DecoderLayer: encoder output [3, 8] has 8 columns but d_model is 4"))
  }

  @Test func partsOfADecoderLayerWithDifferentWidths() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = DecoderLayer(
        selfAttention: MultiHeadAttention(modelDimension: 4, headCount: 2, seed: 1),
        firstNorm: LayerNorm(modelDimension: 4),
        encoderDecoderAttention: MultiHeadAttention(modelDimension: 6, headCount: 2, seed: 2),
        secondNorm: LayerNorm(modelDimension: 4),
        feedForward: FeedForward(modelDimension: 4, hiddenDimension: 8, seed: 3),
        thirdNorm: LayerNorm(modelDimension: 4))
    }
    #expect(
      standardError(of: result).contains(
        "DecoderLayer: the d_model of self-attention, norm 1, encoder-decoder attention, norm 2, "
          + "feed-forward and norm 3 must agree, got [4, 4, 6, 4, 4, 4]"))
  }

  @Test func aDecoderWithoutLayers() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Decoder(layers: [])
    }
    #expect(standardError(of: result).contains("Decoder: needs at least one layer"))
  }

  @Test func decoderLayersOfDifferentWidths() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Decoder(layers: [
        DecoderLayer(modelDimension: 4, headCount: 2, hiddenDimension: 8, seed: 1),
        DecoderLayer(modelDimension: 6, headCount: 2, hiddenDimension: 8, seed: 2),
      ])
    }
    #expect(
      standardError(of: result).contains("Decoder: layer 1 has d_model 4 but layer 2 has 6"))
  }

  @Test func partsOfATransformerWithDifferentWidths() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Transformer(
        sourceEmbedding: Embedding(vocabularySize: 6, modelDimension: 4, seed: 1),
        targetEmbedding: Embedding(vocabularySize: 6, modelDimension: 8, seed: 2),
        encoder: Encoder(
          layerCount: 1, modelDimension: 4, headCount: 2, hiddenDimension: 8, seed: 3),
        decoder: Decoder(
          layerCount: 1, modelDimension: 4, headCount: 2, hiddenDimension: 8, seed: 4))
    }
    #expect(
      standardError(of: result).contains(
        "Transformer: the d_model of the source embedding, target embedding, encoder and "
          + "decoder must agree, got [4, 8, 4, 4]"))
  }
}
