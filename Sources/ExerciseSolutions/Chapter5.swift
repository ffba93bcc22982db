import Foundation
import Matrix

// Worked answers to Chapter 5's exercises (Chapters/05-encoder.md). Each has the signature of its
// stub in Sources/Exercises/Chapter5.swift, so it can be pasted over it. The same checks run
// against these answers in CI: `swift test --filter Solutions5`.

/// Exercise 5.1: layer normalization of each row.
///
/// Each word is normalized on its own, across its d_model features: the mean and variance are
/// of one row, never of a column. The variance divides by d_model (the biased variance, as the
/// chapter chose); dividing by d_model − 1, as `torch.std` does by default, turns [1 3] into
/// [−0.7071 0.7071] instead of [−1 1]. ε goes inside the square root, so a constant row
/// (σ² = 0) gives 0 / √ε = 0 rather than 0 / 0. Then each feature is scaled by its γ and
/// shifted by its β.
/// Shape: [words, d_model], [d_model], [d_model] -> [words, d_model]
public func layerNormalizeRows(
  _ x: Matrix, gain: [Double], bias: [Double], epsilon: Double
) throws -> Matrix {
  let width = Double(x.columns)  // d_model
  var result = Matrix(rows: x.rows, columns: x.columns)
  for i in 0..<x.rows {
    // Step 1: the mean μ of row i
    var mean = 0.0
    for j in 0..<x.columns {
      mean += x[i, j]
    }
    mean /= width
    // Step 2: the variance σ², dividing by d_model
    var variance = 0.0
    for j in 0..<x.columns {
      variance += (x[i, j] - mean) * (x[i, j] - mean)
    }
    variance /= width
    // Steps 3 and 4: (x − μ) / √(σ² + ε), then γ · that + β
    let root = sqrt(variance + epsilon)
    for j in 0..<x.columns {
      result[i, j] = gain[j] * (x[i, j] - mean) / root + bias[j]
    }
  }
  return result
}

/// Exercise 5.2: the position-wise feed-forward network.
///
/// Two products with a ReLU between them. The biases are added to every row: each word goes
/// through the same network on its own, which is what "position-wise" means. The hidden layer
/// is wider (d_ff, 2048 in the paper, 8 here), and the ReLU zeroes its negative entries only,
/// after b₁ is added.
/// Shape: [words, d_model], [d_model, d_ff], [d_ff], [d_ff, d_model], [d_model]
///   -> [words, d_ff], [words, d_ff], [words, d_model]
public func feedForwardNetwork(
  _ x: Matrix, firstWeights: Matrix, firstBias: [Double], secondWeights: Matrix,
  secondBias: [Double]
) throws -> (hidden: Matrix, activated: Matrix, output: Matrix) {
  let (words, inner, outer) = (x.rows, firstWeights.columns, secondWeights.columns)
  // Step 1: x·W₁ + b₁
  var hidden = Matrix(rows: words, columns: inner)
  for i in 0..<words {
    for j in 0..<inner {
      var sum = firstBias[j]
      for k in 0..<x.columns {
        sum += x[i, k] * firstWeights[k, j]
      }
      hidden[i, j] = sum
    }
  }
  // Step 2: ReLU, max(0, ·)
  var activated = Matrix(rows: words, columns: inner)
  for i in 0..<words {
    for j in 0..<inner {
      activated[i, j] = max(0, hidden[i, j])
    }
  }
  // Step 3: ReLU(…)·W₂ + b₂
  var output = Matrix(rows: words, columns: outer)
  for i in 0..<words {
    for j in 0..<outer {
      var sum = secondBias[j]
      for k in 0..<inner {
        sum += activated[i, k] * secondWeights[k, j]
      }
      output[i, j] = sum
    }
  }
  return (hidden, activated, output)
}
