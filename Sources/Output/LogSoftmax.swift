import Foundation
import Matrix

/// The logarithm of softmax, computed from the logits without taking the log of a probability:
///
///     log softmax(x)ᵢ = xᵢ − m − log Σⱼ exp(xⱼ − m),  m = max x   (log-sum-exp)
///
/// log(softmax(x)) breaks when a probability underflows: for x = [1000, 0, −1000], softmax
/// gives exactly 0 for the third word and log 0 = −∞, while the true value is −2000. Here
/// every term stays finite: exp(xⱼ − m) ≤ 1, the sum is at least 1, and xᵢ − m is exact.
/// The edge cases follow `softmax`: −∞ logits (words ruled out) give −∞; if every logit is
/// −∞ the row is all −∞ (log of softmax's zeros); +∞ logits share the probability, so each
/// gets −log(count) and the others −∞; any NaN gives all NaN. Shape: [n] -> [n]
public func logSoftmax(_ x: [Double]) -> [Double] {
  if x.contains(where: \.isNaN) { return x.map { _ in .nan } }
  guard let maximum = x.max(), maximum > -Double.infinity else {
    return x.map { _ in -.infinity }  // empty, or every word ruled out
  }
  if maximum == .infinity {
    let count = Double(x.filter { $0 == .infinity }.count)
    return x.map { $0 == .infinity ? -log(count) : -.infinity }
  }
  let logSum = log(x.map { exp($0 - maximum) }.reduce(0, +))  // log Σ exp(xⱼ − m), ≥ 0
  return x.map { $0 - maximum - logSum }
}

/// Row-wise log-softmax: row i holds the log-probabilities of position i.
/// Shape: [words, vocabulary] -> [words, vocabulary]
public func logSoftmax(_ x: Matrix) -> Matrix {
  Matrix(rows: x.rows, columns: x.columns, elements: x.rowArrays.flatMap(logSoftmax))
}
