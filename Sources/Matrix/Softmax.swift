import Foundation

/// Softmax of a vector: exp(xᵢ − max) / Σⱼ exp(xⱼ − max). All positive, summing to 1.
///
/// Subtracting the maximum first changes nothing mathematically (the factor exp(−max) cancels)
/// but keeps exp from overflowing: scores of 1000 would otherwise give inf / inf = NaN.
/// A vector whose entries are all −∞ (every position masked) gives all zeros: nothing to attend
/// to, rather than 0 / 0 = NaN. An empty vector gives an empty vector.
public func softmax(_ x: [Double]) -> [Double] {
  guard let maximum = x.max(), maximum > -Double.infinity else {
    return Array(repeating: 0, count: x.count)
  }
  let exponentials = x.map { exp($0 - maximum) }
  let total = exponentials.reduce(0, +)
  return exponentials.map { $0 / total }
}

/// Row-wise softmax: each row becomes a probability distribution. Shape: [r, c] -> [r, c]
public func softmax(_ x: Matrix) -> Matrix {
  Matrix(rows: x.rows, columns: x.columns, elements: x.rowArrays.flatMap(softmax))
}
