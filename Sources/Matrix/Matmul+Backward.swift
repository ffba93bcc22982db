// The backward pass of the matrix product, next to its forward pass in Matmul.swift.
// (Chapter 8; tests in Tests/Chapter8Tests.)

/// The gradients of a scalar loss L with respect to both factors of C = A·B, given ∂L/∂C:
///
///     forward:  c = matmul(a, b)            Cᵢⱼ = Σₚ Aᵢₚ · Bₚⱼ
///     dA = dC · Bᵀ                          ∂L/∂Aᵢₚ = Σⱼ dCᵢⱼ · Bₚⱼ
///     dB = Aᵀ · dC                          ∂L/∂Bₚⱼ = Σᵢ Aᵢₚ · dCᵢⱼ
///
/// Each element of A meets the row of B it multiplies in every entry of its row of C, so its
/// gradient sums those entries' gradients weighted by B (and the same for B, by columns of A).
/// Traps unless dC has the shape of A·B.
/// Shape: a [m, k], b [k, n], dC [m, n] -> dA [m, k], dB [k, n]
public func matmulBackward(_ a: Matrix, _ b: Matrix, outputGradient: Matrix) -> (
  a: Matrix, b: Matrix
) {
  checkPrecondition(
    a.columns == b.rows && outputGradient.shape == Shape(rows: a.rows, columns: b.columns),
    "matmulBackward: \(a.shape) × \(b.shape) needs an output gradient "
      + "[\(a.rows), \(b.columns)], got \(outputGradient.shape)")
  // matmul(_:transposed:) is matmul(outputGradient, b.transposed()) without copying Bᵀ first
  let da = matmul(outputGradient, transposed: b)  // dC · Bᵀ, [m, k]
  let db = matmul(transposed: a, outputGradient)  // Aᵀ · dC, [k, n]
  return (da, db)
}

extension Matrix {
  /// The sum of each column: the gradient of a bias that was added to every row.
  /// Shape: [rows, columns] -> [columns]
  public func columnSums() -> [Double] {
    var sums = Array(repeating: 0.0, count: columns)
    for i in 0..<rows {
      for j in 0..<columns { sums[j] += elements[i * columns + j] }
    }
    return sums
  }
}
