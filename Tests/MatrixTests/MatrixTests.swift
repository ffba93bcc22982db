import Matrix
import TestSupport
import Testing

@Suite("Matrix: construction, element access, element-wise arithmetic")
struct MatrixTests {
  let a: Matrix = [[1, 2, 3], [4, 5, 6]]  // [2, 3]

  @Test func literalIsRowMajor() {
    #expect(a.shape == Shape(rows: 2, columns: 3))
    #expect(a.elements == [1, 2, 3, 4, 5, 6])
    #expect(a[0, 2] == 3)
    #expect(a[1, 0] == 4)
    #expect(a.row(1) == [4, 5, 6])
    #expect("\(a.shape)" == "[2, 3]")
  }

  @Test func subscriptSetsOneElement() {
    var b = a
    b[1, 2] = -1
    #expect(b.elements == [1, 2, 3, 4, 5, -1])
  }

  @Test func elementFormulaFillsRowByRow() {
    // Element (i, j) = 10·i + j, so each value names its own position.
    let b = Matrix(rows: 2, columns: 3) { i, j in Double(10 * i + j) }
    #expect(b.shape == Shape(rows: 2, columns: 3))
    #expect(b.elements == [0, 1, 2, 10, 11, 12])
    // Adding [100, 200, 300] to every row of a: 1+100, 2+200, 3+300; 4+100, 5+200, 6+300.
    let bias: [Double] = [100, 200, 300]
    let sum = Matrix(rows: a.rows, columns: a.columns) { i, j in a[i, j] + bias[j] }
    #expect(sum == [[101, 202, 303], [104, 205, 306]])
    #expect(Matrix(rows: 0, columns: 3) { _, _ in 1 }.elements.isEmpty)
  }

  @Test func addingABiasToEveryRow() {
    // [1 2 3] + [10 20 30] and [4 5 6] + [10 20 30]: the same vector under each row.
    expectMatrix(
      a.addingToEveryRow([10, 20, 30]), equals: [[11, 22, 33], [14, 25, 36]],
      "a bias added to every row")
  }

  @Test func identity() {
    #expect(Matrix.identity(2) == [[1, 0], [0, 1]])
  }

  @Test func transposeSwapsRowsAndColumns() {
    // Row i of A becomes column i of A^T.
    expectMatrix(a.transposed(), equals: [[1, 4], [2, 5], [3, 6]])
    #expect(a.transposed().transposed() == a)
  }

  @Test func elementWiseArithmetic() {
    expectMatrix(a + a, equals: [[2, 4, 6], [8, 10, 12]])  // 1+1, 2+2, …
    expectMatrix(a - a, equals: [[0, 0, 0], [0, 0, 0]])
    expectMatrix(a * a, equals: [[1, 4, 9], [16, 25, 36]])  // 1·1, 2·2, …, 6·6
    expectMatrix(a / a, equals: [[1, 1, 1], [1, 1, 1]])
    expectMatrix(a * 2, equals: [[2, 4, 6], [8, 10, 12]])
    expectMatrix(2 * a, equals: a * 2)
    expectMatrix(a / 2, equals: [[0.5, 1, 1.5], [2, 2.5, 3]])
    expectMatrix(a + 1, equals: [[2, 3, 4], [5, 6, 7]])
    expectMatrix(a - 1, equals: [[0, 1, 2], [3, 4, 5]])
    expectMatrix(-a, equals: [[-1, -2, -3], [-4, -5, -6]])
    #expect(a.sum() == 21)  // 1+2+3+4+5+6
  }

  @Test func transposeOfASquareNonSymmetricMatrix() {
    // Row i becomes column i: a bug that returned the matrix unchanged would pass on a
    // symmetric matrix, not on this one.
    let a: Matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
    expectMatrix(a.transposed(), equals: [[1, 4, 7], [2, 5, 8], [3, 6, 10]], "transpose")
    expectMatrix(a.transposed().transposed(), equals: a, tolerance: 0, "transpose twice")
  }

  @Test(arguments: [(13, 21), (1, 9), (9, 1), (8, 16), (17, 8), (0, 5)])
  func transposeCrossesTheCopyTiles(rows: Int, columns: Int) {
    // The transpose is copied in tiles of 8 × 8: these shapes end mid-tile, fill whole tiles, or
    // are one row or column thin. Element (i, j) holds 100·i + j, so the transpose must hold
    // 100·i + j at (j, i): at (4, 12) of a [13, 21] matrix's transpose, 100·12 + 4 = 1204.
    let m = Matrix(rows: rows, columns: columns) { i, j in Double(100 * i + j) }
    let expected = Matrix(rows: columns, columns: rows) { j, i in Double(100 * i + j) }
    expectMatrix(m.transposed(), equals: expected, tolerance: 0, "transpose of \(m.shape)")
    if rows == 13 { #expect(m.transposed()[4, 12] == 1204) }
  }

  @Test func dotProduct() {
    #expect(dot([1, 2, 3], [4, 5, 6]) == 32)  // 4 + 10 + 18
  }
}
