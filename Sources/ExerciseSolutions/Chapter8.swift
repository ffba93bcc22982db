import Foundation
import Matrix

// Worked answers to Chapter 8's exercises (Chapters/08-training.md). Each has the signature of its
// stub in Sources/Exercises/Chapter8.swift, so it can be pasted over it. The same checks run
// against these answers in CI: `swift test --filter Solutions8`.

/// Exercise 8.1: softmax backward for one row.
///
/// Every output yⱼ depends on every input, with ∂yⱼ/∂xᵢ = yⱼ · (δᵢⱼ − yᵢ). Summing dyⱼ times
/// that over j gives yᵢ · dyᵢ − yᵢ · Σⱼ yⱼ · dyⱼ: one dot product per row, then one product per
/// element. The result always sums to 0, since adding a constant to every input changes nothing.
/// Shape: [n] and [n] -> [n]
public func softmaxBackwardRow(output: [Double], outputGradient: [Double]) throws -> [Double] {
  var dot = 0.0  // Σⱼ yⱼ · dyⱼ
  for j in 0..<output.count {
    dot += output[j] * outputGradient[j]
  }
  var inputGradient: [Double] = []
  for i in 0..<output.count {
    inputGradient.append(output[i] * (outputGradient[i] - dot))
  }
  return inputGradient
}

/// Exercise 8.2: the gradients of a matrix product.
///
/// C[i, j] = Σₖ A[i, k] · B[k, j], so A[i, k] reaches every C[i, j] of row i, through B[k, j]:
/// dA[i, k] = Σⱼ dC[i, j] · B[k, j], which is dC · B^T. Likewise dB[k, j] = Σᵢ A[i, k] · dC[i, j],
/// which is A^T · dC. Each gradient has the shape of its matrix, a quick check on the order.
/// Shape: [n, m], [m, p] and [n, p] -> [n, m], [m, p]
public func matmulGradients(
  _ a: Matrix, _ b: Matrix, outputGradient: Matrix
) throws -> (a: Matrix, b: Matrix) {
  let dC = outputGradient
  var dA = Matrix(rows: a.rows, columns: a.columns)
  for i in 0..<a.rows {
    for k in 0..<a.columns {
      for j in 0..<b.columns {
        dA[i, k] += dC[i, j] * b[k, j]
      }
    }
  }
  var dB = Matrix(rows: b.rows, columns: b.columns)
  for k in 0..<b.rows {
    for j in 0..<b.columns {
      for i in 0..<a.rows {
        dB[k, j] += a[i, k] * dC[i, j]
      }
    }
  }
  return (dA, dB)
}

/// Exercise 8.3: one Adam step.
///
/// m and v are running averages of the gradient and of its square, and both start at 0, so
/// early on they are too small: after one step m = 0.1 · g. Dividing by 1 − β₁ᵗ and 1 − β₂ᵗ
/// corrects that (at t = 1, m̂ = g and v̂ = g², so the first move is lr · g / |g|: about lr,
/// whatever the gradient's size). Without the correction the first move would be
/// lr · 0.1 · g / (√0.02 · |g|) ≈ 0.71 · lr.
/// Shape: numbers -> numbers
public func adamStep(
  parameter: Double, gradient: Double, firstMoment: Double, secondMoment: Double, step: Int,
  learningRate: Double
) throws -> (parameter: Double, firstMoment: Double, secondMoment: Double) {
  let (beta1, beta2, epsilon) = (0.9, 0.98, 1e-9)
  let m = beta1 * firstMoment + (1 - beta1) * gradient
  let v = beta2 * secondMoment + (1 - beta2) * gradient * gradient
  let mHat = m / (1 - pow(beta1, Double(step)))
  let vHat = v / (1 - pow(beta2, Double(step)))
  let updated = parameter - learningRate * mHat / (sqrt(vHat) + epsilon)
  return (updated, m, v)
}
