import Matrix
import Testing

/// Expects `actual` to equal `expected` within `tolerance`, comparing the shape first and then
/// reporting the worst element, at the caller's source location. On failure the message shows
/// both matrices, so the failure itself tells what went wrong.
///
/// The default tolerance, 1e-9, is far below the 4 decimals the book prints; values rounded by
/// hand (0.8808) are compared with the tolerance of their last digit.
public func expectMatrix(
  _ actual: Matrix,
  equals expected: Matrix,
  tolerance: Double = 1e-9,
  _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  var message: String
  if actual.shape != expected.shape {
    message = "shape \(actual.shape) differs from expected \(expected.shape)"
  } else {
    var worst = (row: 0, column: 0, difference: 0.0)
    for i in 0..<actual.rows {
      for j in 0..<actual.columns {
        if actual[i, j] == expected[i, j] { continue }  // equal infinities (masks) included
        let difference = abs(actual[i, j] - expected[i, j])
        let comparable = difference.isNaN ? Double.infinity : difference
        if comparable > worst.difference { worst = (i, j, comparable) }
      }
    }
    guard worst.difference > tolerance else { return }
    let (i, j) = (worst.row, worst.column)
    message = """
      worst element (\(i), \(j)): \(actual[i, j]) vs expected \(expected[i, j]), \
      difference \(worst.difference) > tolerance \(tolerance)
      """
  }
  message += "\nactual:\n\(actual.formatted(decimals: 6))"
  message += "\nexpected:\n\(expected.formatted(decimals: 6))"
  if let comment { message += "\n\(comment)" }
  Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// Expects two vectors to have the same length and to agree element by element within
/// `tolerance`, reporting the worst element at the caller's source location.
public func expectVector(
  _ actual: [Double],
  equals expected: [Double],
  tolerance: Double = 1e-9,
  _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expectMatrix(
    Matrix(row: actual), equals: Matrix(row: expected), tolerance: tolerance, comment,
    sourceLocation: sourceLocation)
}
