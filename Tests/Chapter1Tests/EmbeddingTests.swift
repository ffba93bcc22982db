import Embeddings
import Matrix
import TestSupport
import Testing

/// The toy table of Chapter 1: 6 words × d_model = 4, small integers (row i is word i).
let toyTable: Matrix = [
  [0, 0, 0, 0],  // 0 <unk>
  [1, -1, 0, 2],  // 1 je
  [0, 2, 1, -1],  // 2 suis
  [2, 1, -1, 0],  // 3 étudiant
  [-1, 0, 2, 1],  // 4 merci
  [0, 0, 0, 1],  // 5 <eos>
]

@Suite("Embedding: a sentence becomes the input matrix X")
struct EmbeddingTests {
  let embedding = Embedding(table: toyTable)

  @Test func sentenceToInputMatrix() throws {
    let indices = try french.indices(of: "je suis étudiant")
    #expect(indices == [1, 2, 3])
    // X: rows 1, 2 and 3 of the table, one per word.
    expectMatrix(
      embedding(indices),
      equals: [
        [1, -1, 0, 2],  // je
        [0, 2, 1, -1],  // suis
        [2, 1, -1, 0],  // étudiant
      ], "X for \"je suis étudiant\": rows 1, 2 and 3 of the table")
  }

  @Test func oneHotTimesTableIsALookup() {
    // one-hot("suis") = [0 0 1 0 0 0]; its product with the table, column j:
    // 0·T[0,j] + 0·T[1,j] + 1·T[2,j] + 0·… = T[2,j], i.e. [0, 2, 1, -1].
    let suis = oneHot([2], count: 6)
    expectMatrix(suis, equals: [[0, 0, 1, 0, 0, 0]], "one-hot(suis)")
    expectMatrix(matmul(suis, toyTable), equals: [[0, 2, 1, -1]], "one-hot(suis) · table")
    // The whole sentence: a [3, 6] one-hot matrix times the [6, 4] table gives X [3, 4],
    // rows 1, 2 and 3 of the table.
    let sentence = oneHot([1, 2, 3], count: 6)
    expectMatrix(
      sentence, equals: [[0, 1, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0], [0, 0, 0, 1, 0, 0]],
      "one-hot rows of je, suis, étudiant")
    expectMatrix(
      matmul(sentence, toyTable), equals: [[1, -1, 0, 2], [0, 2, 1, -1], [2, 1, -1, 0]],
      "one-hot matrix · table = X")
  }

  @Test func paperSizeTable() throws {
    // d_model = 512 as in the paper: X has one row of 512 numbers per word.
    let paper = Embedding(vocabularySize: french.count, modelDimension: 512, seed: 1)
    let x = paper(try french.indices(of: "je suis étudiant"))
    #expect(x.shape == Shape(rows: 3, columns: 512))
    #expect(paper.table.shape == Shape(rows: 6, columns: 512))
    // Lookup and one-hot product agree exactly (each sum has one non-zero term).
    expectMatrix(
      matmul(oneHot([1, 2, 3], count: 6), paper.table), equals: x, tolerance: 0,
      "Paper size: one-hot · table = lookup")
    // Glorot limit √(6 / (6 + 512)) = 0.10762440050012628
    #expect(paper.table.elements.allSatisfy { abs($0) < 0.10762440050012628 })
    // Exact values from an independent NumPy/Python reference of SplitMix64 and Glorot
    // (Tests/Reference/paper_size.py): the numbers the book prints for "je", "suis", "étudiant".
    expectVector(
      Array(x.row(0)[0..<4]),
      equals: [
        -0.10172711668473228, -0.016981079600945873, 0.10321196500362279, -0.04479274005489829,
      ], tolerance: 0, "Paper size: X, row 1 (je), columns 1 to 4")
    expectVector(
      Array(x.row(0)[508..<512]),
      equals: [
        -0.09735925977918132, 0.030889075608025618, 0.09899894235520915, 0.02470429922642875,
      ], tolerance: 0, "Paper size: X, row 1 (je), columns 509 to 512")
    expectVector(
      Array(x.row(1)[0..<4]),
      equals: [
        -0.0003450408128538168, -0.0945027795998557, 0.07233167864922488, -0.07212031720923964,
      ], tolerance: 0, "Paper size: X, row 2 (suis), columns 1 to 4")
    expectVector(
      Array(x.row(2)[0..<4]),
      equals: [
        0.09833968138556101, 0.025382585266526814, -0.027740380493624678, 0.05497783950972285,
      ], tolerance: 0, "Paper size: X, row 3 (étudiant), columns 1 to 4")
    // Reproducible: the same seed gives the same table, another seed another one.
    #expect(Embedding(vocabularySize: 6, modelDimension: 512, seed: 1).table == paper.table)
    #expect(Embedding(vocabularySize: 6, modelDimension: 512, seed: 2).table != paper.table)
  }
}

@Suite("Chapter 1 inputs that must trap")
struct EmbeddingPreconditionTests {
  @Test func tokenIndexOutsideTheTable() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Embedding(table: Matrix(rows: 6, columns: 4))([1, 9])
    }
    #expect(
      standardError(of: result).contains("token index 9 is out of range for the table [6, 4]"))
  }

  @Test func tokenIndexOnePastTheLastRow() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Embedding(table: Matrix(rows: 6, columns: 4))([6])
    }
    #expect(
      standardError(of: result).contains("token index 6 is out of range for the table [6, 4]"))
  }

  @Test func oneHotIndexOutOfRange() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = oneHot([6], count: 6)
    }
    #expect(standardError(of: result).contains("oneHot: index 6 is out of range for 6 columns"))
  }

  @Test func repeatedWordInAVocabulary() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Vocabulary(["a", "am", "a"])
    }
    #expect(standardError(of: result).contains("\"a\" appears twice, at indices 0 and 2"))
  }

  @Test func capitalLettersInAVocabulary() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Vocabulary(["a", "I"])
    }
    #expect(standardError(of: result).contains("\"I\" at index 1 has capital letters"))
  }

  @Test func wordIndexOutsideTheVocabulary() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Vocabulary(["a", "am"]).words(at: [2])
    }
    #expect(standardError(of: result).contains("index 2 is out of range for 2 words"))
  }
}
