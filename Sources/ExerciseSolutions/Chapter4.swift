import Foundation
import Matrix

// Worked answers to Chapter 4's exercises (Chapters/04-positional-encoding.md). Each has the
// signature of its stub in Sources/Exercises/Chapter4.swift, so it can be pasted over it. The
// same checks run against these answers in CI: `swift test --filter Solutions4`.

/// Exercise 4.1: the paper's frequencies.
///
/// The exponent is 2i / d_model, a fraction: compute it in `Double`, since in integers 2i /
/// d_model is 0 for every i and every frequency would come out 1. Frequency 0 is always 1 (one
/// radian per position); the last is just above 1/10000.
/// Shape: d_model -> [d_model / 2]
public func encodingFrequencies(modelDimension: Int) throws -> [Double] {
  var frequencies: [Double] = []
  for i in 0..<modelDimension / 2 {
    let exponent = Double(2 * i) / Double(modelDimension)
    frequencies.append(1 / pow(10000, exponent))
  }
  return frequencies
}

/// Exercise 4.2: the paper's interleaved encoding table.
///
/// Each pair of columns 2i, 2i + 1 is one frequency: the sine in the even column, the cosine in
/// the odd one. Position 0 is therefore [0, 1, 0, 1, …] (sin 0, cos 0), which makes a quick
/// check. tensor2tensor puts all the sines first and all the cosines after; Chapter 4 shows both.
/// Shape: positions, d_model -> [positions, d_model]
public func sinusoidalEncoding(positions: Int, modelDimension: Int) throws -> Matrix {
  let frequencies = try encodingFrequencies(modelDimension: modelDimension)
  var table = Matrix(rows: positions, columns: modelDimension)
  for pos in 0..<positions {
    for i in 0..<frequencies.count {
      let angle = Double(pos) * frequencies[i]
      table[pos, 2 * i] = sin(angle)
      table[pos, 2 * i + 1] = cos(angle)
    }
  }
  return table
}

/// Exercise 4.3: X + PE.
///
/// An element-wise sum, row by row: the word at position pos gets row pos of the table. A table
/// made once for the longest sentence serves every shorter one, so only its first rows are used.
/// Shape: [words, d_model] and [positions ≥ words, d_model] -> [words, d_model]
public func addPositions(to x: Matrix, encoding: Matrix) throws -> Matrix {
  var result = Matrix(rows: x.rows, columns: x.columns)
  for pos in 0..<x.rows {
    for j in 0..<x.columns {
      result[pos, j] = x[pos, j] + encoding[pos, j]
    }
  }
  return result
}
