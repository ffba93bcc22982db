import Matrix
import PositionalEncoding
import TestSupport
import Testing

/// d_model 4 at positions 0, 1, 2 in both layouts, against values derived by hand.
/// sin and cos of 1, 2, 0.01, 0.02, 0.0001, 0.0002 are Python's math.sin and math.cos.
@Suite("Sinusoidal positional encoding at d_model 4")
struct EncodingTablesTests {
  @Test func frequenciesOfThePaperAndOfTensor2tensor() {
    // Paper: ω_i = 1 / 10000^(2i/4): i = 0 -> 10000^0 = 1; i = 1 -> 1 / 10000^(1/2) = 1/100.
    expectVector(
      PositionalEncodingLayout.interleaved.frequencies(modelDimension: 4), equals: [1, 0.01],
      tolerance: 1e-15, "Paper frequencies at d_model 4")
    // tensor2tensor: 2 timescales, increment = ln(10000) / max(2 − 1, 1) = ln(10000);
    // ω_0 = e^0 = 1, ω_1 = e^(−ln 10000) = 1/10000 (to within one rounding).
    expectVector(
      PositionalEncodingLayout.concatenated.frequencies(modelDimension: 4), equals: [1, 0.0001],
      tolerance: 1e-15, "tensor2tensor frequencies at d_model 4")
    // At d_model 512 the paper's slowest is 10000^(−510/512), tensor2tensor's exactly 1/10000:
    // tensor2tensor divides the exponent by 256 − 1 = 255, the paper by 256.
    let paper = PositionalEncodingLayout.interleaved.frequencies(modelDimension: 512)
    let t2t = PositionalEncodingLayout.concatenated.frequencies(modelDimension: 512)
    #expect(paper.count == 256 && t2t.count == 256)
    expectVector(
      [paper[255], t2t[255]],
      equals: [1.0366329284376981e-4, 1e-4],  // 10000^(−510/512) = 1e-4 · e^(ln(10000) / 256)
      tolerance: 1e-17, "Slowest frequency at d_model 512")
  }

  @Test func paperLayoutInterleavesSinesAndCosines() {
    // Row pos = [sin(pos · 1), cos(pos · 1), sin(pos / 100), cos(pos / 100)]
    let expected: Matrix = [
      [0, 1, 0, 1],  // position 0: sin 0 = 0, cos 0 = 1, exactly
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
    let encoding = positionalEncoding(positions: 3, modelDimension: 4, layout: .interleaved)
    expectMatrix(
      encoding, equals: expected, tolerance: 1e-15, "Paper layout (interleaved), positions 0-2")
    expectMatrix(
      encoding.rows(0..<1), equals: [[0, 1, 0, 1]], tolerance: 0,
      "Paper layout, position 0 is exact")
  }

  @Test func theBookUsesThePaperLayoutUnlessToldOtherwise() {
    expectMatrix(
      positionalEncoding(positions: 3, modelDimension: 4),
      equals: positionalEncoding(positions: 3, modelDimension: 4, layout: .interleaved),
      tolerance: 0, "Default layout is the paper's")
  }

  @Test func tensor2tensorLayoutIsThePostsToyExample() {
    // Row pos = [sin(pos · 1), sin(pos / 10000), cos(pos · 1), cos(pos / 10000)]. The post
    // rounds these to [0, 0, 1, 1], [0.84, 0.0001, 0.54, 1], [0.91, 0.0002, −0.42, 1].
    let expected: Matrix = [
      [0, 0, 1, 1],  // position 0: sin 0, sin 0, cos 0, cos 0
      [
        0.8414709848078965,  // sin(1)
        9.999999983333334e-05,  // sin(0.0001)
        0.5403023058681398,  // cos(1)
        0.999999995,  // cos(0.0001)
      ],
      [
        0.9092974268256817,  // sin(2)
        0.0001999999986666667,  // sin(0.0002)
        -0.4161468365471424,  // cos(2)
        0.9999999800000001,  // cos(0.0002)
      ],
    ]
    let encoding = positionalEncoding(positions: 3, modelDimension: 4, layout: .concatenated)
    expectMatrix(
      encoding, equals: expected, tolerance: 1e-15,
      "tensor2tensor layout (concatenated), positions 0-2")
    // The post's own two-decimal figures.
    let post: Matrix = [[0, 0, 1, 1], [0.84, 0.0001, 0.54, 1], [0.91, 0.0002, -0.42, 1]]
    expectMatrix(encoding, equals: post, tolerance: 0.005, "The post's toy example, rounded")
  }

  @Test func interleavedIsAPermutationOfConcatenatedWithTheSameFrequencies() {
    // With the paper's frequencies in both, column 2i of the interleaved layout is column i
    // of the concatenated one (a sine) and column 2i + 1 is column d_model/2 + i (its cosine).
    let frequencies = PositionalEncodingLayout.interleaved.frequencies(modelDimension: 8)
    let split = sinusoids(positions: 6, frequencies: frequencies, layout: .concatenated)
    var permuted = Matrix(rows: 6, columns: 8)
    for pos in 0..<6 {
      for i in 0..<4 {
        permuted[pos, 2 * i] = split[pos, i]
        permuted[pos, 2 * i + 1] = split[pos, 4 + i]
      }
    }
    expectMatrix(
      positionalEncoding(positions: 6, modelDimension: 8, layout: .interleaved),
      equals: permuted, tolerance: 0, "Interleaved = concatenated with columns permuted")
    // The two sources' encodings differ by more than the permutation: their frequencies.
    let t2tFrequencies = PositionalEncodingLayout.concatenated.frequencies(modelDimension: 8)
    expectMatrix(
      positionalEncoding(positions: 6, modelDimension: 8, layout: .concatenated),
      equals: sinusoids(positions: 6, frequencies: t2tFrequencies, layout: .concatenated),
      tolerance: 0, "tensor2tensor = its frequencies, concatenated")
    #expect(frequencies != t2tFrequencies)
  }

  @Test func zeroPositionsIsAnEmptyMatrix() {
    #expect(positionalEncoding(positions: 0, modelDimension: 4).shape == Shape(rows: 0, columns: 4))
  }
}
