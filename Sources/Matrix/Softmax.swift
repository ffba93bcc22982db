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
///
/// Row i is exactly `softmax(x.row(i))`: the same steps on the same numbers, done in place on
/// the matrix's storage so that no array is made per row (a test checks the two agree bit for
/// bit).
public func softmax(_ x: Matrix) -> Matrix {
  var result = x
  let width = x.columns
  guard width > 0 else { return result }
  result.elements.withUnsafeMutableBufferPointer { buffer in
    for i in 0..<x.rows {
      let row = buffer.baseAddress! + i * width
      if (0..<width).contains(where: { row[$0].isNaN }) {
        for j in 0..<width { row[j] = .nan }
        continue
      }
      var maximum = -Double.infinity
      for j in 0..<width { maximum = max(maximum, row[j]) }
      if maximum == -.infinity {  // every position masked
        for j in 0..<width { row[j] = 0 }
      } else if maximum == .infinity {
        let count = Double((0..<width).filter { row[$0] == .infinity }.count)
        for j in 0..<width { row[j] = row[j] == .infinity ? 1 / count : 0 }
      } else {
        var total = 0.0
        for j in 0..<width {
          row[j] = exp(row[j] - maximum)
          total += row[j]
        }
        for j in 0..<width { row[j] /= total }
      }
    }
  }
  return result
}
