/// A two-dimensional, row-major grid of `Double`s: the one tensor type of this book.
///
/// Every tensor in the post is 2-D (per attention head), so a matrix is all we need:
/// a sentence of 3 words embedded in 4 dimensions is a `[3, 4]` matrix, one row per word.
///
///     let x: Matrix = [[1, 0, 1, 0],
///                      [0, 1, 0, 1]]   // [2, 4]
///     x.shape    // Shape(rows: 2, columns: 4), printed as "[2, 4]"
///     x[1, 3]    // 1.0
public struct Matrix: Equatable, Sendable {
  /// The number of rows (for a sentence: one per token).
  public let rows: Int
  /// The number of columns (for embeddings: d_model).
  public let columns: Int
  /// The elements in row-major order: element (i, j) is at `i * columns + j`.
  public internal(set) var elements: [Double] {
    @inlinable get { storage }
    _modify { yield &storage }
    set { storage = newValue }
  }
  /// The stored elements. Visible to inlined code, so that `m[i, j]` in another module compiles
  /// to a bounds check and a load instead of a function call.
  @usableFromInline internal var storage: [Double]

  /// A matrix of the given shape from its elements in row-major order.
  ///
  /// Traps unless `elements.count == rows * columns` and both sizes are non-negative.
  public init(rows: Int, columns: Int, elements: [Double]) {
    checkPrecondition(
      rows >= 0 && columns >= 0, "Matrix: shape [\(rows), \(columns)] has a negative size")
    checkPrecondition(
      elements.count == rows * columns,
      "Matrix: shape [\(rows), \(columns)] needs \(rows * columns) elements, got \(elements.count)"
    )
    self.rows = rows
    self.columns = columns
    self.storage = elements
  }

  /// A matrix of the given shape with every element equal to `value`.
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    checkPrecondition(
      rows >= 0 && columns >= 0, "Matrix: shape [\(rows), \(columns)] has a negative size")
    self.init(
      rows: rows, columns: columns, elements: Array(repeating: value, count: rows * columns))
  }

  /// A matrix whose element (i, j) is `element(i, j)`, computed row by row, left to right:
  /// a formula written per element, e.g. each row of x divided by its own number d[i]:
  ///
  ///     Matrix(rows: x.rows, columns: x.columns) { i, j in x[i, j] / d[i] }
  ///
  /// The elements go straight into the new storage: no zeros written first, and no copy or
  /// uniqueness check per element, as writing through the subscript of a copy of x would cost.
  @inlinable
  public init(rows: Int, columns: Int, _ element: (_ row: Int, _ column: Int) -> Double) {
    checkPrecondition(
      rows >= 0 && columns >= 0, "Matrix: shape [\(rows), \(columns)] has a negative size")
    let count = rows * columns
    self.rows = rows
    self.columns = columns
    self.storage = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
      guard let base = buffer.baseAddress else { return }
      var index = 0
      for i in 0..<rows {
        for j in 0..<columns {
          (base + index).initialize(to: element(i, j))
          index &+= 1
        }
      }
      initialized = count
    }
  }

  /// A matrix from its rows, e.g. `Matrix([[1, 2], [3, 4]])`. Traps if the rows differ in length.
  public init(_ rowArrays: [[Double]]) {
    let columns = rowArrays.first?.count ?? 0
    for (index, row) in rowArrays.enumerated() {
      checkPrecondition(
        row.count == columns,
        "Matrix: row 0 has \(columns) elements but row \(index) has \(row.count)")
    }
    self.init(rows: rowArrays.count, columns: columns, elements: rowArrays.flatMap { $0 })
  }

  /// A `[1, n]` matrix holding one row vector.
  public init(row: [Double]) {
    self.init(rows: 1, columns: row.count, elements: row)
  }

  /// The `[n, n]` identity matrix.
  public static func identity(_ n: Int) -> Matrix {
    var result = Matrix(rows: n, columns: n)
    for i in 0..<n { result[i, i] = 1 }
    return result
  }

  /// The shape `[rows, columns]`.
  public var shape: Shape { Shape(rows: rows, columns: columns) }

  /// The element in row `row`, column `column`. Traps when either index is out of range.
  @inlinable
  public subscript(row: Int, column: Int) -> Double {
    get {
      checkIndex(row, column)
      return storage[row &* columns &+ column]
    }
    set {
      checkIndex(row, column)
      storage[row &* columns &+ column] = newValue
    }
  }

  /// Row `index` as an array: the vector of one token.
  public func row(_ index: Int) -> [Double] {
    checkPrecondition(
      index >= 0 && index < rows, "Matrix: row \(index) is out of range for \(shape)")
    return Array(elements[index * columns..<(index + 1) * columns])
  }

  /// All rows as arrays, top to bottom.
  public var rowArrays: [[Double]] { (0..<rows).map(row) }

  @inlinable @inline(__always)
  internal func checkIndex(_ row: Int, _ column: Int) {
    if row < 0 || row >= rows || column < 0 || column >= columns {
      indexOutOfRange(row, column)
    }
  }

  /// Stops with a message naming the index and the shape (kept out of line: it is rarely run).
  @usableFromInline
  internal func indexOutOfRange(_ row: Int, _ column: Int) -> Never {
    fatalError("Matrix: index (\(row), \(column)) is out of range for \(shape)")
  }
}

/// The shape of a matrix, printed as the post and the paper write it: `[rows, columns]`.
public struct Shape: Equatable, Hashable, Sendable, CustomStringConvertible {
  public var rows: Int
  public var columns: Int

  public init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
  }

  public var description: String { "[\(rows), \(columns)]" }
}

extension Matrix: ExpressibleByArrayLiteral {
  /// A matrix written as nested array literals, one inner array per row.
  public init(arrayLiteral rowArrays: [Double]...) {
    self.init(rowArrays)
  }
}
