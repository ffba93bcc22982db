import Matrix
import SelfAttention
import TestSupport
import Testing

/// Steps one to six for the word "Thinking", every intermediate against hand-derived values.
@Suite("Self-attention for one word, steps one to six")
struct OneWordAttentionTests {
  typealias T = ThinkingMachines

  @Test func stepOneQueriesKeysValues() {
    // Each 64-wide vector is its tile repeated 16 times (derivation in ThinkingMachines).
    #expect(project(T.x1, T.queryWeights) == T.repeated(T.q1Tile))
    #expect(project(T.x2, T.queryWeights) == T.repeated(T.q2Tile))
    #expect(project(T.x1, T.keyWeights) == T.repeated(T.k1Tile))
    #expect(project(T.x2, T.keyWeights) == T.repeated(T.k2Tile))
    #expect(project(T.x1, T.valueWeights) == T.repeated(T.v1Tile))
    #expect(project(T.x2, T.valueWeights) == T.repeated(T.v2Tile))
    #expect(project(T.x1, T.queryWeights).count == 64)
  }

  var thinking: OneWordAttention {
    OneWordAttention(
      query: T.repeated(T.q1Tile), keys: [T.repeated(T.k1Tile), T.repeated(T.k2Tile)],
      values: [T.repeated(T.v1Tile), T.repeated(T.v2Tile)])
  }

  @Test func stepTwoScoresAreThePostsNumbers() {
    // q1·k1 = 16 × (1·1 + 1·2 + 2·2 + 0·1) = 16 × 7 = 112
    // q1·k2 = 16 × (1·2 + 1·0 + 2·2 + 0·3) = 16 × 6 = 96
    #expect(thinking.scores == [112, 96])
  }

  @Test func stepThreeDividesBySquareRootOfKeyDimension() {
    // √d_k = √64 = 8: 112 / 8 = 14, 96 / 8 = 12. Dividing by d_k = 64 would give 1.75, 1.5.
    #expect(thinking.scaledScores == [14, 12])
  }

  @Test func stepFourSoftmaxGivesThePosts88And12() {
    // softmax(14, 12) = (1, e⁻²) / (1 + e⁻²) = (0.88079…, 0.11920…): the post's 0.88 and 0.12.
    expectVector(thinking.weights, equals: [T.a, T.b], tolerance: 1e-12)
    #expect(formatVector(thinking.weights, decimals: 2) == "[0.88  0.12]")
  }

  @Test func dividingByKeyDimensionInsteadOfItsRootIsFlatter() {
    // The classic mistake, ÷ 64: (1.75, 1.5) -> (1, e^−0.25) / (1 + e^−0.25), e^−0.25 = 0.77880:
    // σ(0.25) = 0.5621765009, σ(−0.25) = 0.4378234991. The book prints these; the step above
    // pins 0.8808 instead.
    expectVector(
      softmax(thinking.scores.map { $0 / 64 }), equals: [0.5621765008857981, 0.4378234991142019],
      tolerance: 1e-12)
  }

  @Test func stepFiveWeightsTheValues() {
    // 0.8808 × [2 0 1 1] = [2a 0 a a];  0.1192 × [0 4 1 2] = [0 4b b 2b]  (tiles, × 16)
    expectVector(
      thinking.weightedValues[0], equals: T.repeated([2 * T.a, 0, T.a, T.a]), tolerance: 1e-12)
    expectVector(
      thinking.weightedValues[1], equals: T.repeated([0, 4 * T.b, T.b, 2 * T.b]), tolerance: 1e-12)
  }

  @Test func stepSixSumsThemIntoZ1() {
    // z1 = [2a + 0, 0 + 4b, a + b, a + 2b] = [1.7616, 0.4768, 1, 1.1192]  (tile, × 16)
    expectVector(
      thinking.output,
      equals: T.repeated([2 * T.a, 4 * T.b, T.a + T.b, T.a + 2 * T.b]),  // 1.7616 0.4768 1 1.1192
      tolerance: 1e-12)
  }

  @Test func machinesAttendsMostToItself() {
    // Word 2: q2·k1 = 16 × 6 = 96, q2·k2 = 16 × 7 = 112 -> (12, 14) -> (b, a)
    let machines = OneWordAttention(
      query: T.repeated(T.q2Tile), keys: [T.repeated(T.k1Tile), T.repeated(T.k2Tile)],
      values: [T.repeated(T.v1Tile), T.repeated(T.v2Tile)])
    #expect(machines.scores == [96, 112])
    #expect(machines.scaledScores == [12, 14])
    expectVector(machines.weights, equals: [T.b, T.a], tolerance: 1e-12)
    // 0.1192 × [2 0 1 1] and 0.8808 × [0 4 1 2]
    expectVector(
      machines.weightedValues[0], equals: T.repeated([2 * T.b, 0, T.b, T.b]), tolerance: 1e-12)
    expectVector(
      machines.weightedValues[1], equals: T.repeated([0, 4 * T.a, T.a, 2 * T.a]), tolerance: 1e-12)
    // z2 = [2b, 4a, a + b, 2a + b]
    expectVector(
      machines.output,
      equals: T.repeated([2 * T.b, 4 * T.a, T.a + T.b, 2 * T.a + T.b]),  // 0.2384 3.5232 1 1.8808
      tolerance: 1e-12)
  }

  @Test func scalesByTheKeyDimensionNotTheValueDimension() {
    // d_k = 4, d_v = 2: scores 2000 and −2000, ÷ √4 = 2 -> ±1000 (÷ √2 would give ±1414.2).
    let attention = OneWordAttention(
      query: [1000, 0, 0, 0], keys: [[2, 0, 0, 0], [-2, 0, 0, 0]], values: [[1, 0], [0, 1]])
    #expect(attention.scaledScores == [1000, -1000])
    #expect(attention.weights == [1, 0])
    #expect(attention.output == [1, 0])
  }

  @Test func weightsSumToOne() {
    #expect(abs(thinking.weights.reduce(0, +) - 1) < 1e-15)
  }
}
