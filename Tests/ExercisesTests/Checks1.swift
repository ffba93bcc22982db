import ExerciseSolutions
import Exercises
import Matrix
import TestSupport
import Testing

// Chapter 1's exercises, checked with the numbers of Chapter 1's worked example (derived by hand,
// the arithmetic beside each value). The checks are written once and run twice:
//   swift test --filter Exercises1   your answers, in Sources/Exercises/Chapter1.swift
//   swift test --filter Solutions1   the worked answers, in Sources/ExerciseSolutions/Chapter1.swift

/// Chapter 1's toy table: 6 words × d_model = 4, small integers (row i is word i).
private let table: Matrix = [
  [0, 0, 0, 0],  // 0 <unk>
  [1, -1, 0, 2],  // 1 je
  [0, 2, 1, -1],  // 2 suis
  [2, 1, -1, 0],  // 3 étudiant
  [-1, 0, 2, 1],  // 4 merci
  [0, 0, 0, 1],  // 5 <eos>
]
/// "je suis étudiant" as indices into the table.
private let sentence = [1, 2, 3]
/// X for "je suis étudiant": rows 1, 2 and 3 of the table.
private let x: Matrix = [[1, -1, 0, 2], [0, 2, 1, -1], [2, 1, -1, 0]]

/// Your answers to Chapter 1's exercises, each skipped until you write it.
@Suite struct Exercises1 {
  @Test(
    "Exercise 1.1: one-hot rows",
    .attempted(in: "Chapter1.swift") {
      try Exercises.oneHotRows(sentence, vocabularySize: 6)
    })
  func oneHot() throws { try checkOneHotRows(Exercises.oneHotRows) }

  @Test(
    "Exercise 1.2: a sentence's rows of the table",
    .attempted(in: "Chapter1.swift") {
      try Exercises.lookUpRows(sentence, in: table)
    })
  func lookUp() throws { try checkLookUpRows(Exercises.lookUpRows) }

  @Test(
    "Exercise 1.3: the matrix product with three loops",
    .attempted(in: "Chapter1.swift") {
      try Exercises.matrixProduct(x, x.transposed())
    })
  func product() throws { try checkMatrixProduct(Exercises.matrixProduct) }
}

/// The worked answers, through the same checks (CI runs these with every `swift test`).
@Suite struct Solutions1 {
  @Test func oneHot() throws { try checkOneHotRows(ExerciseSolutions.oneHotRows) }
  @Test func lookUp() throws { try checkLookUpRows(ExerciseSolutions.lookUpRows) }
  @Test func product() throws { try checkMatrixProduct(ExerciseSolutions.matrixProduct) }
}

// The checks. Every value is a small integer, so they compare exactly (tolerance 0).

private func checkOneHotRows(_ oneHotRows: ([Int], Int) throws -> Matrix) throws {
  // One row per word, one column per word of the vocabulary; a single 1 at the word's index.
  expectMatrix(
    try oneHotRows(sentence, 6),
    equals: [
      [0, 1, 0, 0, 0, 0],  // je = 1
      [0, 0, 1, 0, 0, 0],  // suis = 2
      [0, 0, 0, 1, 0, 0],  // étudiant = 3
    ], tolerance: 0, "Exercise 1.1: one-hot rows of \"je suis étudiant\" ([1, 2, 3])")
  expectMatrix(
    try oneHotRows([4, 0], 6), equals: [[0, 0, 0, 0, 1, 0], [1, 0, 0, 0, 0, 0]], tolerance: 0,
    "Exercise 1.1: one-hot rows of \"merci <unk>\" ([4, 0])")
}

private func checkLookUpRows(_ lookUpRows: ([Int], Matrix) throws -> Matrix) throws {
  expectMatrix(
    try lookUpRows(sentence, table), equals: x, tolerance: 0,
    "Exercise 1.2: X for \"je suis étudiant\": rows 1, 2 and 3 of the table")
  // The words' order is the rows' order: merci (4) first, then je (1).
  expectMatrix(
    try lookUpRows([4, 1], table), equals: [[-1, 0, 2, 1], [1, -1, 0, 2]], tolerance: 0,
    "Exercise 1.2: X for \"merci je\": rows 4 and 1 of the table")
}

private func checkMatrixProduct(_ matrixProduct: (Matrix, Matrix) throws -> Matrix) throws {
  // [2, 3] × [3, 2]: element (i, j) = row i of a · column j of b.
  //   row 1: [1 2 0]·[1 2 0] = 1 + 4 + 0 = 5,  [1 2 0]·[0 1 4] = 0 + 2 + 0 = 2
  //   row 2: [0 1 3]·[1 2 0] = 0 + 2 + 0 = 2,  [0 1 3]·[0 1 4] = 0 + 1 + 12 = 13
  expectMatrix(
    try matrixProduct([[1, 2, 0], [0, 1, 3]], [[1, 0], [2, 1], [0, 4]]),
    equals: [[5, 2], [2, 13]], tolerance: 0, "Exercise 1.3: [2, 3] × [3, 2]")
  // [1, 3] × [3, 1] is a single dot product: 1·4 + 2·5 + 3·6 = 32; [3, 1] × [1, 3] a table.
  expectMatrix(
    try matrixProduct([[1, 2, 3]], [[4], [5], [6]]), equals: [[32]], tolerance: 0,
    "Exercise 1.3: a row times a column")
  expectMatrix(
    try matrixProduct([[1], [2], [3]], [[4, 5, 6]]),
    equals: [[4, 5, 6], [8, 10, 12], [12, 15, 18]], tolerance: 0,
    "Exercise 1.3: a column times a row")
  // The one-hot rows of "je suis étudiant" times the table pick rows 1, 2 and 3: X again.
  let oneHot: Matrix = [[0, 1, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0], [0, 0, 0, 1, 0, 0]]
  expectMatrix(
    try matrixProduct(oneHot, table), equals: x, tolerance: 0,
    "Exercise 1.3: one-hot rows · table = X")
}
