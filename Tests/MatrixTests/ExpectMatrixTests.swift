import Matrix
import TestSupport
import Testing

/// The shared comparison must be able to fail: a truncated, reshaped or NaN result must never
/// pass. These tests check the pure comparison, `matrixMismatch`, so that a passing run prints
/// no mismatch report; `expectMatrix` only records what it returns.
@Suite("matrixMismatch, the comparison behind expectMatrix")
struct ExpectMatrixTests {
  @Test func agreesWithinTolerance() {
    #expect(matrixMismatch([[1, 2]], [[1, 2.0000001]], tolerance: 1e-6) == nil)
    expectMatrix([[1, 2]], equals: [[1, 2.0000001]], tolerance: 1e-6)
  }

  @Test func equalInfinitiesAgreeAndOppositeOnesDoNot() {
    #expect(matrixMismatch([[-.infinity, 1]], [[-.infinity, 1]], tolerance: 0) == nil)
    #expect(
      matrixMismatch([[-.infinity]], [[.infinity]], tolerance: 1e-9)
        == "row 1, column 1 is -inf where inf was expected (off by inf, more than the "
        + "tolerance 1e-09)")
  }

  @Test func aDifferentShapeFailsEvenWithTheSameElements() {
    #expect(
      matrixMismatch(Matrix([[1, 2, 3, 4]]), [[1, 2], [3, 4]], tolerance: 1e-9)
        == "the shape is [1, 4] where [2, 2] was expected")
  }

  @Test func aTruncatedVectorFails() {
    #expect(
      matrixMismatch(Matrix(row: [1, 2]), Matrix(row: [1, 2, 3]), tolerance: 1e-9)
        == "the shape is [1, 2] where [1, 3] was expected")
  }

  @Test func theWorstElementIsReportedCountingFromOne() {
    // (1, 1) is off by 0.1, (2, 2) by 1: the second is reported, as row 2, column 2.
    #expect(
      matrixMismatch([[1, 2], [3, 4]], [[1.1, 2], [3, 5]], tolerance: 0.01)
        == "row 2, column 2 is 4 where 5 was expected (off by 1, more than the tolerance 0.01)")
  }

  @Test func ofEquallyBadElementsTheFirstIsReportedDespiteRounding() {
    // Both are off by 1 in exact arithmetic; in Double the second difference is 1 + 2⁻⁵²
    // (1.1 − 0.1 and 2.2 − 1.2 round differently). The first, row by row, is reported.
    #expect(
      matrixMismatch([[0.1, 1.2]], [[1.1, 2.2]], tolerance: 0.5)?.hasPrefix(
        "row 1, column 1 is 0.1 where 1.1 was expected") == true)
  }

  @Test func aNaNNeverAgrees() {
    #expect(
      matrixMismatch([[Double.nan]], [[0]], tolerance: 1)
        == "row 1, column 1 is nan where 0 was expected (off by inf, more than the tolerance 1)")
  }

  @Test func numbersAreShortenedToSevenSignificantDigits() {
    #expect(
      matrixMismatch([[0.5621765008857981]], [[0.8807970779778824]], tolerance: 1e-12)
        == "row 1, column 1 is 0.5621765 where 0.8807971 was expected (off by 0.3186206, more "
        + "than the tolerance 1e-12)")
  }

  @Test func bitMismatchTellsZeroFromMinusZeroAndNamesTheFirstDifference() {
    #expect(bitMismatch([[1, -0.0]], [[1, -0.0]]) == nil)
    #expect(
      bitMismatch([[1, 0], [2, 3]], [[1, -0.0], [2, 4]])
        == "row 1, column 2 is 0.0 (bits 0x0) where -0.0 (bits 0x8000000000000000) was expected")
    #expect(
      bitMismatch(Matrix(row: [1, 2]), [[1], [2]])
        == "the shape is [1, 2] where [2, 1] was expected")
  }
}
