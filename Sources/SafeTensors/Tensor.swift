import Matrix

/// A named array of numbers as a safetensors file stores it: a shape and its values in row-major
/// (C) order. A `Matrix` is a `[rows, columns]` tensor; a vector such as a bias is often stored
/// 1-D (`[d]`), as PyTorch does.
///
///     Tensor(matrix)                 // shape [rows, columns]
///     Tensor(vector: [0.5, -1, 2])   // shape [3]
public struct Tensor: Sendable {
  /// The size of each dimension, outermost first: `[rows, columns]` for a matrix.
  public let shape: [Int]
  /// The elements in row-major order; `values.count` is the product of `shape`.
  public let values: [Double]

  /// A tensor from its shape and its values in row-major order.
  ///
  /// Traps unless every size is non-negative and `values.count` is their product.
  public init(shape: [Int], values: [Double]) {
    checkPrecondition(
      shape.allSatisfy { $0 >= 0 }, "Tensor: shape \(shape) has a negative size")
    checkPrecondition(
      elementCount(of: shape) == values.count,
      "Tensor: shape \(shape) needs \(elementCount(of: shape) ?? -1) values, got \(values.count)")
    self.shape = shape
    self.values = values
  }

  /// A `[rows, columns]` tensor holding the matrix.
  public init(_ matrix: Matrix) {
    self.init(shape: [matrix.rows, matrix.columns], values: matrix.elements)
  }

  /// A 1-D tensor of shape `[vector.count]`.
  public init(vector: [Double]) {
    self.init(shape: [vector.count], values: vector)
  }
}

/// The number of elements of a tensor of this shape (1 for the scalar shape `[]`), or nil when
/// a size is negative or the product overflows `Int`.
func elementCount(of shape: [Int]) -> Int? {
  var count = 1
  for size in shape {
    guard size >= 0 else { return nil }
    let (product, overflow) = count.multipliedReportingOverflow(by: size)
    guard !overflow else { return nil }
    count = product
  }
  return count
}
