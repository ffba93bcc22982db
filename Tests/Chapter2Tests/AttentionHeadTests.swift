import Matrix
import SelfAttention
import TestSupport
import Testing

/// The matrix form, Z = softmax(Q·K^T / √d_k) · V, every intermediate against hand-derived values.
@Suite("Self-attention in matrix form")
struct AttentionHeadTests {
  typealias T = ThinkingMachines
  let head = AttentionHead(
    queryWeights: T.queryWeights, keyWeights: T.keyWeights, valueWeights: T.valueWeights)

  @Test func everyIntermediateMatrix() {
    let trace = head.trace(T.x)
    // Q = X·W^Q: row i is word i's query, [2, 64] (tile rows as in step one).
    expectMatrix(
      trace.queries, equals: T.repeated(Matrix([T.q1Tile, T.q2Tile])), "Step 1: Q = X·W^Q")
    expectMatrix(trace.keys, equals: T.repeated(Matrix([T.k1Tile, T.k2Tile])), "Step 1: K = X·W^K")
    expectMatrix(
      trace.values, equals: T.repeated(Matrix([T.v1Tile, T.v2Tile])), "Step 1: V = X·W^V")
    // Q·K^T: [2, 64] × [64, 2] = [2, 2]; entry (i, j) = 16 × q̃ᵢ·k̃ⱼ = 16 × [[7, 6], [6, 7]].
    expectMatrix(trace.scores, equals: [[112, 96], [96, 112]], "Step 2: scores Q·K^T")
    // ÷ √64 = 8
    expectMatrix(trace.scaledScores, equals: [[14, 12], [12, 14]], "Step 3: scaled scores")
    // Row-wise softmax: (a, b) and (b, a)
    expectMatrix(
      trace.weights, equals: [[T.a, T.b], [T.b, T.a]], tolerance: 1e-12, "Step 4: softmax weights")
    // Z = weights · V; tile: row 1 = a·[2 0 1 1] + b·[0 4 1 2], row 2 = b·[…] + a·[…]
    let zTile: Matrix = [
      [1.761594155955764888, 0.4768116880884702238, 1, 1.119202922022117556],  // 2a 4b a+b a+2b
      [0.2384058440442351119, 3.523188311911529776, 1, 1.880797077977882444],  // 2b 4a a+b 2a+b
    ]
    expectMatrix(trace.output, equals: T.repeated(zTile), tolerance: 1e-12, "Steps 5 and 6: Z")
    expectMatrix(head(T.x), equals: trace.output, tolerance: 0, "head(X) is the trace's Z")
  }

  @Test func rowsAreQueriesAndColumnsAreKeysOnAnAsymmetricExample() {
    // Chapter 2's "Which way round?": d_k = 4, √d_k = 2. Score (i, j) = qᵢ·kⱼ = 2 × element i
    // of kⱼ, since qᵢ is 2 in position i. A transposed product (K·Q^T) would give the transpose.
    let steps = scaledDotProductAttention(
      queries: [[2, 0, 0, 0], [0, 2, 0, 0], [0, 0, 2, 0]],
      keys: [[1, 0, 1, 0], [2, 1, 0, 0], [0, 0, 0, 1]],
      values: [[1, 0], [0, 1], [1, 1]])
    // Row 1: 2·[k1₁ k2₁ k3₁] = 2·[1 2 0]; row 2: 2·[0 1 0]; row 3: 2·[1 0 0].
    expectMatrix(
      steps.scores, equals: [[2, 4, 0], [0, 2, 0], [2, 0, 0]], "Which way round, step 2: Q·K^T")
    expectMatrix(
      steps.scaledScores, equals: [[1, 2, 0], [0, 1, 0], [1, 0, 0]],
      "Which way round, step 3: ÷ √4 = 2")
    // Row 1: (e, e^2, 1) / (1 + e + e^2); rows 2 and 3: (1, e, 1) and (e, 1, 1) / (2 + e).
    let (r1, r2, r3) = (0.24472847105479764, 0.6652409557748219, 0.09003057317038046)
    let (small, large) = (0.21194155761708547, 0.5761168847658291)  // 1 / (2 + e), e / (2 + e)
    expectMatrix(
      steps.weights, equals: [[r1, r2, r3], [small, large, small], [large, small, small]],
      tolerance: 1e-15, "Which way round, step 4: weights (row i is query i)")
    // Z = weights · V with V = [[1, 0], [0, 1], [1, 1]]: row = (w₁ + w₃, w₂ + w₃).
    // Row 1: ((e + 1) / S, (e^2 + 1) / S), S = 1 + e + e^2; rows 2 and 3 from 2 / (2 + e) and
    // (e + 1) / (2 + e).
    expectMatrix(
      steps.output,
      equals: [
        [0.3347590442251781, 0.7552715289452022],
        [0.42388311523417094, 0.7880584423829147],
        [0.7880584423829147, 0.42388311523417094],
      ], tolerance: 1e-15, "Which way round, step 6: Z")
  }

  @Test func matrixFormEqualsTheVectorFormRowByRow() {
    // On the worked example and on random paper-size weights (d_model 512, d_k 64).
    var generator = SplitMix64(seed: 3)
    let random = AttentionHead(modelDimension: 512, keyDimension: 64, seed: 11)
    let examples = [
      (head, T.x),
      (random, Matrix.random(rows: 5, columns: 512, in: -1, 1, using: &generator)),
    ]
    for (head, x) in examples {
      let trace = head.trace(x)
      let keys = x.rowArrays.map { project($0, head.keyWeights) }
      let values = x.rowArrays.map { project($0, head.valueWeights) }
      for (i, word) in x.rowArrays.enumerated() {
        let oneWord = OneWordAttention(
          query: project(word, head.queryWeights), keys: keys, values: values)
        expectVector(
          trace.scores.row(i), equals: oneWord.scores, tolerance: 1e-12,
          "Step 2: row \(i + 1) of Q·K^T against word \(i + 1)'s scores")
        expectVector(
          trace.weights.row(i), equals: oneWord.weights, tolerance: 1e-12,
          "Step 4: row \(i + 1) of the weights against word \(i + 1)'s weights")
        expectVector(
          trace.output.row(i), equals: oneWord.output, tolerance: 1e-12,
          "Step 6: row \(i + 1) of Z against z\(i + 1)")
      }
    }
  }

  @Test func paperSizeExampleMatchesAnIndependentReference() {
    // The book's last example: X = rows 1, 2, 3 of a [6, 512] Glorot table (seed 1), a head of
    // three [512, 64] Glorot matrices (seed 2). Expected values from NumPy, computed from the
    // written specification (Tests/Reference/paper_size.py); they depend on summation order
    // only in the last bits, hence the tolerance.
    var generator = SplitMix64(seed: 1)
    let table = Matrix.glorotUniform(rows: 6, columns: 512, using: &generator)
    let head = AttentionHead(modelDimension: 512, keyDimension: 64, seed: 2)
    let trace = head.trace(table.rows(1..<4))
    expectMatrix(
      trace.scores,
      equals: [
        [-0.0043865345087994705, -0.02096704652957151, -0.03448887932606377],
        [-0.005189142611544273, -0.16054003994025545, 0.0810972275621702],
        [-0.06909338947894869, 0.02414741405646265, 0.03433856061583125],
      ], tolerance: 1e-14, "Paper size, step 2: scores Q·K^T (NumPy reference)")
    expectMatrix(
      trace.scaledScores, equals: trace.scores / 8, tolerance: 0, "Paper size, step 3: ÷ √64")
    expectMatrix(
      trace.weights,
      equals: [
        [0.3339819418939572, 0.3332904597616814, 0.33272759834436133],
        [0.3342678747721082, 0.327839391906341, 0.3378927333215509],
        [0.3306073413198956, 0.33448314565980763, 0.3349095130202968],
      ], tolerance: 1e-12, "Paper size, step 4: weights (NumPy reference)")
    expectVector(
      Array(trace.output.row(0)[0..<4]),
      equals: [
        0.017235478887813557, 0.04921496161917257, 0.08251148833135664, 0.04872180147327194,
      ],
      tolerance: 1e-12, "Paper size, step 6: Z, row 1, columns 1 to 4 (NumPy reference)")
    expectVector(
      Array(trace.output.row(2)[60..<64]),
      equals: [
        0.0006310790802316531, 0.02183522354715702, 0.024960627892488443, 0.01382364673231192,
      ], tolerance: 1e-12, "Paper size, step 6: Z, row 3, columns 61 to 64 (NumPy reference)")
  }

  @Test func weightRowsSumToOneAtPaperSize() {
    let head = AttentionHead(modelDimension: 512, keyDimension: 64, seed: 5)
    var generator = SplitMix64(seed: 9)
    let x = Matrix.random(rows: 7, columns: 512, in: -3, 3, using: &generator)
    let trace = head.trace(x)
    #expect(trace.output.shape == Shape(rows: 7, columns: 64))
    for row in trace.weights.rowArrays {
      #expect(abs(row.reduce(0, +) - 1) < 1e-12)
      #expect(row.allSatisfy { $0 > 0 })
    }
  }

  @Test func hugeScoresStayFinite() {
    // Scores of ±1000 after scaling: softmax must not overflow to NaN.
    let q: Matrix = [[1000, 0, 0, 0]]
    let k: Matrix = [[2, 0, 0, 0], [-2, 0, 0, 0]]  // scores 2000, −2000; ÷ √4 = 1000, −1000
    let steps = scaledDotProductAttention(queries: q, keys: k, values: [[1, 0], [0, 1]])
    expectMatrix(steps.scaledScores, equals: [[1000, -1000]], "Step 3: huge scaled scores")
    expectMatrix(steps.weights, equals: [[1, 0]], "Step 4: softmax of ±1000")
    expectMatrix(steps.output, equals: [[1, 0]], "Step 6: Z")
  }
}

@Suite("Chapter 2 inputs that must trap")
struct AttentionPreconditionTests {
  @Test func inputWidthDiffersFromModelDimension() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let head = AttentionHead(modelDimension: 4, keyDimension: 3, seed: 1)
      _ = head(Matrix(rows: 2, columns: 5))
    }
    #expect(
      standardError(of: result).contains("input [2, 5] × W^Q [4, 3]: d_model 5 and 4 differ"))
  }

  @Test func queryAndKeyWeightsDiffer() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = AttentionHead(
        queryWeights: Matrix(rows: 4, columns: 3), keyWeights: Matrix(rows: 4, columns: 2),
        valueWeights: Matrix(rows: 4, columns: 3))
    }
    #expect(standardError(of: result).contains("W^Q [4, 3] and W^K [4, 2]"))
  }

  @Test func queriesAndKeysOfDifferentWidth() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = scaledDotProductAttention(
        queries: Matrix(rows: 2, columns: 3), keys: Matrix(rows: 2, columns: 4),
        values: Matrix(rows: 2, columns: 4))
    }
    #expect(standardError(of: result).contains("queries [2, 3] and keys [2, 4]"))
  }

  @Test func oneWordWithMoreKeysThanValues() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = OneWordAttention(query: [1], keys: [[1], [2]], values: [[1]])
    }
    #expect(standardError(of: result).contains("2 keys but 1 values"))
  }

  @Test func projectingAVectorOfTheWrongLength() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = project([1, 2, 3], Matrix(rows: 4, columns: 2))
    }
    #expect(standardError(of: result).contains("length 3 × [4, 2]"))
  }

  @Test func valueWeightsWithADifferentModelDimension() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = AttentionHead(
        queryWeights: Matrix(rows: 4, columns: 3), keyWeights: Matrix(rows: 4, columns: 3),
        valueWeights: Matrix(rows: 5, columns: 3))
    }
    #expect(standardError(of: result).contains("W^Q [4, 3] and W^V [5, 3] must have d_model rows"))
  }

  @Test func keysAndValuesForDifferentNumbersOfWords() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = scaledDotProductAttention(
        queries: Matrix(rows: 2, columns: 3), keys: Matrix(rows: 2, columns: 3),
        values: Matrix(rows: 3, columns: 4))
    }
    #expect(standardError(of: result).contains("keys [2, 3] and values [3, 4]"))
  }

  @Test func aMaskOfTheWrongShape() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = scaledDotProductAttention(
        queries: Matrix(rows: 2, columns: 3), keys: Matrix(rows: 4, columns: 3),
        values: Matrix(rows: 4, columns: 2), mask: Matrix(rows: 4, columns: 2))
    }
    #expect(
      standardError(of: result).contains(
        "mask [4, 2] must have the shape of the scores [2, 4] (queries [2, 3], keys [4, 3])"))
  }

  @Test func memoryOfADifferentModelDimension() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let head = AttentionHead(modelDimension: 4, keyDimension: 3, seed: 1)
      _ = head(Matrix(rows: 2, columns: 4), attendingTo: Matrix(rows: 3, columns: 6))
    }
    #expect(
      standardError(of: result).contains("memory [3, 6] × W^Q [4, 3]: d_model 6 and 4 differ"))
  }

  @Test func oneWordWithValuesOfDifferentLengths() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = OneWordAttention(query: [1], keys: [[1], [2]], values: [[1, 2], [3]])
    }
    #expect(standardError(of: result).contains("value vectors of lengths 2 and 1"))
  }
}
