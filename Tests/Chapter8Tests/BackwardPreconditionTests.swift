import Embeddings
import Encoder
import Matrix
import TestSupport
import Testing
import Training

@Suite("Chapter 8 inputs that must trap")
struct BackwardPreconditionTests {
  @Test func matmulBackwardWithTheWrongGradientShape() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = matmulBackward(
        Matrix(rows: 2, columns: 3), Matrix(rows: 3, columns: 4),
        outputGradient: Matrix(rows: 4, columns: 2))
    }
    #expect(
      standardError(of: result).contains(
        "matmulBackward: [2, 3] × [3, 4] needs an output gradient [2, 4], got [4, 2]"))
  }

  @Test func softmaxBackwardWithShapesThatDiffer() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = softmaxBackward(
        output: Matrix(rows: 2, columns: 3), outputGradient: Matrix(rows: 3, columns: 2))
    }
    #expect(
      standardError(of: result).contains(
        "softmaxBackward: output [2, 3] and output gradient [3, 2] must have the same shape"))
  }

  @Test func embeddingBackwardWithOneRowTooFew() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Embedding(table: Matrix(rows: 6, columns: 4)).backward(
        [1, 2, 3], outputGradient: Matrix(rows: 2, columns: 4))
    }
    #expect(
      standardError(of: result).contains(
        "Embedding.backward: 3 tokens and a table [6, 4] need an output gradient [3, 4], got [2, 4]"
      ))
  }

  @Test func gradientsOfDifferentShapes() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = worstMismatch(
        analytic: Matrix(rows: 2, columns: 3), numerical: Matrix(rows: 3, columns: 2))
    }
    #expect(
      standardError(of: result).contains(
        "worstMismatch: analytic [2, 3] and numerical [3, 2] gradients differ in shape"))
  }

  @Test func adamWithAMissingGradient() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      var adam = Adam(shapes: [Shape(rows: 1, columns: 2), Shape(rows: 2, columns: 2)])
      var parameters = [Matrix(rows: 1, columns: 2), Matrix(rows: 2, columns: 2)]
      adam.update(&parameters, gradients: [Matrix(rows: 1, columns: 2)], learningRate: 0.1)
    }
    #expect(
      standardError(of: result).contains(
        "Adam: made for 2 parameters, got 2 parameters and 1 gradients"))
  }

  @Test func adamWithAGradientOfTheWrongShape() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      var adam = Adam(shapes: [Shape(rows: 1, columns: 2)])
      var parameters = [Matrix(rows: 1, columns: 2)]
      adam.update(&parameters, gradients: [Matrix(rows: 2, columns: 1)], learningRate: 0.1)
    }
    #expect(
      standardError(of: result).contains(
        "Adam: parameter 1 is [1, 2] and its gradient [2, 1], but Adam was made for [1, 2]"))
  }

  @Test func scheduleAtStepZero() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = transformerLearningRate(step: 0, modelDimension: 512)
    }
    #expect(
      standardError(of: result).contains(
        "transformerLearningRate: step 0 is not ≥ 1 (steps are counted from 1)"))
  }

  @Test func aParameterListOfTheWrongLength() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      var encoder = Encoder(
        layerCount: 2, modelDimension: 4, headCount: 2, hiddenDimension: 8, seed: 1)
      encoder.parameterMatrices = Array(encoder.parameterMatrices.dropLast())
    }
    #expect(
      standardError(of: result).contains(
        "parameterMatrices: 29 matrices given where 30 were expected"))
  }

  @Test func trainingOnAnEmptyBatch() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = PostExample.untrainedModel().lossAndGradient(on: [], start: 5)
    }
    #expect(
      standardError(of: result).contains("lossAndGradient: the batch has no sentence pairs"))
  }
}
