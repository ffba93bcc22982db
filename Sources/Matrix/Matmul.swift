/// The matrix product A·B, written as its definition: element (i, j) is the dot product of
/// row i of A and column j of B. This plain triple loop is what `matmul` computes, and the
/// reference the fast kernel is tested against, bit for bit. Shape: [m, k] × [k, n] -> [m, n]
///
/// `matmul` itself runs the fast kernel in Matmul+Blocked.swift, so an edit here changes
/// nothing in the chapters. To experiment with the arithmetic, make `matmul` below return
/// `matmulPlainLoop(a, b)`: the book and every test keep working, only slower.
public func matmulPlainLoop(_ a: Matrix, _ b: Matrix) -> Matrix {
  checkInnerDimensions(a, b)
  var c = Matrix(rows: a.rows, columns: b.columns)
  for i in 0..<a.rows {
    for j in 0..<b.columns {
      var sum = 0.0
      for p in 0..<a.columns {
        sum += a.elements[i * a.columns + p] * b.elements[p * b.columns + j]
      }
      c.elements[i * b.columns + j] = sum
    }
  }
  return c
}

/// The matrix product A·B: the same numbers as `matmulPlainLoop(_:_:)` (the same products,
/// summed in the same order), computed by the fast kernel `blockedMatmul` on up to
/// `MatmulThreads.count` threads (the result does not depend on the count).
/// Traps when the inner dimensions differ. Shape: [m, k] × [k, n] -> [m, n]
public func matmul(_ a: Matrix, _ b: Matrix) -> Matrix {
  checkInnerDimensions(a, b)
  var c = Matrix(rows: a.rows, columns: b.columns)
  a.elements.withUnsafeBufferPointer { a_ in
    b.elements.withUnsafeBufferPointer { b_ in
      c.elements.withUnsafeMutableBufferPointer { c_ in
        guard let aBase = a_.baseAddress, let bBase = b_.baseAddress,
          let cBase = c_.baseAddress
        else { return }  // an empty matrix: nothing to compute
        parallelMatmul(
          m: a.rows, k: a.columns, n: b.columns, a: aBase, b: bBase, c: cBase,
          threads: MatmulThreads.count)
      }
    }
  }
  return c
}

private func checkInnerDimensions(_ a: Matrix, _ b: Matrix) {
  checkPrecondition(
    a.columns == b.rows,
    "matmul: \(a.shape) × \(b.shape): inner dimensions \(a.columns) and \(b.rows) differ")
}
