import Embeddings
import Encoder
import Matrix
import Output
import Testing
import Training

/// The whole chain, words → embedding → × √d_model + PE → encoder → final linear → mean
/// cross-entropy, against finite differences of the real loss (not a probe), on the chapter's
/// tiny configuration: d_model 4, 2 heads, d_ff 8, 3 words, a vocabulary of 6. The first word
/// appears twice, so its embedding row collects two positions' gradients.
@Suite("Chapter 8 gradient checks, the whole model")
struct ModelGradientCheckTests {
  static let words = [2, 4, 2]  // "i student i": word 2 twice
  static let targets = [4, 2, 5]

  static func model(layers: Int, tied: Bool) -> EncoderModel {
    EncoderModel(
      embedding: Embedding(vocabularySize: 6, modelDimension: 4, seed: 40),
      encoder: Encoder(layers: (0..<layers).map { ToyLayers.encoderLayer(seed: 41 + UInt64($0)) }),
      finalLinear: FinalLinear(
        weights: randomMatrix(4, 6, seed: 45), bias: randomMatrix(1, 6, seed: 46).row(0)),
      tiesWeights: tied)
  }

  static func loss(_ model: EncoderModel, smoothing: Double) -> Double {
    model.trace(words: words, targets: targets, smoothing: smoothing).loss.mean
  }

  @Test(arguments: [1, 2])
  func untiedWithLabelSmoothing(layers: Int) {
    let model = Self.model(layers: layers, tied: false)
    let trace = model.trace(words: Self.words, targets: Self.targets, smoothing: 0.1)
    let d = model.backward(words: Self.words, trace: trace)
    let loss = { (m: EncoderModel) in Self.loss(m, smoothing: 0.1) }
    let label = "Whole model, \(layers) layer(s)"
    checkParameter(
      "\(label): ∂L/∂embedding table", of: model, \.embedding.table, analytic: d.embedding.table,
      loss: loss)
    // Words 0, 1, 3, 5 are not in the sentence: their rows get exactly 0.
    for word in [0, 1, 3, 5] { #expect(d.embedding.table.row(word) == [0, 0, 0, 0]) }
    checkParameter(
      "\(label): ∂L/∂W (final linear)", of: model, \.finalLinear.weights,
      analytic: d.finalLinear.weights, loss: loss)
    checkParameter(
      "\(label): ∂L/∂b (final linear)", of: model, \.finalLinear.bias, analytic: d.finalLinear.bias,
      loss: loss)
    for (i, p) in d.encoder.layers.enumerated() {
      let layer = "\(label): layer \(i + 1)"
      checkParameter(
        "\(layer) head 2 ∂L/∂W^Q", of: model,
        \.encoder.layers[i].selfAttention.heads[1].queryWeights,
        analytic: p.selfAttention.heads[1].queryWeights, loss: loss)
      checkParameter(
        "\(layer) head 1 ∂L/∂W^V", of: model,
        \.encoder.layers[i].selfAttention.heads[0].valueWeights,
        analytic: p.selfAttention.heads[0].valueWeights, loss: loss)
      checkParameter(
        "\(layer) ∂L/∂W^O", of: model, \.encoder.layers[i].selfAttention.outputWeights,
        analytic: p.selfAttention.outputWeights, loss: loss)
      checkParameter(
        "\(layer) first norm ∂L/∂γ", of: model, \.encoder.layers[i].firstNorm.gain,
        analytic: p.firstNorm.gain, loss: loss)
      checkParameter(
        "\(layer) ∂L/∂W₁", of: model, \.encoder.layers[i].feedForward.firstWeights,
        analytic: p.feedForward.firstWeights, loss: loss)
      checkParameter(
        "\(layer) ∂L/∂b₂", of: model, \.encoder.layers[i].feedForward.secondBias,
        analytic: p.feedForward.secondBias, loss: loss)
      checkParameter(
        "\(layer) second norm ∂L/∂β", of: model, \.encoder.layers[i].secondNorm.bias,
        analytic: p.secondNorm.bias, loss: loss)
    }
  }

  @Test func tiedWeightsAddBothUses() {
    let model = Self.model(layers: 1, tied: true)
    let trace = model.trace(words: Self.words, targets: Self.targets, smoothing: 0)
    let d = model.backward(words: Self.words, trace: trace)
    let loss = { (m: EncoderModel) in Self.loss(m, smoothing: 0) }
    // Perturbing the table moves both the lookup and W = tableᵀ: the check sees the sum.
    checkParameter(
      "Tied weights: ∂L/∂table (lookup + output)", of: model, \.embedding.table,
      analytic: d.embedding.table, loss: loss)
    checkParameter(
      "Tied weights: ∂L/∂b", of: model, \.finalLinear.bias, analytic: d.finalLinear.bias, loss: loss
    )
    // Word 0 is not in the sentence, yet its row has a gradient: through W, it scored every position.
    #expect(d.embedding.table.row(0) == d.finalLinear.weights.transposed().row(0))
    #expect(d.embedding.table.row(0).contains { $0 != 0 })
  }
}
