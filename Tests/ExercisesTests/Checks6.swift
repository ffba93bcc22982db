import ExerciseSolutions
import Exercises
import Matrix
import TestSupport
import Testing

// Chapter 6's exercises, checked with the numbers of Chapter 6's causal-mask example (derived by
// hand; see Tests/Chapter6Tests/CausalMaskTests.swift). The checks are written once and run twice:
//   swift test --filter Exercises6   your answers, in Sources/Exercises/Chapter6.swift
//   swift test --filter Solutions6   the worked answers, in Sources/ExerciseSolutions/Chapter6.swift
//
// The mask compares exactly (0 and −∞). Tolerance 1e-12 for the weights: with or without
// subtracting the row's largest value first, a correct softmax differs in the last digits only;
// the transposed mask is off by 0.28 or more.

private let inf = Double.infinity

/// The decoder's self-attention over "<eos> i am": Chapter 3's scaled scores, Q·K^T / √d_k.
/// Not symmetric, so a mask with the wrong triangle shows.
private let scaledScores: Matrix = [[2, -2, 1], [2, 0, -1], [2, 1, -2]]
private let mask: Matrix = [[0, -inf, -inf], [0, 0, -inf], [0, 0, 0]]

/// Your answers to Chapter 6's exercises, each skipped until you write it.
@Suite struct Exercises6 {
  @Test(
    "Exercise 6.1: the causal mask",
    .attempted(in: "Chapter6.swift") { try Exercises.causalMaskMatrix(size: 3) })
  func causalMask() throws { try checkCausalMask(Exercises.causalMaskMatrix) }

  @Test(
    "Exercise 6.2: the masked softmax",
    .attempted(in: "Chapter6.swift") { try Exercises.maskedSoftmax(scaledScores, mask: mask) })
  func maskedWeights() throws { try checkMaskedSoftmax(Exercises.maskedSoftmax) }
}

/// The worked answers, through the same checks (CI runs these with every `swift test`).
@Suite struct Solutions6 {
  @Test func causalMask() throws { try checkCausalMask(ExerciseSolutions.causalMaskMatrix) }
  @Test func maskedWeights() throws { try checkMaskedSoftmax(ExerciseSolutions.maskedSoftmax) }
}

// The checks.

private func checkCausalMask(_ causalMaskMatrix: (Int) throws -> Matrix) throws {
  expectMatrix(
    try causalMaskMatrix(3),
    equals: [
      [0, -inf, -inf],  // word 1 sees word 1
      [0, 0, -inf],  // word 2 sees words 1 and 2
      [0, 0, 0],  // word 3 sees all three
    ], tolerance: 0, "Exercise 6.1: causal mask of 3 words, −∞ above the diagonal")
  expectMatrix(
    try causalMaskMatrix(1), equals: [[0]], tolerance: 0,
    "Exercise 6.1: one word sees itself")
  expectMatrix(
    try causalMaskMatrix(4),
    equals: [[0, -inf, -inf, -inf], [0, 0, -inf, -inf], [0, 0, 0, -inf], [0, 0, 0, 0]],
    tolerance: 0, "Exercise 6.1: causal mask of 4 words")
}

private func checkMaskedSoftmax(_ maskedSoftmax: (Matrix, Matrix) throws -> Matrix) throws {
  // Row 1 {2}: all weight on word 1. Row 2 {2, 0}: e² / (e² + 1), 1 / (e² + 1).
  // Row 3 {2, 1, −2} unmasked: e², e, e⁻² over D = e² + e + e⁻² (Chapter 3's a, b, c).
  let (p, q) = (0.8807970779778823, 0.11920292202211757)
  let (a, b, c) = (0.7213991842739688, 0.26538792877224193, 0.013212886953789417)
  let weights = try maskedSoftmax(scaledScores, mask)
  expectMatrix(
    weights, equals: Matrix([[1, 0, 0], [p, q, 0], [a, b, c]]), tolerance: 1e-12,
    "Exercise 6.2: softmax of the masked scores of \"<eos> i am\"")
  // Masked words get exactly 0: e^(−∞ − max) = 0.
  #expect(
    weights[0, 1] == 0 && weights[0, 2] == 0 && weights[1, 2] == 0,
    "Exercise 6.2: a masked word's weight is exactly 0")
  // A row with every word masked has nothing to attend to: zeros, not NaN. The other row,
  // {0, ln 3} with nothing masked, is [1, 3] / 4.
  expectMatrix(
    try maskedSoftmax([[5, 1], [0, 1.0986122886681098]], [[-inf, -inf], [0, 0]]),
    equals: [[0, 0], [0.25, 0.75]], tolerance: 1e-12,
    "Exercise 6.2: a fully masked row gives zeros; ln 3 = 1.0986122886681098")
}
