import Foundation

/// Softmax of a vector: exp(xᵢ − max) / Σⱼ exp(xⱼ − max). All positive, summing to 1.
/// Shape: [n] -> [n]
///
/// Subtracting the maximum first changes nothing mathematically (the factor exp(−max) cancels)
/// but keeps exp from overflowing: scores of 1000 would otherwise give inf / inf = NaN.
/// The edge cases, each a choice a learner can test:
/// - every entry −∞ (every position masked): all zeros, nothing to attend to, not 0 / 0 = NaN;
/// - some entries +∞: they share the weight equally, the limit as they grow;
/// - any NaN: all NaN, so a bad number upstream is never hidden;
/// - an empty vector: an empty vector.
public func softmax(_ x: [Double]) -> [Double] {
  if x.contains(where: \.isNaN) { return x.map { _ in .nan } }
  guard let maximum = x.max(), maximum > -Double.infinity else {
    return x.map { _ in 0 }  // empty, or every position masked
  }
  if maximum == .infinity {
    let count = Double(x.filter { $0 == .infinity }.count)
    return x.map { $0 == .infinity ? 1 / count : 0 }
  }
  let exponentials = x.map { exp($0 - maximum) }
  let total = exponentials.reduce(0, +)
  return exponentials.map { $0 / total }
}

/// Row-wise softmax: each row becomes a probability distribution. Shape: [r, c] -> [r, c]
public func softmax(_ x: Matrix) -> Matrix {
  Matrix(rows: x.rows, columns: x.columns, elements: x.rowArrays.flatMap(softmax))
}
