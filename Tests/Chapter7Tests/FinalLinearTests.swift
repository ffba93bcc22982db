import Embeddings
import Foundation
import Matrix
import Output
import TestSupport
import Testing

/// The final linear layer and softmax: a small integer example by hand, weight tying, and a
/// random model on a stand-in decoder output against Tests/Reference/loss.py.
@Suite("The final linear and softmax layer")
struct FinalLinearTests {
  // Two decoder output rows (d_model = 4) and W [4, 6] for a, am, i, thanks, student, <eos>.
  let decoderOutput: Matrix = [[1, 0, -1, 2], [0, 1, 2, -1]]
  let layer = FinalLinear(
    weights: [
      [1, 0, -1, 0, 2, 0],
      [0, 1, 0, 0, -1, 1],
      [0, 2, 1, -1, 0, 0],
      [1, 0, 0, 1, 0, -2],
    ], bias: [0, 0, 1, 1, 0, -1])

  @Test func logitsProbabilitiesAndTheChosenWord() {
    let trace = layer.trace(decoderOutput)
    expectMatrix(
      trace.logits,
      equals: [
        // row 1 − row 3 + 2·row 4 = [3, −2, −2, 3, 2, −4], + b
        [3, -2, -1, 4, 2, -5],
        // row 2 + 2·row 3 − row 4 = [−1, 5, 2, −3, −1, 3], + b
        [-1, 5, 3, -2, -1, 2],
      ], tolerance: 0, "Step 1: logits = X·W + b")
    // e^zⱼ / Σ e^z, with Σ = e³ + e⁻² + e⁻¹ + e⁴ + e² + e⁻⁵ and e⁻¹ + e⁵ + e³ + e⁻² + e⁻¹ + e²
    // (Python's math module).
    expectMatrix(
      trace.probabilities,
      equals: [
        [
          0.24321725933561572, 0.0016387850026662039, 0.00445467949349875, 0.6611330564196153,
          0.08947462944763608, 8.159030096797238e-05,
        ],
        [
          0.002081250522349012, 0.8396363871873865, 0.11363242827577116, 0.000765649279099527,
          0.002081250522349012, 0.041803034213044696,
        ],
      ], tolerance: 1e-15, "Step 2: probabilities = softmax(logits)")
    #expect(trace.predictions == [3, 1])  // thanks, am
    #expect(layer(decoderOutput) == trace.probabilities)
    #expect(layer.modelDimension == 4 && layer.vocabularySize == 6)
  }

  @Test func tiesGoToTheFirstWord() {
    #expect(mostProbableWords([[0.25, 0.5, 0.25], [0.4, 0.2, 0.4], [0, 0, 1]]) == [1, 0, 2])
  }

  @Test func aTiedLayerUsesTheEmbeddingTablesTranspose() {
    // A toy embedding table for the six output words, [6, 4], no two rows alike.
    let table: Matrix = [
      [1, 0, 0, 2], [0, 1, -1, 0], [2, -1, 0, 1], [0, 0, 3, -1], [-1, 2, 1, 0], [1, 1, 1, 1],
    ]
    let tied = FinalLinear(tiedTo: Embedding(table: table))
    expectMatrix(tied.weights, equals: table.transposed(), tolerance: 0, "W = E^T")
    #expect(
      tied.weights.shape == Shape(rows: 4, columns: 6) && tied.bias == Array(repeating: 0, count: 6)
    )
    // Word j's logit is the dot product of the decoder output with word j's embedding.
    let x: Matrix = [[1, 2, 0, -1]]
    // [1 − 2, 2, 2 − 2 − 1, 1, −1 + 4, 1 + 2 − 1] = [−1, 2, −1, 1, 3, 2]
    expectMatrix(
      tied.trace(x).logits, equals: [[-1, 2, -1, 1, 3, 2]], tolerance: 0,
      "Tied logits: x · e_j for each word j")
    // One matrix counted once: the tied layer adds only its bias.
    #expect(tied.isTiedToEmbedding && tied.parameterCount == 6)
    #expect(!layer.isTiedToEmbedding && layer.parameterCount == 4 * 6 + 6)
    // At the paper's size with the post's 10,000 words: 512 · 10,000 + 10,000 untied.
    let paper = FinalLinear(
      weights: Matrix(rows: 512, columns: 10_000), bias: Array(repeating: 0, count: 10_000))
    #expect(paper.parameterCount == 5_130_000)
  }

  @Test func aRandomModelMatchesAnIndependentReference() {
    // Spec (Tests/Reference/loss.py): stand-in decoder output D [5, 512] uniform in [−1, 1)
    // from SplitMix64(seed: 7), row by row; W [512, 6] Glorot from seed 8; b = 0. The weights
    // are drawn with the same IEEE operations, so they agree exactly; logits are sums of 512
    // products and differ from NumPy's only in summation order, about 1e-16 on values near 1.
    // 1e-13 is far below any real bug (a wrong seed or row order changes them by about 0.1).
    var generator = SplitMix64(seed: 7)
    let decoderOutput = Matrix.random(rows: 5, columns: 512, in: -1, 1, using: &generator)
    let layer = FinalLinear(modelDimension: 512, vocabularySize: 6, seed: 8)
    expectVector(
      layer.weights.row(511),
      equals: [
        -0.03437852219788749, 0.04153773370513261, 0.10736921687511289, 0.012471216682333447,
        -0.053591545883947767, 0.030698052956859706,
      ], tolerance: 0, "W, row 512")
    let trace = layer.trace(decoderOutput)
    expectMatrix(trace.logits, equals: RandomModel.logits, tolerance: 1e-13, "Step 1: logits")
    expectMatrix(
      trace.probabilities, equals: RandomModel.probabilities, tolerance: 1e-13,
      "Step 2: probabilities")
    #expect(trace.predictions == [2, 0, 5, 1, 3])  // i, a, <eos>, am, thanks
    let loss = CrossEntropyLoss().trace(logits: trace.logits, targetWords: [2, 1, 0, 4, 5])
    expectMatrix(
      loss.logProbabilities, equals: RandomModel.logProbabilities, tolerance: 1e-13,
      "Log-probabilities")
    expectVector(
      loss.perPosition, equals: RandomModel.loss, tolerance: 1e-13, "Cross-entropy per position")
    expectVector([loss.mean], equals: [1.9454811160227519], tolerance: 1e-13, "Mean loss")
    expectVector([loss.perplexity], equals: [6.996997412922647], tolerance: 1e-12, "Perplexity")
    expectMatrix(loss.gradient, equals: RandomModel.gradient, tolerance: 1e-13, "Gradient")
    let smoothed = CrossEntropyLoss(smoothing: 0.1).trace(
      logits: trace.logits, targetWords: [2, 1, 0, 4, 5])
    expectVector(
      smoothed.perPosition,
      equals: [
        1.0147165043078195, 2.091871419146081, 3.079862139787539, 1.4393812138801336,
        2.1748674134223474,
      ], tolerance: 1e-13, "Smoothed cross-entropy per position")
  }
}
