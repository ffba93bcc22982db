import ExerciseSolutions
import Exercises
import Matrix
import TestSupport
import Testing

// Chapter 3's exercises, checked with the numbers of Chapter 3's worked example (derived by hand,
// the arithmetic beside each value). The checks are written once and run twice:
//   swift test --filter Exercises3   your answers, in Sources/Exercises/Chapter3.swift
//   swift test --filter Solutions3   the worked answers, in Sources/ExerciseSolutions/Chapter3.swift

/// A [2, 6] matrix whose element in row r, column c (from 1) is 10·r + c, so every number says
/// where it came from: 3 heads of d_k = 2 must be columns 1–2, 3–4 and 5–6.
private let labelled: Matrix = [[11, 12, 13, 14, 15, 16], [21, 22, 23, 24, 25, 26]]

/// Chapter 3's worked example: the two heads' outputs for "je suis étudiant" and W^O.
private enum JeSuisEtudiant {
  // Head 1: [a + 2b, 2a − c, −a + 2c + b, c − b], [d + 2g, 2d − f, −d + 2f + g, f − g],
  // [a + 2c, 2a − b, −a + 2b + c, b − c], from the softmax rows (a, c, b), (d, f, g), (a, b, c)
  // of the scaled scores [2 −2 1], [2 0 −1], [2 1 −2] (Chapter 3's tests derive each letter).
  static let z1: Matrix = [
    [1.2521750418184525, 1.429585481594148, -0.429585481594148, -0.2521750418184525],
    [0.9278148667494716, 1.5733942695780845, -0.5733942695780845, 0.07218513325052842],
    [0.7478249581815476, 1.1774104397756955, -0.17741043977569548, 0.2521750418184525],
  ]
  // Head 2: [−p + 2q + r, p + 2r, 2p − q, −q + r], [−p + 2r + q, p + 2q, 2p − r, −r + q],
  // [−s + 2t + u, s + 2u, 2s − t, −t + u] from the scaled scores [−1 1 2], [−1 2 1], [−1 0 3].
  static let z2: Matrix = [
    [1.1892584064237397, 1.4458880523558222, -0.18925840642373964, 0.44588805235582213],
    [1.6351464587795617, 0.5541119476441779, -0.6351464587795618, -0.44588805235582213],
    [1.0123169714869331, 1.8896269292985317, -0.012316971486933108, 0.8896269292985317],
  ]
  /// W^O [8, 4]: rows 1–4 read head 1, rows 5–8 head 2. Output columns (from 1):
  /// out₁ = z1₁ + z2₃, out₂ = z2₁ − z1₃, out₃ = z1₂ + z2₄, out₄ = z1₄ − z2₂.
  static let outputWeights: Matrix = [
    [1, 0, 0, 0], [0, 0, 1, 0], [0, -1, 0, 0], [0, 0, 0, 1],
    [0, 1, 0, 0], [0, 0, 0, -1], [1, 0, 0, 0], [0, 0, 1, 0],
  ]
  static let output: Matrix = [
    // [1.25218 − 0.18926, 1.18926 + 0.42959, 1.42959 + 0.44589, −0.25218 − 1.44589]
    [1.0629166353947128, 1.6188438880178877, 1.8754735339499702, -1.6980630941742747],
    // [0.92781 − 0.63515, 1.63515 + 0.57339, 1.57339 − 0.44589, 0.07219 − 0.55411]
    [0.2926684079699098, 2.2085407283576464, 1.1275062172222623, -0.4819268143936495],
    // [0.74782 − 0.01232, 1.01232 + 0.17741, 1.17741 + 0.88963, 0.25218 − 1.88963]
    [0.7355079866946145, 1.1897274112626286, 2.067037369074227, -1.6374518874800792],
  ]
}

/// Your answers to Chapter 3's exercises, each skipped until you write it.
@Suite struct Exercises3 {
  @Test(
    "Exercise 3.1: split a matrix into heads",
    .attempted(in: "Chapter3.swift") {
      try Exercises.splitIntoHeads(labelled, headCount: 3)
    })
  func split() throws { try checkSplitIntoHeads(Exercises.splitIntoHeads) }

  @Test(
    "Exercise 3.2: concatenate the heads and apply W^O",
    .attempted(in: "Chapter3.swift") {
      try Exercises.combineHeads(
        [JeSuisEtudiant.z1, JeSuisEtudiant.z2], outputWeights: JeSuisEtudiant.outputWeights)
    })
  func combine() throws { try checkCombineHeads(Exercises.combineHeads) }
}

/// The worked answers, through the same checks (CI runs these with every `swift test`).
@Suite struct Solutions3 {
  @Test func split() throws { try checkSplitIntoHeads(ExerciseSolutions.splitIntoHeads) }
  @Test func combine() throws { try checkCombineHeads(ExerciseSolutions.combineHeads) }
}

// The checks. Splitting and concatenating only move numbers, so they compare exactly; the product
// with W^O adds two numbers per element (tolerance 1e-12, far below the 4 decimals printed).

private func checkSplitIntoHeads(_ splitIntoHeads: (Matrix, Int) throws -> [Matrix]) throws {
  let heads = try splitIntoHeads(labelled, 3)
  try #require(heads.count == 3, "Exercise 3.1: 3 heads of d_k = 2 from 6 columns")
  // Every row keeps its word (tens digit); head h has columns 2h − 1 and 2h (units digit).
  expectMatrix(heads[0], equals: [[11, 12], [21, 22]], tolerance: 0, "Exercise 3.1: head 1 of 3")
  expectMatrix(heads[1], equals: [[13, 14], [23, 24]], tolerance: 0, "Exercise 3.1: head 2 of 3")
  expectMatrix(heads[2], equals: [[15, 16], [25, 26]], tolerance: 0, "Exercise 3.1: head 3 of 3")

  // Chapter 3's [Z₁ Z₂], [3, 8], splits back into Z₁ and Z₂.
  let concatenated = Matrix(
    (0..<3).map { JeSuisEtudiant.z1.row($0) + JeSuisEtudiant.z2.row($0) })
  let two = try splitIntoHeads(concatenated, 2)
  try #require(two.count == 2, "Exercise 3.1: 2 heads of d_k = 4 from 8 columns")
  expectMatrix(two[0], equals: JeSuisEtudiant.z1, tolerance: 0, "Exercise 3.1: [Z₁ Z₂] -> Z₁")
  expectMatrix(two[1], equals: JeSuisEtudiant.z2, tolerance: 0, "Exercise 3.1: [Z₁ Z₂] -> Z₂")
}

private func checkCombineHeads(
  _ combineHeads: ([Matrix], Matrix) throws -> (concatenated: Matrix, output: Matrix)
) throws {
  typealias J = JeSuisEtudiant
  let combined = try combineHeads([J.z1, J.z2], J.outputWeights)
  // Each word's row: its row of Z₁, then its row of Z₂.
  let concatenated = Matrix((0..<3).map { J.z1.row($0) + J.z2.row($0) })
  expectMatrix(
    combined.concatenated, equals: concatenated, tolerance: 0,
    "Exercise 3.2: concatenate the heads: [Z₁ Z₂]")
  expectMatrix(
    combined.output, equals: J.output, tolerance: 1e-12, "Exercise 3.2: multiply by W^O: Z")

  // Integers, to do on paper: heads [[1, 2]] and [[3, 4]] -> [[1, 2, 3, 4]]; × W^O [4, 2] with
  // rows [1, 0], [0, 1], [2, 0], [0, 3] -> [1 + 2·3, 2 + 3·4] = [7, 14]. (Heads swapped:
  // [3 + 2·1, 4 + 3·2] = [5, 10].)
  let small = try combineHeads([[[1, 2]], [[3, 4]]], [[1, 0], [0, 1], [2, 0], [0, 3]])
  expectMatrix(
    small.concatenated, equals: [[1, 2, 3, 4]], tolerance: 0,
    "Exercise 3.2: one word, two heads of d_v = 2: [Z₁ Z₂]")
  expectMatrix(
    small.output, equals: [[7, 14]], tolerance: 0,
    "Exercise 3.2: one word, two heads of d_v = 2: × W^O")
}
