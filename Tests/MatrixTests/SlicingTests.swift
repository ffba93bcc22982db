import Matrix
import TestSupport
import Testing

@Suite("Splitting and concatenating columns and rows")
struct SlicingTests {
  let c: Matrix = [[1, 2, 3, 4], [5, 6, 7, 8]]  // [2, 4]

  @Test func splitColumnsIntoEqualBlocks() {
    let parts = c.splitColumns(into: 2)
    #expect(parts.count == 2)
    expectMatrix(parts[0], equals: [[1, 2], [5, 6]])  // columns 0 and 1
    expectMatrix(parts[1], equals: [[3, 4], [7, 8]])  // columns 2 and 3
  }

  @Test func concatenatingTheSplitGivesBackTheMatrix() {
    #expect(Matrix(concatenatingColumns: c.splitColumns(into: 2)) == c)
    #expect(Matrix(concatenatingColumns: c.splitColumns(into: 4)) == c)
    #expect(Matrix(concatenatingColumns: c.splitColumns(into: 1)) == c)
  }

  @Test func concatenatingColumnsOfDifferentWidths() {
    let joined = Matrix(concatenatingColumns: [[[1], [2]], [[3, 4], [5, 6]]])
    expectMatrix(joined, equals: [[1, 3, 4], [2, 5, 6]])
  }

  @Test func rowsAndColumnRanges() {
    expectMatrix(c.columns(1..<3), equals: [[2, 3], [6, 7]])
    expectMatrix(c.rows(1..<2), equals: [[5, 6, 7, 8]])
    expectMatrix(
      Matrix(concatenatingRows: [c.rows(1..<2), c.rows(0..<1)]),
      equals: [[5, 6, 7, 8], [1, 2, 3, 4]])
  }
}
