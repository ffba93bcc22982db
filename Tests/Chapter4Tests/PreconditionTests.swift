import Matrix
import PositionalEncoding
import TestSupport
import Testing

@Suite("Chapter 4 inputs that must trap")
struct PositionalEncodingPreconditionTests {
  @Test func anOddModelDimension() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = positionalEncoding(positions: 3, modelDimension: 5)
    }
    #expect(
      standardError(of: result).contains(
        "positional encoding: d_model 5 must be positive and even (sines and cosines come in pairs)"
      ))
  }

  @Test func aNegativeNumberOfPositions() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = positionalEncoding(positions: -1, modelDimension: 4)
    }
    #expect(
      standardError(of: result).contains(
        "positional encoding: the number of positions -1 is negative"))
  }

  @Test func anEncodingOfADifferentWidth() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = addingPositions(
        to: Matrix(rows: 3, columns: 4),
        encoding: positionalEncoding(positions: 3, modelDimension: 6))
    }
    #expect(
      standardError(of: result).contains(
        "addingPositions: embeddings [3, 4] and encoding [3, 6]: d_model 4 and 6 differ"))
  }

  @Test func anEncodingWithFewerPositionsThanWords() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = addingPositions(
        to: Matrix(rows: 5, columns: 4),
        encoding: positionalEncoding(positions: 3, modelDimension: 4))
    }
    #expect(
      standardError(of: result).contains(
        "addingPositions: embeddings [5, 4] and encoding [3, 4]: 5 words but only 3 positions"))
  }
}
