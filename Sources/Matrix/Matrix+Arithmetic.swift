// Element-wise arithmetic. As in NumPy, `*` between two matrices multiplies element by element;
// the matrix product is the function `matmul(_:_:)`.

extension Matrix {
  /// A matrix of the same shape with `transform` applied to every element.
  @inlinable
  public func map(_ transform: (Double) -> Double) -> Matrix {
    let result = [Double](unsafeUninitializedCapacity: elements.count) { output, initialized in
      elements.withUnsafeBufferPointer { input in
        guard let from = input.baseAddress, let to = output.baseAddress else { return }
        for index in 0..<input.count { (to + index).initialize(to: transform(from[index])) }
        initialized = input.count
      }
    }
    return Matrix(rows: rows, columns: columns, elements: result)
  }

  /// Combines two matrices of equal shape element by element; traps naming both shapes otherwise.
  @inlinable
  func combined(
    with other: Matrix, _ operation: String, _ combine: (Double, Double) -> Double
  ) -> Matrix {
    checkPrecondition(
      shape == other.shape,
      "\(operation): \(shape) and \(other.shape): element-wise operations need equal shapes")
    let result = [Double](unsafeUninitializedCapacity: elements.count) { output, initialized in
      elements.withUnsafeBufferPointer { left in
        other.elements.withUnsafeBufferPointer { right in
          guard let x = left.baseAddress, let y = right.baseAddress, let to = output.baseAddress
          else { return }
          for index in 0..<left.count { (to + index).initialize(to: combine(x[index], y[index])) }
          initialized = left.count
        }
      }
    }
    return Matrix(rows: rows, columns: columns, elements: result)
  }

  /// The matrix with `vector` added to each of its rows: a bias, the same for every word.
  /// Traps unless the vector has one entry per column. Shape: [r, c], [c] -> [r, c]
  public func addingToEveryRow(_ vector: [Double]) -> Matrix {
    checkPrecondition(
      vector.count == columns,
      "addingToEveryRow: a vector of \(vector.count) entries cannot be added to the rows of \(shape)"
    )
    let result = [Double](unsafeUninitializedCapacity: elements.count) { output, initialized in
      elements.withUnsafeBufferPointer { input in
        vector.withUnsafeBufferPointer { v in
          guard let from = input.baseAddress, let to = output.baseAddress, let add = v.baseAddress
          else { return }
          for i in 0..<rows {
            for j in 0..<columns {
              (to + (i &* columns &+ j)).initialize(to: from[i &* columns &+ j] + add[j])
            }
          }
          initialized = input.count
        }
      }
    }
    return Matrix(rows: rows, columns: columns, elements: result)
  }

  /// The transpose: row i becomes column i. Shape: [r, c] -> [c, r]
  public func transposed() -> Matrix {
    let (rows, columns) = (self.rows, self.columns)
    let result = [Double](unsafeUninitializedCapacity: elements.count) { output, initialized in
      elements.withUnsafeBufferPointer { input in
        guard let from = input.baseAddress, let to = output.baseAddress else { return }
        // Element (i, j) goes to (j, i), in tiles of 8 × 8, so that the 8 rows read and the 8
        // rows written stay in the cache while a tile is copied. Element by element along whole
        // rows, each write lands on another cache line: a [512, 2048] matrix took 6.8 ms that
        // way and takes 2.6–3.0 ms in tiles, and the transposes of the backward pass had been a
        // third of a training step at the paper's size.
        let tile = 8
        for i0 in stride(from: 0, to: rows, by: tile) {
          for j0 in stride(from: 0, to: columns, by: tile) {
            for i in i0..<min(i0 + tile, rows) {
              for j in j0..<min(j0 + tile, columns) {
                (to + (j &* rows &+ i)).initialize(to: from[i &* columns &+ j])
              }
            }
          }
        }
        initialized = input.count
      }
    }
    return Matrix(rows: columns, columns: rows, elements: result)
  }

  /// The sum of all elements.
  public func sum() -> Double { elements.reduce(0, +) }

  @inlinable public static func + (lhs: Matrix, rhs: Matrix) -> Matrix {
    lhs.combined(with: rhs, "+", +)
  }
  @inlinable public static func - (lhs: Matrix, rhs: Matrix) -> Matrix {
    lhs.combined(with: rhs, "-", -)
  }
  /// Element-wise (Hadamard) product; for the matrix product use `matmul(_:_:)`.
  @inlinable public static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
    lhs.combined(with: rhs, "*", *)
  }
  @inlinable public static func / (lhs: Matrix, rhs: Matrix) -> Matrix {
    lhs.combined(with: rhs, "/", /)
  }

  @inlinable public static func + (lhs: Matrix, rhs: Double) -> Matrix { lhs.map { $0 + rhs } }
  @inlinable public static func - (lhs: Matrix, rhs: Double) -> Matrix { lhs.map { $0 - rhs } }
  @inlinable public static func * (lhs: Matrix, rhs: Double) -> Matrix { lhs.map { $0 * rhs } }
  @inlinable public static func * (lhs: Double, rhs: Matrix) -> Matrix { rhs.map { lhs * $0 } }
  @inlinable public static func / (lhs: Matrix, rhs: Double) -> Matrix { lhs.map { $0 / rhs } }
  @inlinable public static prefix func - (operand: Matrix) -> Matrix { operand.map { -$0 } }
}

/// The dot product of two vectors of equal length: Σ aᵢ·bᵢ, summed left to right.
/// Shape: [n], [n] -> scalar
public func dot(_ a: [Double], _ b: [Double]) -> Double {
  checkPrecondition(
    a.count == b.count, "dot: vectors of length \(a.count) and \(b.count) differ")
  var sum = 0.0
  for i in a.indices { sum += a[i] * b[i] }
  return sum
}
