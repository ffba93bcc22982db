// Cutting matrices apart and gluing them back: the heads of multi-head attention are column
// blocks of one matrix, and a sentence is its word vectors stacked as rows.

extension Matrix {
  /// The columns in `range`, as a matrix. Shape: [r, c] -> [r, range.count]
  public func columns(_ range: Range<Int>) -> Matrix {
    checkPrecondition(
      range.lowerBound >= 0 && range.upperBound <= columns,
      "columns: range \(range.lowerBound)..<\(range.upperBound) is out of range for \(shape)")
    var result = Matrix(rows: rows, columns: range.count)
    for i in 0..<rows {
      for j in range {
        result.elements[i * range.count + (j - range.lowerBound)] = elements[i * columns + j]
      }
    }
    return result
  }

  /// The rows in `range`, as a matrix. Shape: [r, c] -> [range.count, c]
  public func rows(_ range: Range<Int>) -> Matrix {
    checkPrecondition(
      range.lowerBound >= 0 && range.upperBound <= rows,
      "rows: range \(range.lowerBound)..<\(range.upperBound) is out of range for \(shape)")
    return Matrix(
      rows: range.count, columns: columns,
      elements: Array(elements[range.lowerBound * columns..<range.upperBound * columns]))
  }

  /// Splits the columns into `parts` equal blocks, left to right (one per attention head).
  /// Traps unless the columns divide evenly. Shape: [r, c] -> parts × [r, c / parts]
  public func splitColumns(into parts: Int) -> [Matrix] {
    checkPrecondition(
      parts > 0 && columns % parts == 0,
      "splitColumns: \(shape) cannot be split into \(parts) equal column blocks")
    let width = columns / parts
    return (0..<parts).map { columns($0 * width..<($0 + 1) * width) }
  }

  /// Joins matrices side by side (the "concat" of multi-head attention).
  /// Traps unless all have the same number of rows. Shape: [r, c₁], [r, c₂], … -> [r, Σ cᵢ]
  public init(concatenatingColumns parts: [Matrix]) {
    let rows = parts.first?.rows ?? 0
    for part in parts {
      checkPrecondition(
        part.rows == rows,
        "concatenatingColumns: \(parts[0].shape) and \(part.shape): row counts differ")
    }
    var elements: [Double] = []
    elements.reserveCapacity(rows * parts.reduce(0) { $0 + $1.columns })
    for i in 0..<rows {
      for part in parts {
        elements += part.elements[i * part.columns..<(i + 1) * part.columns]
      }
    }
    self.init(rows: rows, columns: parts.reduce(0) { $0 + $1.columns }, elements: elements)
  }

  /// Stacks matrices top to bottom. Traps unless all have the same number of columns.
  /// Shape: [r₁, c], [r₂, c], … -> [Σ rᵢ, c]
  public init(concatenatingRows parts: [Matrix]) {
    let columns = parts.first?.columns ?? 0
    for part in parts {
      checkPrecondition(
        part.columns == columns,
        "concatenatingRows: \(parts[0].shape) and \(part.shape): column counts differ")
    }
    self.init(
      rows: parts.reduce(0) { $0 + $1.rows }, columns: columns,
      elements: parts.flatMap(\.elements))
  }
}
