import Encoder
import Matrix
import TestSupport
import Testing

/// Layer normalization and the residual connection, by hand. This suite sorts first so that
/// `--no-parallel` runs the hand examples before everything built on them.
@Suite("Add & Normalize, by hand")
struct AddAndNormalizeTests {
  // Two rows whose standard deviations are whole numbers, so every value is a fraction:
  // [0 0 4 4]: μ = 2, deviations [−2 −2 2 2], σ² = (4 + 4 + 4 + 4) / 4 = 4, σ = 2.
  // [7 1 1 −1]: μ = 8 / 4 = 2, deviations [5 −1 −1 −3], σ² = (25 + 1 + 1 + 9) / 4 = 9, σ = 3.
  let x: Matrix = [[0, 0, 4, 4], [7, 1, 1, -1]]

  // First in the suite: the chapter's "Try this" quotes this test's first failure.
  @Test func layerNormEveryStepByHand() {
    let trace = LayerNorm(gain: [1, 2, 3, -1], bias: [0, 1, -1, 2], epsilon: 0).trace(x)
    expectVector(trace.mean, equals: [2, 2], tolerance: 0, "Step 1: mean μ of each row")
    expectVector(
      trace.variance, equals: [4, 9], tolerance: 0, "Step 2: variance σ² (divide by d_model)")
    expectMatrix(
      trace.normalized,
      equals: [
        [-1, -1, 1, 1],  // [−2 −2 2 2] / 2
        [5.0 / 3, -1.0 / 3, -1.0 / 3, -1],  // [5 −1 −1 −3] / 3
      ], tolerance: 1e-15, "Step 3: (x − μ) / √(σ² + ε)")
    expectMatrix(
      trace.output,
      equals: [
        [-1, -1, 2, 1],  // γ = [1 2 3 −1], β = [0 1 −1 2]: [−1, −2 + 1, 3 − 1, −1 + 2]
        [5.0 / 3, 1.0 / 3, -2, 3],  // [5/3, −2/3 + 1, −1 − 1, 1 + 2]
      ], tolerance: 1e-15, "Step 4: γ · normalized + β")
  }

  @Test func aRowOfEightWithWholeStandardDeviation() {
    // μ = 40 / 8 = 5, deviations [−3 −1 −1 −1 0 0 2 4], σ² = (9+1+1+1+0+0+4+16) / 8 = 4, σ = 2.
    let norm = LayerNorm(modelDimension: 8, epsilon: 0)
    expectMatrix(
      norm([[2, 4, 4, 4, 5, 5, 7, 9]]), equals: [[-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]],
      tolerance: 0, "LayerNorm, d_model 8")
  }

  @Test func theVarianceDividesByDModelNotDModelMinusOne() {
    // [1 3]: μ = 2, Σ(x − μ)² = 2. Biased σ² = 2 / 2 = 1 gives [−1 1]; the unbiased
    // 2 / (2 − 1) = 2 would give [−1/√2, 1/√2] = [−0.7071, 0.7071] (the annotated
    // implementation's torch.std is unbiased).
    let trace = LayerNorm(modelDimension: 2, epsilon: 0).trace([[1, 3]])
    expectVector(trace.variance, equals: [1], tolerance: 0, "Step 2: σ² = 2 / d_model")
    expectMatrix(trace.output, equals: [[-1, 1]], tolerance: 0, "LayerNorm, biased variance")
  }

  @Test func theDefaultEpsilonSitsInsideTheSquareRoot() {
    #expect(LayerNorm.defaultEpsilon == 1e-5)
    let trace = LayerNorm(modelDimension: 4).trace(x)
    // ε inside: 2 / √(4 + 1e-5) = 0.9999987500023437 (math.sqrt). ε outside, 2 / (2 + 1e-5),
    // would be 0.9999950000249999: off by 3.7e-6, far above the tolerance.
    // Row 2: 5 / √(9 + 1e-5) = 1.6666657407415124, 1 / √(9 + 1e-5) = 0.33333314814830245,
    // 3 / √(9 + 1e-5) = 0.9999994444449074.
    let a = 0.9999987500023437
    let b = 1.6666657407415124
    let c = 0.33333314814830245
    let d = 0.9999994444449074
    expectMatrix(
      trace.normalized, equals: Matrix([[-a, -a, a, a], [b, -c, -c, -d]]), tolerance: 1e-15,
      "Step 3 with ε = 1e-5: (x − μ) / √(σ² + ε)")
    // A constant row has σ² = 0: ε turns 0 / 0 into 0 / √ε = 0.
    expectMatrix(
      LayerNorm(modelDimension: 4)([[3, 3, 3, 3]]), equals: [[0, 0, 0, 0]], tolerance: 0,
      "LayerNorm of a constant row")
    #expect(LayerNorm(modelDimension: 4, epsilon: 0)([[3, 3, 3, 3]])[0, 0].isNaN)
  }

  @Test func everyNormalizedRowHasMeanZeroAndVarianceOne() {
    var generator = SplitMix64(seed: 11)
    let random = Matrix.random(rows: 5, columns: 16, in: -3, 7, using: &generator)
    let trace = LayerNorm(modelDimension: 16, epsilon: 0).trace(random)
    for i in 0..<5 {
      let row = trace.normalized.row(i)
      let mean = row.reduce(0, +) / 16
      let variance = row.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 16
      #expect(abs(mean) < 1e-15 && abs(variance - 1) < 1e-14, "row \(i + 1)")
    }
  }

  /// The sublayer of the residual examples: reverses each row, v·J with J the anti-identity.
  static func reversed(_ v: Matrix) -> Matrix {
    matmul(v, [[0, 0, 0, 1], [0, 0, 1, 0], [0, 1, 0, 0], [1, 0, 0, 0]])
  }

  @Test func postNormResidualByHand() {
    // x = [7 1 1 −1], Sublayer(x) = [−1 1 1 7]; x + Sublayer(x) = [6 2 2 6]:
    // μ = 4, deviations [2 −2 −2 2], σ² = 4, σ = 2, LayerNorm = [1 −1 −1 1].
    let norm = LayerNorm(modelDimension: 4, epsilon: 0)
    let result = postNormResidual([[7, 1, 1, -1]], norm: norm, sublayer: Self.reversed)
    expectMatrix(result, equals: [[1, -1, -1, 1]], tolerance: 0, "LayerNorm(x + Sublayer(x))")
  }

  @Test func preNormIsADifferentFunction() {
    // LayerNorm(x) = [5 −1 −1 −3] / 3; reversed: [−1, −1/3, −1/3, 5/3];
    // x + that = [7 − 1, 1 − 1/3, 1 − 1/3, −1 + 5/3] = [6, 2/3, 2/3, 2/3].
    let norm = LayerNorm(modelDimension: 4, epsilon: 0)
    let pre = preNormResidual([[7, 1, 1, -1]], norm: norm, sublayer: Self.reversed)
    expectMatrix(
      pre, equals: [[6, 2.0 / 3, 2.0 / 3, 2.0 / 3]], tolerance: 1e-15,
      "x + Sublayer(LayerNorm(x))")
    let post = postNormResidual([[7, 1, 1, -1]], norm: norm, sublayer: Self.reversed)
    #expect(pre != post)
  }

  @Test func theTryThisFailureIsTheOneTheChapterQuotes() {
    // Dividing by d_model − 1 = 3: σ² = [16 / 3, 36 / 3] = [5.33, 12] where [4, 9] belongs.
    // Column 2 is off by the most (3 against 1.33), so it is the one reported.
    let message = matrixMismatch(Matrix(row: [16.0 / 3, 12]), Matrix(row: [4, 9]), tolerance: 0)
    #expect(message?.hasPrefix("row 1, column 2 is 12 where 9 was expected") == true)
  }
}
