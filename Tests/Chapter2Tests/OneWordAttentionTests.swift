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
    expectVector(project(T.x1, T.queryWeights), equals: T.repeated(T.q1Tile), "Step 1: q1 = x1·W^Q")
    expectVector(project(T.x2, T.queryWeights), equals: T.repeated(T.q2Tile), "Step 1: q2 = x2·W^Q")
    expectVector(project(T.x1, T.keyWeights), equals: T.repeated(T.k1Tile), "Step 1: k1 = x1·W^K")
    expectVector(project(T.x2, T.keyWeights), equals: T.repeated(T.k2Tile), "Step 1: k2 = x2·W^K")
    expectVector(project(T.x1, T.valueWeights), equals: T.repeated(T.v1Tile), "Step 1: v1 = x1·W^V")
    expectVector(project(T.x2, T.valueWeights), equals: T.repeated(T.v2Tile), "Step 1: v2 = x2·W^V")
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
    expectVector(thinking.scores, equals: [112, 96], "Step 2: scores of Thinking")
  }

  @Test func stepThreeDividesBySquareRootOfKeyDimension() {
    // √d_k = √64 = 8: 112 / 8 = 14, 96 / 8 = 12. Dividing by d_k = 64 would give 1.75, 1.5.
    expectVector(
      thinking.scaledScores, equals: [14, 12], "Step 3: scores of Thinking divided by √d_k = 8")
  }

  @Test func stepFourSoftmaxGivesThePosts88And12() {
    // softmax(14, 12) = (1, e^-2) / (1 + e^-2) = (0.88079…, 0.11920…): the post's 0.88 and 0.12.
    expectVector(
      thinking.weights, equals: [T.a, T.b], tolerance: 1e-12, "Step 4: softmax weights of Thinking")
    #expect(formatVector(thinking.weights, decimals: 2) == "[0.88  0.12]")
  }

  @Test func dividingByKeyDimensionInsteadOfItsRootIsFlatter() {
    // The classic mistake, ÷ 64: (1.75, 1.5) -> (1, e^-0.25) / (1 + e^-0.25), e^-0.25 = 0.77880:
    // σ(0.25) = 0.5621765009, σ(−0.25) = 0.4378234991. The book prints these; the step above
    // pins 0.8808 instead.
    expectVector(
      softmax(thinking.scores.map { $0 / 64 }), equals: [0.5621765008857981, 0.4378234991142019],
      tolerance: 1e-12, "The mistake: softmax of the scores divided by d_k = 64")
  }

  @Test func stepFiveWeightsTheValues() {
    // 0.8808 × [2 0 1 1] = [2a 0 a a];  0.1192 × [0 4 1 2] = [0 4b b 2b]  (tiles, × 16)
    expectVector(
      thinking.weightedValues[0], equals: T.repeated([2 * T.a, 0, T.a, T.a]), tolerance: 1e-12,
      "Step 5: 0.88 · v1")
    expectVector(
      thinking.weightedValues[1], equals: T.repeated([0, 4 * T.b, T.b, 2 * T.b]), tolerance: 1e-12,
      "Step 5: 0.12 · v2")
  }

  @Test func stepSixSumsThemIntoZ1() {
    // z1 = [2a + 0, 0 + 4b, a + b, a + 2b] = [1.7616, 0.4768, 1, 1.1192]  (tile, × 16)
    expectVector(
      thinking.output,
      equals: T.repeated([2 * T.a, 4 * T.b, T.a + T.b, T.a + 2 * T.b]),  // 1.7616 0.4768 1 1.1192
      tolerance: 1e-12, "Step 6: z1, the sum of the weighted values")
  }

  @Test func machinesAttendsMostToItself() {
    // Word 2: q2·k1 = 16 × 6 = 96, q2·k2 = 16 × 7 = 112 -> (12, 14) -> (b, a)
    let machines = OneWordAttention(
      query: T.repeated(T.q2Tile), keys: [T.repeated(T.k1Tile), T.repeated(T.k2Tile)],
      values: [T.repeated(T.v1Tile), T.repeated(T.v2Tile)])
    expectVector(machines.scores, equals: [96, 112], "Step 2: scores of Machines")
    expectVector(machines.scaledScores, equals: [12, 14], "Step 3: scaled scores of Machines")
    expectVector(
      machines.weights, equals: [T.b, T.a], tolerance: 1e-12, "Step 4: weights of Machines")
    // 0.1192 × [2 0 1 1] and 0.8808 × [0 4 1 2]
    expectVector(
      machines.weightedValues[0], equals: T.repeated([2 * T.b, 0, T.b, T.b]), tolerance: 1e-12,
      "Step 5 for Machines: 0.12 · v1")
    expectVector(
      machines.weightedValues[1], equals: T.repeated([0, 4 * T.a, T.a, 2 * T.a]), tolerance: 1e-12,
      "Step 5 for Machines: 0.88 · v2")
    // z2 = [2b, 4a, a + b, 2a + b]
    expectVector(
      machines.output,
      equals: T.repeated([2 * T.b, 4 * T.a, T.a + T.b, 2 * T.a + T.b]),  // 0.2384 3.5232 1 1.8808
      tolerance: 1e-12, "Step 6: z2")
  }

  @Test func scalesByTheKeyDimensionNotTheValueDimension() {
    // d_k = 4, d_v = 2: scores 2000 and −2000, ÷ √4 = 2 -> ±1000 (÷ √2 would give ±1414.2).
    let attention = OneWordAttention(
      query: [1000, 0, 0, 0], keys: [[2, 0, 0, 0], [-2, 0, 0, 0]], values: [[1, 0], [0, 1]])
    expectVector(
      attention.scaledScores, equals: [1000, -1000], "Step 3: divide by √d_k = 2, not √d_v")
    expectVector(attention.weights, equals: [1, 0], "Step 4: softmax of ±1000")
    expectVector(attention.output, equals: [1, 0], "Step 6: z")
  }

  @Test func weightsSumToOne() {
    #expect(abs(thinking.weights.reduce(0, +) - 1) < 1e-15)
  }
}
