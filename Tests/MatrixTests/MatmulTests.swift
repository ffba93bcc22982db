import TestSupport
import Testing

@testable import Matrix

@Suite("matmul: golden values, and the optimized kernel against the plain loop")
struct MatmulTests {
  @Test func handComputedProduct() {
    let a: Matrix = [[1, 2, 3], [4, 5, 6]]  // [2, 3]
    let b: Matrix = [[7, 8], [9, 10], [11, 12]]  // [3, 2]
    let expected: Matrix = [
      [58, 64],  // 1·7 + 2·9 + 3·11 = 7+18+33;  1·8 + 2·10 + 3·12 = 8+20+36
      [139, 154],  // 4·7 + 5·9 + 6·11 = 28+45+66;  4·8 + 5·10 + 6·12 = 32+50+72
    ]
    expectMatrix(matmul(a, b), equals: expected)
    expectMatrix(matmulPlainLoop(a, b), equals: expected)
  }

  @Test func identityLeavesAMatrixUnchanged() {
    let a: Matrix = [[1, 2, 3], [4, 5, 6]]
    #expect(matmul(Matrix.identity(2), a) == a)
    #expect(matmul(a, Matrix.identity(3)) == a)
  }

  @Test func emptyInnerDimensionGivesZeros() {
    let a = Matrix(rows: 2, columns: 0)
    let b = Matrix(rows: 0, columns: 3)
    #expect(matmul(a, b) == Matrix(rows: 2, columns: 3))
  }

  /// Shapes that hit every remainder of the kernel's tiles: 1s, primes, one past powers of two.
  static let shapes: [(m: Int, k: Int, n: Int)] = [
    (1, 1, 1), (1, 7, 1), (7, 13, 5), (3, 1, 17), (8, 8, 8), (16, 32, 16), (17, 33, 15),
    (4, 64, 48), (65, 129, 33), (1, 300, 1), (100, 1, 100), (31, 257, 63), (128, 128, 128),
    // The kernel's blocks: 6 × 8 register tiles, k-blocks of 256, row blocks of 72, column
    // blocks of 4096; one more than each, so every edge path runs.
    (6, 256, 8), (73, 257, 9), (7, 513, 17), (5, 300, 4097),
    // Tiles of 1 to 4 rows take the 4-row kernel, straight into C when they are 8 columns wide:
    // 64 words = 10 · 6 + 4 rows, past a k-block; 10 = 6 + 4; 9 = 6 + 3.
    (64, 300, 24), (10, 260, 16), (9, 40, 17),
    // Small products (k ≤ 256, m·n·k ≤ 64³) read A and B unpacked: whole tiles directly, the
    // rows and columns left over through the packed path.
    (64, 64, 64), (10, 200, 40), (5, 256, 16), (13, 7, 31),
  ]

  @Test(arguments: shapes)
  func kernelIsBitwiseEqualToThePlainLoop(m: Int, k: Int, n: Int) {
    var generator = SplitMix64(seed: UInt64(m * 1_000_000 + k * 1000 + n))
    let a = Matrix.random(rows: m, columns: k, in: -1, 1, using: &generator)
    let b = Matrix.random(rows: k, columns: n, in: -1, 1, using: &generator)
    // The same products summed in the same order: not merely close, identical. The kernel is
    // called directly: in this debug build `matmul` itself takes the row-by-row loop.
    let reference = matmulPlainLoop(a, b)
    for fast in [kernelProduct(a, b, threads: 1), matmul(a, b)] {
      expectMatrix(fast, equals: reference, tolerance: 0, "the kernel against the plain loop")
      expectSameBits(fast, as: reference, "the kernel against the plain loop")
    }
  }

  @Test(arguments: shapes)
  func kernelOnTransposedOperandsGivesThePlainLoopsBits(m: Int, k: Int, n: Int) {
    // dC · Bᵀ and Aᵀ · dC in the backward pass hand the kernel a matrix stored transposed, which
    // it reads as such while packing: the same products in the same order as A · B.
    var generator = SplitMix64(seed: UInt64(m * 1_000_000 + k * 1000 + n))
    let a = Matrix.random(rows: m, columns: k, in: -1, 1, using: &generator)
    let b = Matrix.random(rows: k, columns: n, in: -1, 1, using: &generator)
    let reference = matmulPlainLoop(a, b)
    // On 3 threads with no minimum work, so that the slabs' offsets into a transposed operand
    // are tested too; each slab is the single-threaded kernel.
    for transposed in [(a: false, b: true), (a: true, b: false)] {
      let c = kernelProduct(a, b, threads: 3, minimumWork: 1, transposedOperands: transposed)
      expectSameBits(c, as: reference, "Aᵀ stored: \(transposed.a), Bᵀ stored: \(transposed.b)")
    }
    expectSameBits(matmul(a, transposed: b.transposed()), as: reference, "matmul(_:transposed:)")
    expectSameBits(matmul(transposed: a.transposed(), b), as: reference, "matmul(transposed:_:)")
  }

  @Test(arguments: [(65, 129, 33), (7, 513, 17), (128, 128, 128), (5, 300, 97), (200, 64, 3)])
  func everyThreadCountGivesTheSameBits(m: Int, k: Int, n: Int) {
    // Splitting C into slabs of rows (or of columns, when C is wide) changes which thread
    // computes an element, never how: every count must give the plain loop's bits.
    var generator = SplitMix64(seed: UInt64(m * 7 + k * 3 + n))
    let a = Matrix.random(rows: m, columns: k, in: -1, 1, using: &generator)
    let b = Matrix.random(rows: k, columns: n, in: -1, 1, using: &generator)
    let reference = matmulPlainLoop(a, b)
    for threads in [1, 2, 3, 7] {
      let c = kernelProduct(a, b, threads: threads, minimumWork: 1)
      expectMatrix(c, equals: reference, tolerance: 0, "matmul on \(threads) threads")
      expectSameBits(c, as: reference, "matmul on \(threads) threads")
    }
  }
}

/// A · B by the optimized kernel on `threads` threads, whatever the build configuration. With
/// `transposedOperands`, the kernel is handed Aᵀ and Bᵀ as stored and told so (the backward
/// pass's `matmul(transposed:_:)` and `matmul(_:transposed:)`).
func kernelProduct(
  _ a: Matrix, _ b: Matrix, threads: Int, minimumWork: Int = 1 << 18,
  transposedOperands: (a: Bool, b: Bool) = (false, false)
) -> Matrix {
  var c = Matrix(rows: a.rows, columns: b.columns, repeating: .nan)
  let storedA = transposedOperands.a ? a.transposed() : a
  let storedB = transposedOperands.b ? b.transposed() : b
  storedA.elements.withUnsafeBufferPointer { a_ in
    storedB.elements.withUnsafeBufferPointer { b_ in
      c.elements.withUnsafeMutableBufferPointer { c_ in
        guard let aBase = a_.baseAddress, let bBase = b_.baseAddress, let cBase = c_.baseAddress
        else { return }
        parallelMatmul(
          m: a.rows, k: a.columns, n: b.columns, a: aBase, b: bBase, c: cBase, threads: threads,
          minimumWork: minimumWork, aTransposed: transposedOperands.a,
          bTransposed: transposedOperands.b)
      }
    }
  }
  return c
}
