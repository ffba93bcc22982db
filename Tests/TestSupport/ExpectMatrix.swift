import Foundation
import Matrix
import Testing

/// Where `actual` and `expected` differ by more than `tolerance`, in words a learner can act on,
/// or nil when they agree. The shape is compared first, then every element; the worst one is
/// reported (the first of equally bad ones, row by row). Equal infinities (a mask's −∞) agree;
/// a NaN never does.
///
///     matrixMismatch([[1.75, 1.5]], [[14, 12]], tolerance: 1e-9)
///     // "row 1, column 1 is 1.75 where 14 was expected (off by 12.25) …"
public func matrixMismatch(_ actual: Matrix, _ expected: Matrix, tolerance: Double) -> String? {
  guard actual.shape == expected.shape else {
    return "the shape is \(actual.shape) where \(expected.shape) was expected"
  }
  func difference(_ i: Int, _ j: Int) -> Double {
    if actual[i, j] == expected[i, j] { return 0 }  // equal infinities (a mask) included
    let difference = abs(actual[i, j] - expected[i, j])
    return difference.isNaN ? .infinity : difference
  }
  let cells = (0..<actual.rows).flatMap { i in (0..<actual.columns).map { j in (i, j) } }
  let largest = cells.map { difference($0.0, $0.1) }.max() ?? 0
  guard largest > tolerance else { return nil }
  // The first element, row by row, that is off by the largest amount; differences that agree
  // to 9 digits count as equal, so rounding in the last bit does not decide which is shown.
  let (i, j) = cells.first { difference($0.0, $0.1) >= largest * (1 - 1e-9) }!
  return "row \(i + 1), column \(j + 1) is \(short(actual[i, j])) where \(short(expected[i, j])) "
    + "was expected (off by \(short(difference(i, j))), more than the tolerance "
    + "\(short(tolerance)))"
}

/// A number as a learner would write it: at most 7 significant digits, no trailing zeros.
func short(_ value: Double) -> String {
  if value.isNaN { return "nan" }
  if value.isInfinite { return value < 0 ? "-inf" : "inf" }
  return String(format: "%.7g", value)
}

/// Expects `actual` to equal `expected` within `tolerance`. On failure it records one issue at
/// the caller's line that opens with `step` (the step of the post being checked, e.g.
/// "Step 3: scaled scores"), says where the matrices differ, and prints both.
///
/// The default tolerance, 1e-9, is far below the 4 decimals the book prints; values rounded by
/// hand (0.8808) are compared with the tolerance of their last digit.
public func expectMatrix(
  _ actual: Matrix,
  equals expected: Matrix,
  tolerance: Double = 1e-9,
  _ step: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard let mismatch = matrixMismatch(actual, expected, tolerance: tolerance) else { return }
  let title = step.map { "\($0.rawValue): " } ?? ""
  let whole = (actual.elements + expected.elements).allSatisfy { $0 == $0.rounded() }
  let decimals = whole ? 0 : min(max(4, Int((-log10(max(tolerance, 1e-12))).rounded(.up))), 8)
  // Recorded as an error so that the first line of the report is the step and what differs.
  Issue.record(
    WrongValue(description: title + mismatch),
    Comment(
      rawValue: "got:\n" + indented(actual.formatted(decimals: decimals)) + "\nexpected:\n"
        + indented(expected.formatted(decimals: decimals))),
    sourceLocation: sourceLocation)
}

/// A value that differs from its golden value: what `expectMatrix` records.
struct WrongValue: Error, CustomStringConvertible {
  var description: String
}

private func indented(_ text: String) -> String {
  text.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
}

/// Expects two vectors to have the same length and to agree element by element within
/// `tolerance`, like `expectMatrix` (a vector is compared as a one-row matrix).
public func expectVector(
  _ actual: [Double],
  equals expected: [Double],
  tolerance: Double = 1e-9,
  _ step: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expectMatrix(
    Matrix(row: actual), equals: Matrix(row: expected), tolerance: tolerance, step,
    sourceLocation: sourceLocation)
}

/// Where `actual` and `expected` differ bit for bit, or nil when every element has the same bits:
/// the first element that differs, row by row. +0 and −0 differ here, where `matrixMismatch` with
/// tolerance 0 lets them agree.
///
///     bitMismatch([[0, 1]], [[-0.0, 1]])
///     // "row 1, column 1 is 0.0 (bits 0x0) where -0.0 (bits 0x8000000000000000) was expected"
public func bitMismatch(_ actual: Matrix, _ expected: Matrix) -> String? {
  guard actual.shape == expected.shape else {
    return "the shape is \(actual.shape) where \(expected.shape) was expected"
  }
  let (a, b) = (actual.elements, expected.elements)
  guard let index = a.indices.first(where: { a[$0].bitPattern != b[$0].bitPattern }) else {
    return nil
  }
  func bits(_ value: Double) -> String {
    "\(value) (bits 0x\(String(value.bitPattern, radix: 16)))"
  }
  return "row \(index / actual.columns + 1), column \(index % actual.columns + 1) is "
    + "\(bits(a[index])) where \(bits(b[index])) was expected"
}

/// Expects `actual` to hold the same Doubles as `expected`, bit for bit. On failure it records
/// one issue at the caller's line, opening with `step`, that names the first element that
/// differs (rather than printing every bit pattern of both).
public func expectSameBits(
  _ actual: Matrix,
  as expected: Matrix,
  _ step: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard let mismatch = bitMismatch(actual, expected) else { return }
  let title = step.map { "\($0.rawValue): " } ?? ""
  Issue.record(WrongValue(description: title + mismatch), sourceLocation: sourceLocation)
}
