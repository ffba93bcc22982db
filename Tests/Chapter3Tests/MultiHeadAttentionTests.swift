import Matrix
import MultiHeadAttention
import SelfAttention
import TestSupport
import Testing

/// Multi-head attention: every intermediate of the worked example against hand-derived values,
/// the two views of the weights, and the paper's size against an independent reference.
@Suite("Multi-head attention")
struct MultiHeadAttentionTests {
  typealias J = JeSuisEtudiant
  let layer = MultiHeadAttention(
    heads: [
      AttentionHead(
        queryWeights: J.queryWeights1, keyWeights: J.keyWeights1, valueWeights: J.valueWeights1),
      AttentionHead(
        queryWeights: J.queryWeights2, keyWeights: J.keyWeights2, valueWeights: J.valueWeights2),
    ],
    outputWeights: J.outputWeights)

  // First in the suite: the "Try this" of the chapter quotes this test's first failure.
  @Test func workedExampleEveryIntermediate() {
    let trace = layer.trace(J.x)
    #expect(trace.heads.count == 2)
    let expected = [
      (J.queries1, J.keys1, J.values1, J.scores1, J.scaledScores1, J.weights1, J.z1),
      (J.queries2, J.keys2, J.values2, J.scores2, J.scaledScores2, J.weights2, J.z2),
    ]
    for (index, (queries, keys, values, scores, scaled, weights, z)) in expected.enumerated() {
      let head = trace.heads[index]
      let name = "Head \(index + 1)"
      expectMatrix(head.queries, equals: queries, tolerance: 0, "\(name), step 1: Q = X·W^Q")
      expectMatrix(head.keys, equals: keys, tolerance: 0, "\(name), step 1: K = X·W^K")
      expectMatrix(head.values, equals: values, tolerance: 0, "\(name), step 1: V = X·W^V")
      expectMatrix(head.scores, equals: scores, tolerance: 0, "\(name), step 2: Q·K^T")
      expectMatrix(
        head.scaledScores, equals: scaled, tolerance: 0, "\(name), step 3: Q·K^T / √d_k")
      expectMatrix(head.weights, equals: weights, tolerance: 1e-12, "\(name), step 4: softmax")
      expectMatrix(head.output, equals: z, tolerance: 1e-12, "\(name), steps 5 and 6: Z")
    }
    // Concatenate: Z₁ in columns 1–4, Z₂ in columns 5–8.
    expectMatrix(
      trace.concatenated, equals: Matrix(concatenatingColumns: [J.z1, J.z2]), tolerance: 1e-12,
      "Concatenate the heads: [Z₁ Z₂]")
    expectMatrix(trace.output, equals: J.output, tolerance: 1e-12, "Multiply by W^O: Z")
    expectMatrix(layer(J.x), equals: trace.output, tolerance: 0, "callAsFunction: Z")
  }

  @Test func theHeadsAttendDifferently() {
    // Head 1: every word's largest weight is on "je" (column 1); head 2: never on "je".
    let trace = layer.trace(J.x)
    for i in 0..<3 {
      let head1 = trace.heads[0].weights.row(i)
      let head2 = trace.heads[1].weights.row(i)
      #expect(head1.firstIndex(of: head1.max()!) == 0)
      #expect(head2.firstIndex(of: head2.max()!) != 0)
      #expect(abs(head1.reduce(0, +) - 1) < 1e-15 && abs(head2.reduce(0, +) - 1) < 1e-15)
    }
  }

  @Test func combinedAndPerHeadWeightsAreTwoViewsOfOneLayer() {
    // W^Q [4, 8] = [W^Q_1 W^Q_2]; Q = X·W^Q is [Q₁ Q₂] side by side.
    let combinedQuery = Matrix(concatenatingColumns: [J.queryWeights1, J.queryWeights2])
    expectMatrix(layer.queryWeights, equals: combinedQuery, tolerance: 0, "W^Q = [W^Q_1 W^Q_2]")
    expectMatrix(
      layer.keyWeights, equals: Matrix(concatenatingColumns: [J.keyWeights1, J.keyWeights2]),
      tolerance: 0, "W^K = [W^K_1 W^K_2]")
    let combined = MultiHeadAttention(
      queryWeights: combinedQuery,
      keyWeights: Matrix(concatenatingColumns: [J.keyWeights1, J.keyWeights2]),
      valueWeights: Matrix(concatenatingColumns: [J.valueWeights1, J.valueWeights2]),
      outputWeights: J.outputWeights, headCount: 2)
    let queries = matmul(J.x, combinedQuery)  // [3, 8]
    expectMatrix(queries.columns(0..<4), equals: J.queries1, tolerance: 0, "X·W^Q, columns 1–4")
    expectMatrix(queries.columns(4..<8), equals: J.queries2, tolerance: 0, "X·W^Q, columns 5–8")

    // The same on random paper-size weights, bit for bit.
    let random = MultiHeadAttention(modelDimension: 512, headCount: 8, seed: 4)
    let rebuilt = MultiHeadAttention(
      queryWeights: random.queryWeights, keyWeights: random.keyWeights,
      valueWeights: random.valueWeights, outputWeights: random.outputWeights, headCount: 8)
    var generator = SplitMix64(seed: 5)
    let x = Matrix.random(rows: 5, columns: 512, in: -1, 1, using: &generator)
    let allQueries = matmul(x, random.queryWeights)  // [5, 512]
    for (index, block) in allQueries.splitColumns(into: 8).enumerated() {
      expectMatrix(
        random.trace(x).heads[index].queries, equals: block, tolerance: 0,
        "Head \(index + 1): Q from its own W^Q and from its block of the combined W^Q")
    }
    for (one, other, x) in [(layer, combined, J.x), (random, rebuilt, x)] {
      expectMatrix(other.trace(x).output, equals: one.trace(x).output, tolerance: 0, "Z")
    }
  }

  @Test func oneHeadWithIdentityOutputWeightsIsTheSelfAttentionHead() {
    let head = AttentionHead(modelDimension: 8, keyDimension: 8, seed: 6)
    let single = MultiHeadAttention(heads: [head], outputWeights: .identity(8))
    var generator = SplitMix64(seed: 7)
    let x = Matrix.random(rows: 4, columns: 8, in: -2, 2, using: &generator)
    expectMatrix(single(x), equals: head(x), tolerance: 0, "One head, W^O = I: Z")
    #expect(single.trace(x).heads == [head.trace(x)])
  }

  @Test func anAllZeroMaskChangesNothing() {
    let masked = layer.trace(J.x, mask: Matrix(rows: 3, columns: 3))
    #expect(masked == layer.trace(J.x))
  }

  @Test func queriesFromOneSentenceKeysAndValuesFromAnother() {
    // Encoder-decoder attention: queries for "étudiant je" (rows 3 and 1 of X), keys and values
    // from all of "je suis étudiant". Each query row only meets the keys, so the output rows are
    // rows 3 and 1 of the self-attention output.
    let queriesFrom = Matrix(concatenatingRows: [J.x.rows(2..<3), J.x.rows(0..<1)])  // [2, 4]
    let trace = layer.trace(queriesFrom, attendingTo: J.x)
    expectMatrix(trace.heads[1].keys, equals: J.keys2, tolerance: 0, "Head 2: K from the memory")
    expectMatrix(
      trace.heads[0].weights, equals: Matrix([J.weights1.row(2), J.weights1.row(0)]),
      tolerance: 1e-12, "Head 1, step 4: softmax")
    expectMatrix(
      trace.output, equals: Matrix([J.output.row(2), J.output.row(0)]), tolerance: 1e-12,
      "Multiply by W^O: Z")
  }

  @Test func paperSizeMatchesAnIndependentReference() {
    // X = rows 1, 2, 3 of the [6, 512] Glorot table (seed 1) = Chapter 1's
    // Embedding(vocabularySize: 6, modelDimension: 512, seed: 1) for "je suis étudiant".
    // Layer: SplitMix64(seed: 2) draws W^Q_i, W^K_i, W^V_i [512, 64] for heads 1 … 8 in turn,
    // then W^O [512, 512]. Expected values from Tests/Reference/multi_head.py (NumPy, written
    // from that specification). Weights are drawn with the same IEEE operations in both, so
    // they agree exactly; products differ only in summation order, about 1e-17 on values of
    // 0.01 to 0.2, and 1e-13 is far below any real bug (a wrong draw order or head order
    // changes them by about 1e-2).
    var generator = SplitMix64(seed: 1)
    let table = Matrix.glorotUniform(rows: 6, columns: 512, using: &generator)
    let x = table.rows(1..<4)  // [3, 512]
    let layer = MultiHeadAttention(modelDimension: 512, headCount: 8, seed: 2)
    #expect(layer.headCount == 8 && layer.modelDimension == 512)
    #expect(layer.queryWeights.shape == Shape(rows: 512, columns: 512))
    expectVector(
      Array(layer.heads[1].queryWeights.row(0)[0..<4]),
      equals: [
        -0.04401250325078398, -0.045596245291065, -0.05325758874014791, -0.061755080671394215,
      ],
      tolerance: 0, "Head 2: W^Q, row 1, columns 1–4")
    expectVector(
      Array(layer.heads[7].valueWeights.row(511)[60..<64]),
      equals: [
        0.08431460509346037, -0.0985017378143004, 0.04558526746781624, 0.0061817918736679495,
      ],
      tolerance: 0, "Head 8: W^V, row 512, columns 61–64")
    expectVector(
      Array(layer.outputWeights.row(511)[508..<512]),
      equals: [
        0.05799190004945032, -0.06956473977720468, -0.05709677398493186, 0.05690473763508769,
      ],
      tolerance: 0, "W^O, row 512, columns 509–512")
    let trace = layer.trace(x)
    expectMatrix(
      trace.heads[7].weights,
      equals: [
        [0.33383102734856684, 0.3325049437795057, 0.3336640288719275],
        [0.33340073545161125, 0.3337859334985736, 0.33281333104981514],
        [0.33150269125296544, 0.3330831556843188, 0.33541415306271577],
      ], tolerance: 1e-13, "Head 8, step 4: softmax")
    expectVector(
      Array(trace.concatenated.row(1)[64..<68]),
      equals: [
        0.003987918560879324, -0.02726001908263215, -0.05000478126426423, -0.029056896031202234,
      ],
      tolerance: 1e-13, "Concatenation, row 2, columns 65–68 (head 2's Z)")
    #expect(trace.output.shape == Shape(rows: 3, columns: 512))
    expectVector(
      Array(trace.output.row(0)[0..<4]),
      equals: [
        -0.007539324140634687, 0.015954083603640052, 0.01493135752737446, 0.0012999061014811158,
      ],
      tolerance: 1e-13, "Multiply by W^O: Z, row 1, columns 1–4")
    expectVector(
      Array(trace.output.row(2)[508..<512]),
      equals: [
        -0.051570130286952134, -0.06572329969704095, 0.0522621578532788, 0.009597288073884604,
      ],
      tolerance: 1e-13, "Multiply by W^O: Z, row 3, columns 509–512")
  }

  @Test func headsOnSeveralThreadsGiveTheSameBits() {
    // The heads run side by side on the machine's cores; each must give exactly what it gives
    // alone. 4 heads, d_model 16, 6 words: small enough for a debug build.
    let layer = MultiHeadAttention(modelDimension: 16, headCount: 4, seed: 5)
    var generator = SplitMix64(seed: 6)
    let x = Matrix.random(rows: 6, columns: 16, in: -1, 1, using: &generator)
    let alone = MatmulThreads.with(threads: 1) { layer.trace(x) }
    for threads in [2, 3, 4] {
      let together = MatmulThreads.with(threads: threads) { layer.trace(x) }
      #expect(together == alone, "every step of every head on \(threads) threads")
      expectSameBits(together.output, as: alone.output, "the output on \(threads) threads")
    }
  }

  @Test func theFirstRandomHeadIsTheSelfAttentionHeadWithTheSameSeed() {
    let layer = MultiHeadAttention(modelDimension: 512, headCount: 8, seed: 2)
    let chapter2 = AttentionHead(modelDimension: 512, keyDimension: 64, seed: 2)
    #expect(layer.heads[0].queryWeights == chapter2.queryWeights)
    #expect(layer.heads[0].valueWeights == chapter2.valueWeights)
  }

  @Test func theTryThisFailureIsTheOneTheChapterQuotes() {
    // Reversing the heads before concatenating gives [Z₂ Z₁]. Columns 2 and 6 of row 2 are then
    // off by the same, largest amount, |z2 − z1| = |0.5541 − 1.5734| ≈ 1.0193; the first of
    // them, column 2 (head 2's 0.5541 where head 1's 1.5734 belongs), is the one reported.
    let headOutputs = layer.trace(J.x).heads.map(\.output)
    let message = matrixMismatch(
      Matrix(concatenatingColumns: headOutputs.reversed()),
      Matrix(concatenatingColumns: [J.z1, J.z2]), tolerance: 1e-12)
    #expect(message?.hasPrefix("row 2, column 2 is 0.5541119 where 1.573394 was expected") == true)
  }

}
