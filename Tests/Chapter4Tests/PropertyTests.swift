import Foundation
import Matrix
import PositionalEncoding
import TestSupport
import Testing

/// What the sinusoids are for: bounded values, relative positions as a rotation, any length.
@Suite("Properties of the sinusoidal encoding")
struct PropertyTests {
  @Test(arguments: PositionalEncodingLayout.allCases)
  func everyValueLiesBetweenMinusOneAndOne(layout: PositionalEncodingLayout) {
    let encoding = positionalEncoding(positions: 2048, modelDimension: 512, layout: layout)
    let outside = encoding.elements.filter { !(-1...1).contains($0) }
    #expect(outside.isEmpty, "\(layout): \(outside.count) values outside [−1, 1]")
    // Both ends are reached: position 0 holds sin 0 = 0 and cos 0 = 1.
    #expect(encoding.elements.min()! < -0.99 && encoding.elements.max()! == 1)
  }

  /// For each frequency ω, the pair [sin((pos + k)ω), cos((pos + k)ω)] is the pair at pos times
  /// R(kω) = [[cos kω, −sin kω], [sin kω, cos kω]] (row vector on the left), by the angle-sum
  /// formulas. R depends on the offset k and not on pos: moving k words along is the same
  /// linear map wherever you start.
  @Test(arguments: PositionalEncodingLayout.allCases)
  func anOffsetIsARotationThatDependsOnlyOnTheOffset(layout: PositionalEncodingLayout) {
    let modelDimension = 16
    let frequencies = layout.frequencies(modelDimension: modelDimension)
    let encoding = positionalEncoding(
      positions: 120, modelDimension: modelDimension, layout: layout)
    // Columns of the (sine, cosine) pair of frequency i in each layout.
    func pairColumns(_ i: Int) -> (sine: Int, cosine: Int) {
      layout == .interleaved ? (2 * i, 2 * i + 1) : (i, modelDimension / 2 + i)
    }
    // For each offset k: every pair at every position pos, rotated by R(kω_i), against the
    // encoding at pos + k. One comparison per k, so a wrong pair shows once, not per position.
    for k in [1, 5, 40] {
      var rotated = Matrix(rows: 120 - k, columns: modelDimension)
      for (i, frequency) in frequencies.enumerated() {
        let angle = Double(k) * frequency
        let rotation: Matrix = [[cos(angle), -sin(angle)], [sin(angle), cos(angle)]]
        let (sine, cosine) = pairColumns(i)
        for pos in 0..<(120 - k) {
          let pair = Matrix(row: [encoding[pos, sine], encoding[pos, cosine]])
          let turned = matmul(pair, rotation)  // [1, 2]
          rotated[pos, sine] = turned[0, 0]
          rotated[pos, cosine] = turned[0, 1]
        }
      }
      expectMatrix(
        rotated, equals: encoding.rows(k..<120), tolerance: 1e-12,
        "\(layout): each pair at position pos, rotated by R(\(k)ω), is the pair at pos + \(k)")
    }
  }

  @Test(arguments: PositionalEncodingLayout.allCases)
  func positionsFarBeyondAnySentenceAreDefined(layout: PositionalEncodingLayout) {
    let encoding = positionalEncoding(positions: 10001, modelDimension: 64, layout: layout)
    let last = encoding.row(10000)
    #expect(last.allSatisfy { $0.isFinite && abs($0) <= 1 })
    // Far positions still differ from each other: row 10000 is not row 9999.
    #expect(last != encoding.row(9999))
  }
}
