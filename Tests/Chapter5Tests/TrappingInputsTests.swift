import Encoder
import Matrix
import MultiHeadAttention
import TestSupport
import Testing

@Suite("Chapter 5 inputs that must trap")
struct TrappingInputsTests {
  @Test func gainAndBiasOfDifferentLengths() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = LayerNorm(gain: [1, 1, 1, 1], bias: [0, 0, 0])
    }
    #expect(
      standardError(of: result).contains(
        "LayerNorm: gain [4] and bias [3] must both have d_model entries"))
  }

  @Test func aLayerNormInputOfTheWrongWidth() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = LayerNorm(modelDimension: 4)(Matrix(rows: 3, columns: 5))
    }
    #expect(
      standardError(of: result).contains(
        "LayerNorm: input [3, 5] has 5 columns but gain and bias have d_model = 4 entries"))
  }

  @Test func secondWeightsOfTheWrongShape() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = FeedForward(
        firstWeights: Matrix(rows: 4, columns: 8), firstBias: Array(repeating: 0, count: 8),
        secondWeights: Matrix(rows: 4, columns: 8), secondBias: Array(repeating: 0, count: 8))
    }
    #expect(
      standardError(of: result).contains("FeedForward: W₁ [4, 8] needs W₂ [8, 4], got W₂ [4, 8]"))
  }

  @Test func aFirstBiasOfTheWrongLength() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = FeedForward(
        firstWeights: Matrix(rows: 4, columns: 8), firstBias: Array(repeating: 0, count: 4),
        secondWeights: Matrix(rows: 8, columns: 4), secondBias: Array(repeating: 0, count: 4))
    }
    #expect(
      standardError(of: result).contains(
        "FeedForward: b₁ [4] needs d_ff = 8 entries, the columns of W₁ [4, 8]"))
  }

  @Test func aSecondBiasOfTheWrongLength() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = FeedForward(
        firstWeights: Matrix(rows: 4, columns: 8), firstBias: Array(repeating: 0, count: 8),
        secondWeights: Matrix(rows: 8, columns: 4), secondBias: Array(repeating: 0, count: 8))
    }
    #expect(
      standardError(of: result).contains(
        "FeedForward: b₂ [8] needs d_model = 4 entries, the columns of W₂ [8, 4]"))
  }

  @Test func aFeedForwardInputOfTheWrongWidth() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = FeedForward(modelDimension: 4, hiddenDimension: 8, seed: 1)(Matrix(rows: 2, columns: 3))
    }
    #expect(
      standardError(of: result).contains(
        "FeedForward: input [2, 3] × W₁ [4, 8]: d_model 3 and 4 differ"))
  }

  @Test func partsOfAnEncoderLayerWithDifferentWidths() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = EncoderLayer(
        selfAttention: MultiHeadAttention(modelDimension: 4, headCount: 2, seed: 1),
        firstNorm: LayerNorm(modelDimension: 4),
        feedForward: FeedForward(modelDimension: 6, hiddenDimension: 8, seed: 1),
        secondNorm: LayerNorm(modelDimension: 4))
    }
    #expect(
      standardError(of: result).contains(
        "EncoderLayer: attention d_model 4, first norm 4, feed-forward 6, second norm 4 must all "
          + "agree"))
  }

  @Test func anEncoderLayerInputOfTheWrongWidth() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let layer = EncoderLayer(modelDimension: 4, headCount: 2, hiddenDimension: 8, seed: 1)
      _ = layer(Matrix(rows: 3, columns: 8))
    }
    #expect(
      standardError(of: result).contains(
        "EncoderLayer: input [3, 8] has 8 columns but d_model is 4"))
  }

  @Test func anEncoderWithoutLayers() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Encoder(layers: [])
    }
    #expect(standardError(of: result).contains("Encoder: needs at least one layer"))
  }

  @Test func encoderLayersOfDifferentWidths() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Encoder(layers: [
        EncoderLayer(modelDimension: 4, headCount: 2, hiddenDimension: 8, seed: 1),
        EncoderLayer(modelDimension: 6, headCount: 2, hiddenDimension: 8, seed: 2),
      ])
    }
    #expect(
      standardError(of: result).contains("Encoder: layer 1 has d_model 4 but layer 2 has 6"))
  }

  @Test func aPaddingMaskOfTheWrongShape() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let layer = EncoderLayer(modelDimension: 4, headCount: 2, hiddenDimension: 8, seed: 1)
      _ = layer(
        Matrix(rows: 3, columns: 4), mask: paddingMask(queries: 3, keyIsPadding: [false, true]))
    }
    #expect(
      standardError(of: result).contains(
        "MultiHeadAttention: mask [3, 2] must have the shape of the scores [3, 3]"))
  }
}
