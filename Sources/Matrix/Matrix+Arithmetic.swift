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
    var result = Matrix(rows: columns, columns: rows)
    for i in 0..<rows {
      for j in 0..<columns {
        result.elements[j * rows + i] = elements[i * columns + j]
      }
    }
    return result
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
