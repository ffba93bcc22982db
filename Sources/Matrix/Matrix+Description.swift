/// Printing: a shape line, then the rows aligned in columns with a fixed number of decimals.
///
///     print(Matrix([[112, 96], [96, 112]]) / 8)
///     // [2, 2]
///     // ⎡ 14  12 ⎤
///     // ⎣ 12  14 ⎦
///
/// Whole numbers print without decimals; anything else with four. A matrix wider or taller than
/// 10 shows its first and last 4 columns or rows around an ellipsis.
import Foundation

extension Matrix: CustomStringConvertible {
  public var description: String {
    formatted(decimals: elements.allSatisfy { $0 == $0.rounded() } ? 0 : 4)
  }

  /// The matrix as aligned text with `decimals` digits after the point.
  public func formatted(decimals: Int) -> String {
    guard rows > 0 && columns > 0 else { return "\(shape) (empty)" }
    let rowIndices = Self.shownIndices(rows)
    let columnIndices = Self.shownIndices(columns)
    var cells: [[String]] = rowIndices.map { i in
      columnIndices.map { j in
        guard let i, let j else { return i == nil ? "⋮" : "…" }
        return formatDecimal(self[i, j], decimals: decimals)
      }
    }
    let widths = columnIndices.indices.map { j in cells.map { $0[j].count }.max() ?? 0 }
    cells = cells.map { row in
      row.indices.map { String(repeating: " ", count: widths[$0] - row[$0].count) + row[$0] }
    }
    var lines = ["\(shape)"]
    for (index, row) in cells.enumerated() {
      let (open, close) = Self.brackets(line: index, of: cells.count)
      lines.append("\(open) " + row.joined(separator: "  ") + " \(close)")
    }
    return lines.joined(separator: "\n")
  }

  /// The indices to print: all of them, or the first and last 4 around a `nil` gap.
  private static func shownIndices(_ count: Int) -> [Int?] {
    count <= 10 ? Array(0..<count) : Array(0..<4) + [nil] + Array(count - 4..<count)
  }

  private static func brackets(line: Int, of count: Int) -> (String, String) {
    if count == 1 { return ("[", "]") }
    if line == 0 { return ("⎡", "⎤") }
    if line == count - 1 { return ("⎣", "⎦") }
    return ("⎢", "⎥")
  }
}

/// `value` with exactly `decimals` digits after the point, as C's `printf("%.*f")` prints it
/// (the exact binary value, correctly rounded), without a sign on a value that rounds to zero.
///
///     formatDecimal(0.88079707, decimals: 2)   // "0.88"
///     formatDecimal(-0.0001, decimals: 2)      // "0.00", not "-0.00"
public func formatDecimal(_ value: Double, decimals: Int) -> String {
  if value.isNaN { return "nan" }
  if value.isInfinite { return value < 0 ? "-inf" : "inf" }
  let text = String(format: "%.\(decimals)f", value)
  let isZero = text.allSatisfy { $0 == "-" || $0 == "0" || $0 == "." }
  return isZero && text.hasPrefix("-") ? String(text.dropFirst()) : text
}

/// A vector printed like a one-row matrix: `[0.8808  0.1192]`.
public func formatVector(_ vector: [Double], decimals: Int) -> String {
  "[" + vector.map { formatDecimal($0, decimals: decimals) }.joined(separator: "  ") + "]"
}
