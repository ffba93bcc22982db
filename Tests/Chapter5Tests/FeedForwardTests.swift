import Encoder
import Matrix
import MultiHeadAttention
import TestSupport
import Testing

/// The position-wise feed-forward network: the worked example by hand, and what "position-wise"
/// means.
@Suite("The feed-forward network")
struct FeedForwardTests {
  let network = ToyEncoder.feedForward
  let x = ToyEncoder.x

  @Test func workedExampleByHand() {
    // x·W₁ adds up the rows of W₁, each times one feature of x; then + b₁ = [0 1 0 −1 0 1 0 −1].
    let trace = network.trace(x)
    expectMatrix(
      trace.hidden,
      equals: [
        // je [1 −1 0 2]: r1 − r2 + 2·r4 = [1 −1 1 3 0 2 −3 1], + b₁
        [1, 0, 1, 2, 0, 3, -3, 0],
        // suis [0 2 1 −1]: 2·r2 + r3 − r4 = [1 3 −1 −3 2 −2 3 1], + b₁
        [1, 4, -1, -4, 2, -1, 3, 0],
        // étudiant [2 1 −1 0]: 2·r1 + r2 − r3 = [1 0 −2 −1 3 1 1 1], + b₁
        [1, 1, -2, -2, 3, 2, 1, 0],
      ], tolerance: 0, "Step 1: x·W₁ + b₁")
    expectMatrix(
      trace.activated,
      equals: [
        [1, 0, 1, 2, 0, 3, 0, 0],  // −3 → 0
        [1, 4, 0, 0, 2, 0, 3, 0],  // −1, −4, −1 → 0
        [1, 1, 0, 0, 3, 2, 1, 0],  // −2, −2 → 0
      ], tolerance: 0, "Step 2: ReLU, max(0, ·)")
    // W₂ rows: h₁ → [1 0 0 0], h₂ → [0 1 0 0], h₃ → [0 0 1 0], h₄ → [0 0 0 1],
    // h₅ → [1 −1 0 0], h₆ → [0 0 1 −1], h₇ → [−1 0 0 1], h₈ → [0 1 1 0]; b₂ = [1 0 −1 0].
    expectMatrix(
      trace.output,
      equals: [
        // [1, 0, 1 + 3, 2 − 3] + b₂
        [2, 0, 3, -1],
        // [1 + 2 − 3, 4 − 2, 0, 0 + 3] + b₂
        [1, 2, -1, 3],
        // [1 + 3 − 1, 1 − 3, 2, −2 + 1] + b₂
        [4, -2, 1, -1],
      ], tolerance: 0, "Step 3: ReLU(…)·W₂ + b₂")
    expectMatrix(network(x), equals: trace.output, tolerance: 0, "callAsFunction: FFN(x)")
  }

  @Test func eachRowDependsOnItsOwnRowAlone() {
    // Change word 2; words 1 and 3 come out bit for bit the same.
    var changed = x
    changed[1, 0] = 5
    changed[1, 3] = -7
    let before = network(x)
    let after = network(changed)
    #expect(after.row(0) == before.row(0) && after.row(2) == before.row(2))
    #expect(after.row(1) != before.row(1))
    // Running each word on its own gives the same rows as running the sentence.
    let oneByOne = Matrix(concatenatingRows: (0..<3).map { network(x.rows($0..<$0 + 1)) })
    #expect(oneByOne == before)
  }

  @Test func selfAttentionIsNotPositionWise() {
    // The same change to word 2 moves word 1's self-attention output: attention mixes words.
    let attention = ToyEncoder.layer.selfAttention
    var changed = x
    changed[1, 0] = 5
    changed[1, 3] = -7
    #expect(attention(changed).row(0) != attention(x).row(0))
  }

  @Test func paperSizeShapesAndSeededBiases() {
    let paper = FeedForward(modelDimension: 512, hiddenDimension: 2048, seed: 9)
    #expect(paper.firstWeights.shape == Shape(rows: 512, columns: 2048))
    #expect(paper.secondWeights.shape == Shape(rows: 2048, columns: 512))
    #expect(paper.firstBias.count == 2048 && paper.secondBias.count == 512)
    // b₁ lies within ±1/√512 = ±0.0442, b₂ within ±1/√2048 = ±0.0221; neither is all zeros.
    #expect(paper.firstBias.allSatisfy { abs($0) < 0.04420 })
    #expect(paper.secondBias.allSatisfy { abs($0) < 0.02210 })
    #expect(paper.firstBias.contains { abs($0) > 0.04 } && paper.secondBias.contains { $0 != 0 })
  }
}
