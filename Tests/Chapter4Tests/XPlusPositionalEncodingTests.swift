import Matrix
import PositionalEncoding
import TestSupport
import Testing

/// X + PE for "je suis étudiant" with Chapter 1's hand-written d_model 4 table.
@Suite("Adding the encoding to the embeddings")
struct XPlusPositionalEncodingTests {
  // Rows 1, 2, 3 of Chapter 1's table: je, suis, étudiant.
  let x: Matrix = [[1, -1, 0, 2], [0, 2, 1, -1], [2, 1, -1, 0]]

  @Test func paperLayout() {
    let encoding = positionalEncoding(positions: 3, modelDimension: 4, layout: .interleaved)
    let expected: Matrix = [
      [1, 0, 0, 3],  // je, position 0: [1, −1, 0, 2] + [0, 1, 0, 1]
      [
        0.8414709848078965,  // suis, position 1: 0 + sin(1)
        2.5403023058681398,  // 2 + cos(1) = 2 + 0.5403023058681398
        1.0099998333341667,  // 1 + sin(0.01) = 1 + 0.009999833334166664
        -4.999958333473664e-05,  // −1 + cos(0.01) = −1 + 0.9999500004166653
      ],
      [
        2.909297426825682,  // étudiant, position 2: 2 + sin(2) = 2 + 0.9092974268256817
        0.5838531634528576,  // 1 + cos(2) = 1 − 0.4161468365471424
        -0.9800013333066669,  // −1 + sin(0.02) = −1 + 0.01999866669333308
        0.9998000066665778,  // 0 + cos(0.02)
      ],
    ]
    expectMatrix(
      addingPositions(to: x, encoding: encoding), equals: expected, tolerance: 1e-15,
      "X + PE, paper layout")
  }

  @Test func tensor2tensorLayout() {
    let encoding = positionalEncoding(positions: 3, modelDimension: 4, layout: .concatenated)
    let expected: Matrix = [
      [1, -1, 1, 3],  // je, position 0: [1, −1, 0, 2] + [0, 0, 1, 1]
      [
        0.8414709848078965,  // suis, position 1: 0 + sin(1)
        2.0000999999998332,  // 2 + sin(0.0001) = 2 + 0.00009999999983333334
        1.5403023058681398,  // 1 + cos(1) = 1 + 0.5403023058681398
        -5e-09,  // −1 + cos(0.0001) = −1 + 0.999999995
      ],
      [
        2.909297426825682,  // étudiant, position 2: 2 + sin(2) = 2 + 0.9092974268256817
        1.0001999999986667,  // 1 + sin(0.0002) = 1 + 0.0001999999986666667
        -1.4161468365471424,  // −1 + cos(2) = −1 − 0.4161468365471424
        0.9999999800000001,  // 0 + cos(0.0002)
      ],
    ]
    expectMatrix(
      addingPositions(to: x, encoding: encoding), equals: expected, tolerance: 1e-15,
      "X + PE, tensor2tensor layout")
  }

  @Test func aLongerEncodingIsCutToTheSentence() {
    // A table for 10 positions added to 3 words uses its rows 0, 1, 2 only.
    let table = positionalEncoding(positions: 10, modelDimension: 4)
    expectMatrix(
      addingPositions(to: x, encoding: table),
      equals: x + positionalEncoding(positions: 3, modelDimension: 4), tolerance: 0,
      "X + PE from a 10-position table")
  }
}
