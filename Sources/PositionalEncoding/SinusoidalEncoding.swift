import Foundation
import Matrix

/// The sinusoidal positional encoding PE: row `pos` is the vector added to the embedding of the
/// word at position `pos`, counting from 0. Nothing in it is learned.
///
///     positionalEncoding(positions: 2, modelDimension: 4)
///     // [[0, 1, 0, 1],                                    position 0: sin 0, cos 0, …
///     //  [sin 1, cos 1, sin 0.01, cos 0.01]]              position 1, ω = [1, 1/100]
///     positionalEncoding(positions: 2, modelDimension: 4, layout: .concatenated)
///     // [[0, 0, 1, 1],
///     //  [sin 1, sin 0.0001, cos 1, cos 0.0001]]          position 1, ω = [1, 1/10000]
///
/// Traps unless d_model is positive and even and `positions` is not negative.
/// Shape: positions, d_model -> [positions, d_model]
public func positionalEncoding(
  positions: Int, modelDimension: Int, layout: PositionalEncodingLayout = .interleaved
) -> Matrix {
  sinusoids(
    positions: positions, frequencies: layout.frequencies(modelDimension: modelDimension),
    layout: layout)
}

/// Sines and cosines of pos · ω for every position `pos` from 0 and every frequency ω, placed
/// as `layout` places them, whatever the frequencies: `positionalEncoding` with frequencies of
/// your choosing. Traps if `positions` is negative.
/// Shape: positions, [n] -> [positions, 2n]
public func sinusoids(
  positions: Int, frequencies: [Double], layout: PositionalEncodingLayout
) -> Matrix {
  checkPrecondition(
    positions >= 0, "positional encoding: the number of positions \(positions) is negative")
  let count = frequencies.count
  var result = Matrix(rows: positions, columns: 2 * count)  // [positions, d_model]
  for pos in 0..<positions {
    for (i, frequency) in frequencies.enumerated() {
      let angle = Double(pos) * frequency
      switch layout {
      case .interleaved:
        result[pos, 2 * i] = sin(angle)
        result[pos, 2 * i + 1] = cos(angle)
      case .concatenated:
        result[pos, i] = sin(angle)
        result[pos, count + i] = cos(angle)
      }
    }
  }
  return result
}
