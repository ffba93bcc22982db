import Decoding
import TestSupport
import Testing

@Suite("Chapter 9 inputs that must trap")
struct DecodingPreconditionTests {
  @Test func aBeamSizeBelowOne() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = BeamSearch(beamSize: 0, topBeams: 1, maxLength: 10, endOfSentence: 5)
    }
    #expect(standardError(of: result).contains("BeamSearch: beamSize 0 must be at least 1"))
  }

  @Test func moreTopBeamsThanTheBeamHolds() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = BeamSearch(beamSize: 2, topBeams: 3, maxLength: 10, endOfSentence: 5)
    }
    #expect(
      standardError(of: result).contains(
        "BeamSearch: topBeams 3 must be between 1 and beamSize 2"))
  }

  @Test func noTopBeams() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = BeamSearch(beamSize: 2, topBeams: 0, maxLength: 10, endOfSentence: 5)
    }
    #expect(
      standardError(of: result).contains(
        "BeamSearch: topBeams 0 must be between 1 and beamSize 2"))
  }

  @Test func aBeamSearchMaxLengthBelowOne() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = BeamSearch(beamSize: 2, topBeams: 2, maxLength: 0, endOfSentence: 5)
    }
    #expect(standardError(of: result).contains("BeamSearch: maxLength 0 must be at least 1"))
  }

  @Test func aGreedyMaxLengthBelowOne() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = GreedyDecoder(maxLength: 0, endOfSentence: 5)
    }
    #expect(standardError(of: result).contains("GreedyDecoder: maxLength 0 must be at least 1"))
  }

  @Test func aModelThatReturnsTooFewLogProbabilitiesToBeamSearch() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let model = NextWordFunction(vocabularySize: 6) { _ in [-1, -1, -1, -1, -1] }
      _ = BeamSearch(beamSize: 2, topBeams: 2, maxLength: 10, endOfSentence: 5)(model)
    }
    #expect(
      standardError(of: result).contains(
        "BeamSearch: the model returned 5 log-probabilities after the prefix [], "
          + "but its vocabulary has 6 words"))
  }

  @Test func aModelThatReturnsTooManyLogProbabilitiesToGreedy() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let model = NextWordFunction(vocabularySize: 2) { _ in [-1, -1, -1] }
      _ = GreedyDecoder(maxLength: 10, endOfSentence: 1)(model)
    }
    #expect(
      standardError(of: result).contains(
        "GreedyDecoder: the model returned 3 log-probabilities after the prefix [], "
          + "but its vocabulary has 2 words"))
  }

  @Test func anEndOfSentenceOutsideTheVocabulary() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = BeamSearch(beamSize: 2, topBeams: 2, maxLength: 10, endOfSentence: 6)(
        WorkedExample.table)
    }
    #expect(
      standardError(of: result).contains(
        "BeamSearch: endOfSentence 6 is not a word of the model's vocabulary of 6 words"))
  }

  @Test func aTableRowOfTheWrongWidth() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = NextWordTable(rows: [[0]: [0.5, 0.5]], otherwise: [0.2, 0.3, 0.5])
    }
    #expect(
      standardError(of: result).contains(
        "NextWordTable: the row after [0] has 2 probabilities, the other rows 3"))
  }

  @Test func aTableRowThatDoesNotSumToOne() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = NextWordTable(rows: [[]: [0.5, 0.6]], otherwise: [0.5, 0.5])
    }
    #expect(
      standardError(of: result).contains(
        "NextWordTable: the row after [] must be probabilities that sum to 1: [0.5, 0.6]"))
  }
}
