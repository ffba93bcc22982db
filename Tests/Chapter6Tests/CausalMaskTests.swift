import Decoder
import Foundation
import Matrix
import SelfAttention
import TestSupport
import Testing

/// The decoder's causal mask, by hand. Chapter 3's head 1 on Chapter 1's toy vectors stands in
/// for the decoder's self-attention over its first three inputs, "<eos> i am": only the mask is
/// new, so the scaled scores are Chapter 3's [[2 −2 1], [2 0 −1], [2 1 −2]].
@Suite("The causal mask, by hand")
struct CausalMaskTests {
  static let y: Matrix = [[1, -1, 0, 2], [0, 2, 1, -1], [2, 1, -1, 0]]
  static let head = AttentionHead(
    queryWeights: [[-1, 1, 0, 0], [0, 0, 1, 1], [0, 1, 0, -1], [1, 0, 1, 0]],
    keyWeights: [[0, 0, 0, 0], [0, 0, 0, 0], [-1, 0, 0, 1], [0, 1, 1, 0]],
    valueWeights: [[1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [0, 1, 0, 0]])
  // Values (Chapter 3): v = [x₁, x₄, x₂, x₃].
  static let values: Matrix = [[1, 2, -1, 0], [0, -1, 2, 1], [2, 0, 1, -1]]

  // Row 2, {2, 0}: e² / (e² + 1) and 1 / (e² + 1).
  static let p = 0.8807970779778823
  static let q = 0.11920292202211757
  // Row 3, {2, 1, −2} unmasked: Chapter 3's a, b, c over D = e² + e + e⁻².
  static let a = 0.7213991842739688
  static let b = 0.26538792877224193
  static let c = 0.013212886953789417
  static let maskedWeights = Matrix([[1, 0, 0], [p, q, 0], [a, b, c]])

  // First in the suite: the chapter's "Try this" quotes this test's first failure.
  @Test func theMaskByHand() {
    let inf = Double.infinity
    expectMatrix(
      causalMask(size: 3),
      equals: [
        [0, -inf, -inf],  // word 1 sees word 1
        [0, 0, -inf],  // word 2 sees words 1 and 2
        [0, 0, 0],  // word 3 sees all three
      ], tolerance: 0, "Causal mask: −∞ above the diagonal")
  }

  @Test func maskedSelfAttentionByHand() {
    let inf = Double.infinity
    let trace = Self.head.trace(Self.y, mask: causalMask(size: 3))
    expectMatrix(
      trace.scaledScores, equals: [[2, -2, 1], [2, 0, -1], [2, 1, -2]], tolerance: 0,
      "Step 3: Q·K^T / √d_k")
    expectMatrix(
      trace.maskedScores, equals: [[2, -inf, -inf], [2, 0, -inf], [2, 1, -2]], tolerance: 0,
      "Masked scores: scaled scores + mask")
    expectMatrix(
      trace.weights, equals: Self.maskedWeights, tolerance: 1e-15, "Step 4: softmax, masked")
    // Masked weights are exactly 0: e^(−∞ − max) = 0.
    #expect(trace.weights[0, 1] == 0 && trace.weights[0, 2] == 0 && trace.weights[1, 2] == 0)
    let (p, q) = (Self.p, Self.q)
    expectMatrix(
      trace.output,
      equals: Matrix([
        [1, 2, -1, 0],  // all weight on v₁
        // p·v₁ + q·v₂ = [p, 2p − q, −p + 2q, q]
        [p, 1.642391233933647, -0.6423912339336472, q],
        // a·v₁ + b·v₂ + c·v₃ = [a + 2c, 2a − b, −a + 2b + c, b − c]: Chapter 3's row 3
        [0.7478249581815476, 1.1774104397756955, -0.17741043977569548, 0.2521750418184525],
      ]), tolerance: 1e-15, "Steps 5 and 6: Z, masked")
  }

  @Test func aMaskWithTheWrongTriangleGivesOtherWeights() {
    // The transpose lets each word see itself and the words AFTER it: word 1 then spreads its
    // weight over all three words ({2, −2, 1}: a, c, b) instead of putting 1 on itself.
    let wrong = Self.head.trace(Self.y, mask: causalMask(size: 3).transposed())
    #expect(matrixMismatch(wrong.weights, Self.maskedWeights, tolerance: 1e-3) != nil)
    expectVector(
      wrong.weights.row(0), equals: [Self.a, Self.c, Self.b], tolerance: 1e-15,
      "Transposed mask, word 1's weights")
  }

  @Test func minusOneBillionInsteadOfMinusInfinity() {
    // In Double, e^(−1e9) underflows to exactly 0 (anything below e^−745 does), so where a row
    // has some unmasked word, −1e9 gives the same weights as −∞, bit for bit.
    let large = Self.head.trace(Self.y, mask: causalMask(size: 3, maskedValue: -1e9))
    #expect(large.weights == Self.head.trace(Self.y, mask: causalMask(size: 3)).weights)
    // A row with every word masked is where they part. This book's softmax gives −∞ rows all
    // zeros. Added −1e9 keeps the scores' differences (to the spacing of Doubles near 1e9,
    // about 1e-7; exactly here, as the scores are whole numbers), so the row gets the
    // unmasked weights of {2, −2, 1}: a, c, b. The tolerance allows for that spacing.
    let everything = Matrix(rows: 3, columns: 3, repeating: -.infinity)
    let infinite = Self.head.trace(Self.y, mask: everything)
    expectVector(infinite.weights.row(0), equals: [0, 0, 0], tolerance: 0, "−∞ everywhere")
    let billion = Self.head.trace(Self.y, mask: Matrix(rows: 3, columns: 3, repeating: -1e9))
    expectVector(
      billion.weights.row(0), equals: [Self.a, Self.c, Self.b], tolerance: 1e-6,
      "−1e9 added everywhere")
    // Code that REPLACES masked scores by −1e9 (masked_fill) gets equal scores: uniform 1/3.
    expectVector(
      softmax([-1e9, -1e9, -1e9]), equals: [1.0 / 3, 1.0 / 3, 1.0 / 3], tolerance: 1e-16,
      "−1e9 filled in everywhere")
    // A smaller constant leaks: −10 leaves e^−10 / (1 + e^−10) ≈ 4.5e-5 on a masked word.
    let leaky = softmax([0, -10])
    #expect(leaky[1] > 4.5e-5 && leaky[1] < 4.6e-5)
  }

  @Test func theTryThisFailureIsTheOneTheChapterQuotes() {
    // `where j < i` builds the transpose; every wrong cell is off by ∞, and the first of them,
    // row by row, is row 1, column 2.
    let message = matrixMismatch(
      causalMask(size: 3).transposed(), causalMask(size: 3), tolerance: 0)
    #expect(message?.hasPrefix("row 1, column 2 is 0 where -inf was expected") == true)
  }
}
