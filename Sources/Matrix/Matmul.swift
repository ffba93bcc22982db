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
/// summed in the same order), computed in a release build by the fast kernel `blockedMatmul`
/// on up to `MatmulThreads.count` threads (the result does not depend on the count), and in a
/// debug build by `rowByRowMatmul`, which is faster than the kernel there.
/// Traps when the inner dimensions differ. Shape: [m, k] × [k, n] -> [m, n]
public func matmul(_ a: Matrix, _ b: Matrix) -> Matrix {
  checkInnerDimensions(a, b)
  let count = a.rows * b.columns
  // C is written whole by the kernel (its first k-block never reads C), so its storage is not
  // zeroed first.
  let elements = [Double](unsafeUninitializedCapacity: count) { c_, initialized in
    defer { initialized = count }
    a.elements.withUnsafeBufferPointer { a_ in
      b.elements.withUnsafeBufferPointer { b_ in
        guard let aBase = a_.baseAddress, let bBase = b_.baseAddress,
          let cBase = c_.baseAddress
        else {  // an empty matrix: every sum is empty, so every element is 0
          c_.initialize(repeating: 0)
          return
        }
        #if DEBUG
          // A debug build (`swift test`) runs Swift's SIMD types through unoptimized generic
          // code, where the kernel is slower than a simple loop over pointers; same bits.
          rowByRowMatmul(m: a.rows, k: a.columns, n: b.columns, a: aBase, b: bBase, c: cBase)
        #else
          parallelMatmul(
            m: a.rows, k: a.columns, n: b.columns, a: aBase, b: bBase, c: cBase,
            threads: MatmulThreads.forThisProduct)
        #endif
      }
    }
  }
  return Matrix(rows: a.rows, columns: b.columns, elements: elements)
}

/// A · Bᵀ: the numbers of `matmul(a, b.transposed())`, without forming Bᵀ in a release build,
/// where the kernel reads B's rows as Bᵀ's columns while it packs them (the backward pass's
/// dC · Bᵀ). Traps unless A and B have the same number of columns.
/// Shape: [m, k] × [n, k]ᵀ -> [m, n]
public func matmul(_ a: Matrix, transposed b: Matrix) -> Matrix {
  checkPrecondition(
    a.columns == b.columns,
    "matmul: \(a.shape) × \(b.shape)ᵀ: A's columns \(a.columns) and Bᵀ's rows \(b.columns) differ")
  #if DEBUG
    return matmul(a, b.transposed())
  #else
    return transposedProduct(m: a.rows, k: a.columns, n: b.rows, a, b, aTransposed: false)
  #endif
}

/// Aᵀ · B: the numbers of `matmul(a.transposed(), b)`, without forming Aᵀ in a release build
/// (the backward pass's Aᵀ · dC). Traps unless A and B have the same number of rows.
/// Shape: [k, m]ᵀ × [k, n] -> [m, n]
public func matmul(transposed a: Matrix, _ b: Matrix) -> Matrix {
  checkPrecondition(
    a.rows == b.rows,
    "matmul: \(a.shape)ᵀ × \(b.shape): Aᵀ's columns \(a.rows) and B's rows \(b.rows) differ")
  #if DEBUG
    return matmul(a.transposed(), b)
  #else
    return transposedProduct(m: a.columns, k: a.rows, n: b.columns, a, b, aTransposed: true)
  #endif
}

/// The kernel on an operand stored transposed. A small product (one the kernel reads unpacked)
/// transposes the operand instead: packing it would cost more than the copy.
private func transposedProduct(
  m: Int, k: Int, n: Int, _ a: Matrix, _ b: Matrix, aTransposed: Bool
) -> Matrix {
  if k <= BlockedMatmul.kc && m * n * k <= BlockedMatmul.directWork {
    return aTransposed ? matmul(a.transposed(), b) : matmul(a, b.transposed())
  }
  let elements = [Double](unsafeUninitializedCapacity: m * n) { c_, initialized in
    defer { initialized = m * n }
    a.elements.withUnsafeBufferPointer { a_ in
      b.elements.withUnsafeBufferPointer { b_ in
        // k > 0 here, and m or n = 0 writes nothing
        guard let aBase = a_.baseAddress, let bBase = b_.baseAddress, let cBase = c_.baseAddress
        else { return }
        parallelMatmul(
          m: m, k: k, n: n, a: aBase, b: bBase, c: cBase, threads: MatmulThreads.forThisProduct,
          aTransposed: aTransposed, bTransposed: !aTransposed)
      }
    }
  }
  return Matrix(rows: m, columns: n, elements: elements)
}

/// C = A · B row by row: C[i, ·] = Σ_p A[i, p] · B[p, ·], adding the products for p = 0, 1, …
/// in order, so every element is the same sum in the same order as the plain loop's.
func rowByRowMatmul(
  m: Int, k: Int, n: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>,
  c: UnsafeMutablePointer<Double>
) {
  // `while` rather than `for … in 0..<n`: in a debug build a range loop calls the range's
  // iterator for every element, and this loop is where `swift test` spends most of its time.
  var i = 0
  while i < m {
    let row = c + i &* n
    row.update(repeating: 0, count: n)
    var p = 0
    while p < k {
      let x = a[i &* k &+ p]
      let bRow = b + p &* n
      var j = 0
      while j < n {
        row[j] += x * bRow[j]
        j &+= 1
      }
      p &+= 1
    }
    i &+= 1
  }
}

private func checkInnerDimensions(_ a: Matrix, _ b: Matrix) {
  checkPrecondition(
    a.columns == b.rows,
    "matmul: \(a.shape) × \(b.shape): inner dimensions \(a.columns) and \(b.rows) differ")
}
