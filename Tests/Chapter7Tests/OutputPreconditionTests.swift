import Embeddings
import Matrix
import Output
import TestSupport
import Testing

@Suite("Chapter 7 inputs that must trap")
struct OutputPreconditionTests {
  @Test func aBiasOfTheWrongLength() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = FinalLinear(weights: Matrix(rows: 4, columns: 6), bias: [0, 0, 0])
    }
    #expect(
      standardError(of: result).contains(
        "FinalLinear: W [4, 6] has 6 columns (one per vocabulary word) but the bias has 3 entries"
      ))
  }

  @Test func aDecoderOutputOfTheWrongWidth() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let layer = FinalLinear(modelDimension: 4, vocabularySize: 6, seed: 1)
      _ = layer(Matrix(rows: 5, columns: 3))
    }
    #expect(
      standardError(of: result).contains(
        "FinalLinear: the decoder output [5, 3] has 3 columns but W [4, 6] has 4 rows (d_model)"))
  }

  @Test func choosingAWordFromNoWords() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = mostProbableWords(Matrix(rows: 2, columns: 0))
    }
    #expect(
      standardError(of: result).contains(
        "mostProbableWords: [2, 0] has no columns (no words) to choose from"))
  }

  @Test func choosingAWordFromANaN() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = mostProbableWords([[0.5, 0.5], [.nan, 1]])
    }
    #expect(standardError(of: result).contains("mostProbableWords: row 2 has a NaN"))
  }

  @Test func smoothingOfOneOrMore() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = smoothedTargets([1], vocabularySize: 6, smoothing: 1)
    }
    #expect(
      standardError(of: result).contains(
        "smoothedTargets: ε = 1.0 is outside [0, 1); ε is the probability moved off the right "
          + "word, and 1 − ε must stay above 0"))
  }

  @Test func negativeSmoothingInTheLoss() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = CrossEntropyLoss(smoothing: -0.1)
    }
    #expect(standardError(of: result).contains("CrossEntropyLoss: ε = -0.1 is outside [0, 1)"))
  }

  @Test func smoothingOverASingleWord() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = smoothedTargets([0], vocabularySize: 1, smoothing: 0.1)
    }
    #expect(
      standardError(of: result).contains(
        "smoothedTargets: ε = 0.1 needs at least 2 words to spread over, the vocabulary has 1"))
  }

  @Test func aTargetWordOutsideTheVocabulary() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = smoothedTargets([2, 6], vocabularySize: 6, smoothing: 0.1)
    }
    #expect(
      standardError(of: result).contains(
        "smoothedTargets: word index 6 (position 2) is out of range for a vocabulary of 6 words"))
  }

  @Test func targetsOfTheWrongShape() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = crossEntropy(logits: Matrix(rows: 5, columns: 6), targets: oneHot([0, 1, 2], count: 6))
    }
    #expect(
      standardError(of: result).contains(
        "crossEntropy: the targets [3, 6] and the logits [5, 6] differ in shape; each needs one "
          + "row per position and one column per vocabulary word"))
  }

  @Test func aTargetRowThatIsNotADistribution() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = crossEntropyGradient(
        logits: Matrix(rows: 2, columns: 3), targets: [[0, 1, 0], [1, 1, 0]])
    }
    #expect(
      standardError(of: result).contains(
        "crossEntropyGradient: target row 2 is not a probability distribution (entries ≥ 0 "
          + "summing to 1): [1.0, 1.0, 0.0]"))
  }

  @Test func aNegativeTarget() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = klDivergence(targets: [[1.5, -0.5]], logits: Matrix(rows: 1, columns: 2))
    }
    #expect(
      standardError(of: result).contains(
        "klDivergence: target row 1 is not a probability distribution"))
  }

  @Test func aTargetWordCountThatDiffersFromThePositions() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = CrossEntropyLoss()(logits: Matrix(rows: 5, columns: 6), targetWords: [2, 1, 0, 4])
    }
    #expect(
      standardError(of: result).contains(
        "CrossEntropyLoss: 4 target words for logits [5, 6]; it needs one per row, at least one"))
  }
}
