import ExerciseSolutions
import Exercises
import Matrix
import TestSupport
import Testing

// Chapter 4's exercises, checked with the numbers of Chapter 4's tests (sin and cos of 1, 2, 0.01
// and 0.02, and the powers of 10000, from Python's math module). The checks are written once and
// run twice:
//   swift test --filter Exercises4   your answers, in Sources/Exercises/Chapter4.swift
//   swift test --filter Solutions4   the worked answers, in Sources/ExerciseSolutions/Chapter4.swift
//
// Tolerance 1e-12: 1 / 10000^x, 10000^(−x) and e^(−x·ln 10000) are all correct and differ in the
// last digit; swapping sin and cos is off by more than 1.

/// The paper's encoding at d_model 4, positions 0, 1, 2: row pos is
/// [sin(pos · 1), cos(pos · 1), sin(pos / 100), cos(pos / 100)].
private let encoding: Matrix = [
  [0, 1, 0, 1],  // position 0: sin 0 = 0, cos 0 = 1
  [
    0.8414709848078965,  // sin(1)
    0.5403023058681398,  // cos(1)
    0.009999833334166664,  // sin(0.01)
    0.9999500004166653,  // cos(0.01)
  ],
  [
    0.9092974268256817,  // sin(2)
    -0.4161468365471424,  // cos(2)
    0.01999866669333308,  // sin(0.02)
    0.9998000066665778,  // cos(0.02)
  ],
]
/// X for "je suis étudiant": rows 1, 2 and 3 of Chapter 1's table.
private let x: Matrix = [[1, -1, 0, 2], [0, 2, 1, -1], [2, 1, -1, 0]]

/// Your answers to Chapter 4's exercises, each skipped until you write it.
@Suite struct Exercises4 {
  @Test(
    "Exercise 4.1: the frequencies",
    .attempted(in: "Chapter4.swift") {
      try Exercises.encodingFrequencies(modelDimension: 4)
    })
  func frequencies() throws { try checkEncodingFrequencies(Exercises.encodingFrequencies) }

  @Test(
    "Exercise 4.2: the interleaved encoding table",
    .attempted(in: "Chapter4.swift") {
      try Exercises.sinusoidalEncoding(positions: 3, modelDimension: 4)
    })
  func table() throws { try checkSinusoidalEncoding(Exercises.sinusoidalEncoding) }

  @Test(
    "Exercise 4.3: X + PE",
    .attempted(in: "Chapter4.swift") {
      try Exercises.addPositions(to: x, encoding: encoding)
    })
  func adding() throws { try checkAddPositions(Exercises.addPositions) }
}

/// The worked answers, through the same checks (CI runs these with every `swift test`).
@Suite struct Solutions4 {
  @Test func frequencies() throws {
    try checkEncodingFrequencies(ExerciseSolutions.encodingFrequencies)
  }
  @Test func table() throws { try checkSinusoidalEncoding(ExerciseSolutions.sinusoidalEncoding) }
  @Test func adding() throws { try checkAddPositions(ExerciseSolutions.addPositions) }
}

// The checks.

private func checkEncodingFrequencies(_ encodingFrequencies: (Int) throws -> [Double]) throws {
  // d_model 4: i = 0 -> 1 / 10000^0 = 1;  i = 1 -> 1 / 10000^(2/4) = 1 / 100.
  expectVector(
    try encodingFrequencies(4), equals: [1, 0.01], tolerance: 1e-12,
    "Exercise 4.1: frequencies at d_model 4")
  // d_model 6: 1, 10000^(−2/6), 10000^(−4/6) (Python: 10000 ** (-2/6), 10000 ** (-4/6)).
  expectVector(
    try encodingFrequencies(6), equals: [1, 0.046415888336127795, 0.0021544346900318843],
    tolerance: 1e-12, "Exercise 4.1: frequencies at d_model 6")
  // d_model 512: 256 frequencies, the last 10000^(−510/512) (Python: 10000 ** (-510/512)).
  let paper = try encodingFrequencies(512)
  try #require(paper.count == 256, "Exercise 4.1: d_model 512 has 256 frequencies")
  expectVector(
    [paper[0], paper[255]], equals: [1, 0.0001036632928437698], tolerance: 1e-12,
    "Exercise 4.1: first and last frequency at d_model 512")
}

private func checkSinusoidalEncoding(_ sinusoidalEncoding: (Int, Int) throws -> Matrix) throws {
  expectMatrix(
    try sinusoidalEncoding(3, 4), equals: encoding, tolerance: 1e-12,
    "Exercise 4.2: the paper's encoding at d_model 4, positions 0-2")
  // A table of 1 position is position 0 alone: sin 0 = 0, cos 0 = 1 in every pair.
  expectMatrix(
    try sinusoidalEncoding(1, 6), equals: [[0, 1, 0, 1, 0, 1]], tolerance: 0,
    "Exercise 4.2: position 0 at d_model 6")
}

private func checkAddPositions(_ addPositions: (Matrix, Matrix) throws -> Matrix) throws {
  let expected: Matrix = [
    [1, 0, 0, 3],  // je, position 0: [1, −1, 0, 2] + [0, 1, 0, 1]
    [
      0.8414709848078965,  // suis, position 1: 0 + sin(1)
      2.5403023058681398,  // 2 + cos(1)
      1.0099998333341667,  // 1 + sin(0.01)
      -4.999958333473664e-05,  // −1 + cos(0.01) = −1 + 0.9999500004166653
    ],
    [
      2.909297426825682,  // étudiant, position 2: 2 + sin(2)
      0.5838531634528576,  // 1 + cos(2) = 1 − 0.4161468365471424
      -0.9800013333066669,  // −1 + sin(0.02)
      0.9998000066665778,  // 0 + cos(0.02)
    ],
  ]
  expectMatrix(
    try addPositions(x, encoding), equals: expected, tolerance: 1e-12,
    "Exercise 4.3: X + PE for \"je suis étudiant\"")
  // A table made for 4 positions, added to 2 words: only its rows for positions 0 and 1.
  let longer: Matrix = [[10, 20, 30, 40], [50, 60, 70, 80], [1, 1, 1, 1], [2, 2, 2, 2]]
  expectMatrix(
    try addPositions([[1, -1, 0, 2], [0, 2, 1, -1]], longer),
    equals: [[11, 19, 30, 42], [50, 62, 71, 79]],  // [1 −1 0 2] + [10 20 30 40], …
    tolerance: 0, "Exercise 4.3: a 4-position table added to 2 words")
}
