import Matrix
import MultiHeadAttention
import SelfAttention
import TestSupport
import Testing

@Suite("Chapter 3 inputs that must trap")
struct MultiHeadPreconditionTests {
  @Test func headsOfDifferentShapes() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = MultiHeadAttention(
        heads: [
          AttentionHead(modelDimension: 4, keyDimension: 2, seed: 1),
          AttentionHead(modelDimension: 4, keyDimension: 3, seed: 2),
        ], outputWeights: Matrix(rows: 4, columns: 4))
    }
    #expect(
      standardError(of: result).contains(
        "head 1 has W^Q [4, 2] and W^V [4, 2] but head 2 has W^Q [4, 3] and W^V [4, 3]"))
  }

  @Test func outputWeightsWithTheWrongNumberOfRows() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let head = AttentionHead(modelDimension: 4, keyDimension: 4, seed: 1)
      _ = MultiHeadAttention(heads: [head, head], outputWeights: Matrix(rows: 4, columns: 4))
    }
    #expect(
      standardError(of: result).contains(
        "W^O [4, 4] needs h·d_v = 2 × 4 = 8 rows to multiply the concatenation [words, 8]"))
  }

  @Test func outputWeightsWithTheWrongNumberOfColumns() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let head = AttentionHead(modelDimension: 4, keyDimension: 2, seed: 1)
      _ = MultiHeadAttention(heads: [head, head], outputWeights: Matrix(rows: 4, columns: 3))
    }
    #expect(
      standardError(of: result).contains(
        "W^O [4, 3] needs d_model = 4 columns, the rows of W^Q [4, 2]"))
  }

  @Test func aMaskOfTheWrongShape() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let layer = MultiHeadAttention(modelDimension: 4, headCount: 2, seed: 1)
      _ = layer(Matrix(rows: 3, columns: 4), mask: Matrix(rows: 3, columns: 2))
    }
    #expect(
      standardError(of: result).contains(
        "mask [3, 2] must have the shape of the scores [3, 3] (queries from [3, 4], keys from "
          + "[3, 4])"))
  }

  @Test func aModelDimensionThatTheHeadsDoNotDivide() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = MultiHeadAttention(modelDimension: 10, headCount: 3, seed: 1)
    }
    #expect(
      standardError(of: result).contains(
        "d_model 10 cannot be split among 3 heads: 10 is not a multiple of 3"))
  }

  @Test func combinedWeightsThatTheHeadsDoNotDivide() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = MultiHeadAttention(
        queryWeights: Matrix(rows: 4, columns: 6), keyWeights: Matrix(rows: 4, columns: 6),
        valueWeights: Matrix(rows: 4, columns: 6), outputWeights: Matrix(rows: 6, columns: 4),
        headCount: 4)
    }
    #expect(
      standardError(of: result).contains(
        "W^Q [4, 6] cannot be split into 4 heads: 6 columns is not a multiple of 4"))
  }

  @Test func noHeads() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = MultiHeadAttention(heads: [], outputWeights: Matrix(rows: 0, columns: 4))
    }
    #expect(standardError(of: result).contains("MultiHeadAttention: needs at least one head"))
  }
}
