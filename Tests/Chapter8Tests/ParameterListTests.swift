import Decoder
import Embeddings
import Encoder
import Matrix
import Output
import Testing
import Training

/// The flat parameter lists Adam updates: the same order for parameters and gradients, written
/// back where they were read, and, with both, training lowers the loss.
@Suite("Chapter 8 parameter lists and a first training run")
struct ParameterListTests {
  static func translationModel(tied: Bool) -> TranslationModel {
    TranslationModel(
      transformer: Transformer(
        sourceVocabularySize: 6, targetVocabularySize: 6, modelDimension: 4, headCount: 2,
        hiddenDimension: 8, layerCount: 2, seed: 70),
      finalLinear: FinalLinear(modelDimension: 4, vocabularySize: 6, seed: 71), tiesWeights: tied)
  }

  @Test func gradientsListedInTheOrderOfTheParameters() {
    for tied in [false, true] {
      let encoderModel = ModelGradientCheckTests.model(layers: 2, tied: tied)
      let words = ModelGradientCheckTests.words
      let encoderGradient = encoderModel.backward(
        words: words,
        trace: encoderModel.trace(words: words, targets: ModelGradientCheckTests.targets))
      // 1 table + 2 layers × (2 heads × 3 + W^O + 2 + 4 + 2 = 15) + (W if untied) + b
      #expect(encoderModel.parameterMatrices.count == (tied ? 32 : 33))
      #expect(encoderModel.parameterMatrices.map(\.shape) == encoderGradient.matrices.map(\.shape))

      let model = Self.translationModel(tied: tied)
      let trace = model.trace(source: [0, 3, 2], targetInput: [5, 1, 4], targets: [1, 4, 5])
      let gradient = model.backward(source: [0, 3, 2], targetInput: [5, 1, 4], trace: trace)
      // 2 tables + 2 encoder layers × 15 + 2 decoder layers × (2 × 7 + 2 + 2 + 4 + 2 = 24) + 1/2
      #expect(model.parameterMatrices.count == (tied ? 81 : 82))
      #expect(model.parameterMatrices.map(\.shape) == gradient.matrices.map(\.shape))
    }
  }

  @Test func writtenBackWhereTheyWereRead() {
    var model = Self.translationModel(tied: false)
    let shifted = model.parameterMatrices.enumerated().map { $0.element + Double($0.offset) }
    model.parameterMatrices = shifted
    #expect(model.parameterMatrices == shifted)
    // Spot checks: the first matrix is the source table, the last the output bias.
    #expect(model.transformer.sourceEmbedding.table == shifted[0])
    #expect(Matrix(row: model.finalLinear.bias) == shifted[shifted.count - 1])
    #expect(model.transformer.decoder.layers[1].thirdNorm.bias == shifted[shifted.count - 3].row(0))
  }

  @Test func adamLowersTheLossOfTheTranslationModel() {
    // 30 steps of Adam at learning rate 0.01 on one pair: the loss must fall by more than half.
    var model = Self.translationModel(tied: true)
    let (source, targetInput, targets) = ([0, 3, 2], [5, 1, 4], [1, 4, 5])
    var adam = Adam(shapes: model.parameterMatrices.map(\.shape))
    var losses: [Double] = []
    for _ in 0..<30 {
      let trace = model.trace(source: source, targetInput: targetInput, targets: targets)
      losses.append(trace.loss.mean)
      let gradient = model.backward(source: source, targetInput: targetInput, trace: trace)
      adam.update(&model.parameterMatrices, gradients: gradient.matrices, learningRate: 0.01)
    }
    #expect(losses[29] < losses[0] / 2, "loss went from \(losses[0]) to \(losses[29])")
  }
}
