import Decoder
import Matrix
import SelfAttention
import TestSupport
import Testing

/// Encoder-decoder attention by hand: 2 target words ask, 3 source words answer.
@Suite("Encoder-decoder attention, by hand")
struct EncoderDecoderAttentionTests {
  // Keys and values from the encoder's output: Chapter 1's toy "je suis étudiant".
  let memory: Matrix = [[1, -1, 0, 2], [0, 2, 1, -1], [2, 1, -1, 0]]
  // Queries from the decoder: stand-ins for "<eos>" and "i".
  let y: Matrix = [[1, 0, 0, -1], [-1, -1, 0, 0]]
  let head = CausalMaskTests.head

  @Test func targetRowsSourceColumns() {
    let trace = head.trace(y, attendingTo: memory)
    expectMatrix(
      trace.queries,
      equals: [
        [-2, 1, -1, 0],  // row 1 − row 4 of W^Q: [−1 1 0 0] − [1 0 1 0]
        [1, -1, -1, -1],  // −row 1 − row 2: [1 −1 0 0] + [0 0 −1 −1]
      ], tolerance: 0, "Step 1: Q from the decoder")
    expectMatrix(
      trace.keys, equals: [[0, 2, 2, 0], [-1, -1, -1, 1], [1, 0, 0, -1]], tolerance: 0,
      "Step 1: K from the encoder's output")
    expectMatrix(
      trace.scores,
      equals: [
        [0, 2, -2],  // [−2 1 −1 0]·k: 0 + 2 − 2 + 0, 2 − 1 + 1 + 0, −2 + 0 + 0 + 0
        [-4, 0, 2],  // [1 −1 −1 −1]·k: 0 − 2 − 2 + 0, −1 + 1 + 1 − 1, 1 + 0 + 0 + 1
      ], tolerance: 0, "Step 2: Q·K^T, [target words, source words]")
    // Step 4, row 1 {0, 1, −1}: D = 1 + e + e⁻¹; row 2 {−2, 0, 1}: D = e⁻² + 1 + e.
    let weights = Matrix([
      [0.24472847105479767, 0.6652409557748219, 0.09003057317038046],  // [1, e, e⁻¹] / D
      [0.03511902695933973, 0.25949646034241913, 0.7053845126982411],  // [e⁻², 1, e] / D
    ])
    expectMatrix(trace.weights, equals: weights, tolerance: 1e-15, "Step 4: softmax, 2 × 3")
    // v = [1 2 −1 0], [0 −1 2 1], [2 0 1 −1]: z = [w₁ + 2w₃, 2w₁ − w₂, −w₁ + 2w₂ + w₃, w₂ − w₃]
    expectMatrix(
      trace.output,
      equals: [
        [0.4247896173955586, -0.17578401366522656, 1.1757840136652267, 0.5752103826044415],
        [1.445888052355822, -0.18925840642373967, 1.1892584064237397, -0.44588805235582196],
      ], tolerance: 1e-15, "Steps 5 and 6: Z, one row per target word")
  }
}
