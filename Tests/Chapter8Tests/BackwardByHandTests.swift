import Embeddings
import Encoder
import Foundation
import Matrix
import Output
import TestSupport
import Testing

/// Gradients worked out by hand, with the arithmetic beside each value. All are exact in
/// binary floating point or off by a unit in the last place, so 1e-15 leaves room for rounding
/// only.
@Suite("Chapter 8 backward passes by hand")
struct BackwardByHandTests {
  @Test func softmaxOfThreeNumbers() {
    // Row 1: x = [ln 1, ln 2, ln 1] → y = [1, 2, 1] / 4; dy = [1, 0, 0]; y·dy = 1/4;
    // dx = y ⊙ (dy − 1/4) = [1/4 · 3/4, 1/2 · (−1/4), 1/4 · (−1/4)] = [3/16, −1/8, −1/16].
    // Row 2: x = [ln 3, 0, 0] → y = [3, 1, 1] / 5; dy = [0, 0, 1]; y·dy = 1/5;
    // dx = [3/5 · (−1/5), 1/5 · (−1/5), 1/5 · 4/5] = [−3/25, −1/25, 4/25].
    let x: Matrix = [[0, log(2.0), 0], [log(3.0), 0, 0]]
    let dx = softmaxBackward(output: softmax(x), outputGradient: [[1, 0, 0], [0, 0, 1]])
    expectMatrix(
      dx, equals: [[3.0 / 16, -1.0 / 8, -1.0 / 16], [-3.0 / 25, -1.0 / 25, 4.0 / 25]],
      tolerance: 1e-15, "Softmax backward: dx = y ⊙ (dy − rowsum(dy ⊙ y))")
  }

  @Test func layerNormOfZeroZeroFourFour() {
    // x = [0, 0, 4, 4], ε = 0: μ = 2, σ² = (4 + 4 + 4 + 4) / 4 = 4, s = 2, x̂ = [−1, −1, 1, 1].
    // dy = [1, 0, 0, 2], γ = 1: dx̂ = dy, mean(dx̂) = 3/4, mean(dx̂ ⊙ x̂) = (−1 + 2) / 4 = 1/4.
    // dx = (dx̂ − 3/4 − x̂ · 1/4) / 2 = ([1, 0, 0, 2] − 3/4 − [−1, −1, 1, 1] / 4) / 2
    //    = [1/2, −1/2, −1, 1] / 2 = [1/4, −1/4, −1/2, 1/2]: sums to 0 and is orthogonal to x̂.
    let norm = LayerNorm(modelDimension: 4, epsilon: 0)
    let d = norm.backward(trace: norm.trace([[0, 0, 4, 4]]), outputGradient: [[1, 0, 0, 2]])
    expectMatrix(d.input, equals: [[0.25, -0.25, -0.5, 0.5]], tolerance: 1e-15, "Layer norm: dx")
    // dγ = dy ⊙ x̂ = [−1, 0, 0, 2]; dβ = dy.
    expectVector(d.parameters.gain, equals: [-1, 0, 0, 2], tolerance: 0, "Layer norm: dγ")
    expectVector(d.parameters.bias, equals: [1, 0, 0, 2], tolerance: 0, "Layer norm: dβ")
  }

  @Test func oneMatrixProduct() {
    // A [3, 2], B [2, 3], dC [3, 3].
    // dA = dC · Bᵀ: row 1 [1, 0, −1] · Bᵀ = [1 − 2, −1] = [−1, −1]; row 2 [0, 2, 0] → [0, 2];
    //   row 3 [1, 1, 1] → [1 + 2, −1 + 1] = [3, 0].
    // dB = Aᵀ · dC: row 1 = 1·[1, 0, −1] + 0·[0, 2, 0] + 3·[1, 1, 1] = [4, 3, 2];
    //   row 2 = 2·[1, 0, −1] − 1·[0, 2, 0] + 1·[1, 1, 1] = [3, −1, −1].
    let a: Matrix = [[1, 2], [0, -1], [3, 1]]
    let b: Matrix = [[1, 0, 2], [-1, 1, 0]]
    let d = matmulBackward(a, b, outputGradient: [[1, 0, -1], [0, 2, 0], [1, 1, 1]])
    expectMatrix(d.a, equals: [[-1, -1], [0, 2], [3, 0]], tolerance: 0, "Matmul: dA = dC · Bᵀ")
    expectMatrix(d.b, equals: [[4, 3, 2], [3, -1, -1]], tolerance: 0, "Matmul: dB = Aᵀ · dC")
  }

  @Test func aWordLookedUpTwiceCollectsBothGradients() {
    // Words [2, 0, 2]: row 3 of dtable (word 2) = [1, 2] + [5, 6] = [6, 8]; row 1 (word 0) =
    // [3, 4]; words 1 and 3 were not looked up.
    let embedding = Embedding(table: Matrix(rows: 4, columns: 2))
    let d = embedding.backward([2, 0, 2], outputGradient: [[1, 2], [3, 4], [5, 6]])
    expectMatrix(
      d.table, equals: [[3, 4], [0, 0], [6, 8], [0, 0]], tolerance: 0,
      "Embedding backward: rows added into the looked-up words")
    // X = E · √d_model + PE: with d_model 4, dE = dX · 2.
    expectMatrix(
      encoderInputBackward(outputGradient: [[1, -1, 0, 3]]), equals: [[2, -2, 0, 6]],
      tolerance: 0, "Encoder input backward: dE = dX · √d_model")
  }

  @Test func reluAtExactlyZeroPassesNoGradient() {
    // x = [0, 0], W₁ = I, b₁ = [0, 1]: hidden = [0, 1]. The first unit sits exactly at 0, where
    // ReLU has no derivative; we take 0, so b₁'s gradient is [0, 1] for dOutput = [1, 1], W₂ = I.
    let network = FeedForward(
      firstWeights: Matrix.identity(2), firstBias: [0, 1], secondWeights: Matrix.identity(2),
      secondBias: [0, 0])
    let x: Matrix = [[0, 0]]
    let d = network.backward(x, trace: network.trace(x), outputGradient: [[1, 1]])
    expectVector(d.parameters.firstBias, equals: [0, 1], tolerance: 0, "ReLU′(0) = 0: db₁")
    expectVector(d.parameters.secondBias, equals: [1, 1], tolerance: 0, "db₂ = Σ rows of dOutput")
  }

  @Test func residualSumCopiesItsGradient() {
    let g: Matrix = [[1, -2], [3, 0.5]]
    let d = residualBackward(outputGradient: g)
    expectMatrix(d.input, equals: g, tolerance: 0, "Residual: the skip path gets ds")
    expectMatrix(d.sublayer, equals: g, tolerance: 0, "Residual: the sublayer gets ds")
  }

  @Test func tiedTableGradientIsTheSumOfBothUses() {
    // dT = dT(lookup) + dWᵀ: [[1, 0], [0, 0], [2, 2]] + [[1, 2, 3], [4, 5, 6]]ᵀ.
    let sum = tiedEmbeddingGradient(
      embedding: Embedding.Gradient(table: [[1, 0], [0, 0], [2, 2]]),
      finalLinear: FinalLinear.Gradient(weights: [[1, 2, 3], [4, 5, 6]], bias: [0, 0, 0]))
    expectMatrix(
      sum.table, equals: [[2, 4], [2, 5], [5, 8]], tolerance: 0, "Tied weights: dT + dWᵀ")
  }
}
