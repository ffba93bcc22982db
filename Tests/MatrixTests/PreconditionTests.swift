import Matrix
import TestSupport
import Testing

/// Every precondition of the matrix core traps with a message naming the shapes involved.
@Suite("Bad shapes and indices trap with both shapes in the message")
struct PreconditionTests {
  @Test func matmulInnerDimensionsDiffer() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = matmul(Matrix(rows: 2, columns: 4), Matrix(rows: 3, columns: 3))
    }
    #expect(
      standardError(of: result).contains("matmul: [2, 4] × [3, 3]: inner dimensions 4 and 3 differ")
    )
  }

  @Test func matmulPlainLoopInnerDimensionsDiffer() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = matmulPlainLoop(Matrix(rows: 1, columns: 2), Matrix(rows: 3, columns: 1))
    }
    #expect(standardError(of: result).contains("matmul: [1, 2] × [3, 1]"))
  }

  @Test func matmulWithATransposedOperandInnerDimensionsDiffer() async {
    // A · Bᵀ needs A and B to have the same columns; Aᵀ · B the same rows.
    let right = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = matmul(Matrix(rows: 2, columns: 4), transposed: Matrix(rows: 5, columns: 3))
    }
    #expect(
      standardError(of: right).contains(
        "matmul: [2, 4] × [5, 3]ᵀ: A's columns 4 and Bᵀ's rows 3 differ"))
    let left = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = matmul(transposed: Matrix(rows: 4, columns: 2), Matrix(rows: 3, columns: 5))
    }
    #expect(
      standardError(of: left).contains(
        "matmul: [4, 2]ᵀ × [3, 5]: Aᵀ's columns 4 and B's rows 3 differ"))
  }

  @Test func elementWiseShapesDiffer() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Matrix(rows: 2, columns: 3) + Matrix(rows: 3, columns: 2)
    }
    #expect(standardError(of: result).contains("+: [2, 3] and [3, 2]"))
  }

  @Test func indexOutOfRange() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Matrix(rows: 2, columns: 3)[2, 0]
    }
    #expect(standardError(of: result).contains("index (2, 0) is out of range for [2, 3]"))
  }

  @Test func elementFormulaWithNegativeShape() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Matrix(rows: -1, columns: 3) { _, _ in 0 }
    }
    #expect(standardError(of: result).contains("Matrix: shape [-1, 3] has a negative size"))
  }

  @Test func biasOfTheWrongLength() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Matrix(rows: 2, columns: 3).addingToEveryRow([1, 2])
    }
    #expect(
      standardError(of: result).contains(
        "addingToEveryRow: a vector of 2 entries cannot be added to the rows of [2, 3]"))
  }

  @Test func rowOutOfRange() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Matrix(rows: 2, columns: 3).row(-1)
    }
    #expect(standardError(of: result).contains("row -1 is out of range for [2, 3]"))
  }

  @Test func raggedRows() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Matrix([[1, 2], [3]])
    }
    #expect(standardError(of: result).contains("row 0 has 2 elements but row 1 has 1"))
  }

  @Test func wrongElementCount() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Matrix(rows: 2, columns: 2, elements: [1, 2, 3])
    }
    #expect(standardError(of: result).contains("shape [2, 2] needs 4 elements, got 3"))
  }

  @Test func splitIntoUnequalBlocks() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Matrix(rows: 2, columns: 5).splitColumns(into: 2)
    }
    #expect(standardError(of: result).contains("[2, 5] cannot be split into 2 equal column blocks"))
  }

  @Test func concatenateDifferentRowCounts() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Matrix(concatenatingColumns: [Matrix(rows: 2, columns: 1), Matrix(rows: 3, columns: 1)])
    }
    #expect(standardError(of: result).contains("concatenatingColumns: [2, 1] and [3, 1]"))
  }

  @Test func concatenateDifferentColumnCounts() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Matrix(concatenatingRows: [Matrix(rows: 1, columns: 2), Matrix(rows: 1, columns: 3)])
    }
    #expect(standardError(of: result).contains("concatenatingRows: [1, 2] and [1, 3]"))
  }

  @Test func columnRangeOutOfRange() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Matrix(rows: 2, columns: 3).columns(2..<4)
    }
    #expect(standardError(of: result).contains("range 2..<4 is out of range for [2, 3]"))
  }

  @Test func dotOfDifferentLengths() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = dot([1, 2], [1, 2, 3])
    }
    #expect(standardError(of: result).contains("dot: vectors of length 2 and 3 differ"))
  }

  @Test func negativeSize() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Matrix(rows: -1, columns: 3)
    }
    #expect(standardError(of: result).contains("shape [-1, 3] has a negative size"))
  }

  @Test func rowRangeOutOfRange() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Matrix(rows: 2, columns: 3).rows(1..<3)
    }
    #expect(standardError(of: result).contains("rows: range 1..<3 is out of range for [2, 3]"))
  }
}
