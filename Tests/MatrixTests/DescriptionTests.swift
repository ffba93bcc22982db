import Matrix
import Testing

@Suite("Printing matrices and numbers")
struct DescriptionTests {
  @Test func wholeNumbersPrintWithoutDecimals() {
    let scores: Matrix = [[112, 96], [96, 112]]
    #expect(
      "\(scores)" == """
        [2, 2]
        ⎡ 112   96 ⎤
        ⎣  96  112 ⎦
        """)
  }

  @Test func fractionsPrintWithFourDecimalsAligned() {
    let m: Matrix = [[0.5, -1.25, 2], [10, 0, 1]]
    #expect(
      "\(m)" == """
        [2, 3]
        ⎡  0.5000  -1.2500  2.0000 ⎤
        ⎣ 10.0000   0.0000  1.0000 ⎦
        """)
  }

  @Test func threeRowsUseTheMiddleBracket() {
    let m: Matrix = [[1], [2], [3]]
    #expect("\(m)" == "[3, 1]\n⎡ 1 ⎤\n⎢ 2 ⎥\n⎣ 3 ⎦")
    #expect("\(Matrix(row: [1, 2]))" == "[1, 2]\n[ 1  2 ]")
  }

  @Test func upToTenColumnsPrintInFull() {
    #expect(
      "\(Matrix(row: (0..<10).map(Double.init)))" == "[1, 10]\n[ 0  1  2  3  4  5  6  7  8  9 ]")
    #expect(
      "\(Matrix(row: (0..<11).map(Double.init)))" == "[1, 11]\n[ 0  1  2  3  …  7  8  9  10 ]")
  }

  @Test func wideMatricesElideTheMiddleColumns() {
    let wide = Matrix(row: (0..<64).map(Double.init))
    #expect("\(wide)" == "[1, 64]\n[ 0  1  2  3  …  60  61  62  63 ]")
  }

  @Test func emptyMatrices() {
    #expect("\(Matrix(rows: 2, columns: 0))" == "[2, 0] (empty)")
  }

  @Test func decimalRounding() {
    #expect(formatDecimal(0.88079707, decimals: 2) == "0.88")
    #expect(formatDecimal(0.11920292, decimals: 4) == "0.1192")
    #expect(formatDecimal(-0.00001, decimals: 2) == "0.00")  // no "-0.00"
    #expect(formatDecimal(-1.5, decimals: 0) == "-2")  // a tie, to the even -2
    #expect(formatDecimal(2.5, decimals: 0) == "2")  // a tie, to the even 2
    #expect(formatDecimal(14, decimals: 1) == "14.0")
    #expect(formatDecimal(0.05, decimals: 3) == "0.050")
    #expect(formatVector([0.25, 0.75], decimals: 2) == "[0.25  0.75]")
    // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875: it rounds down.
    #expect(formatDecimal(2.675, decimals: 2) == "2.67")
    // An exact tie rounds to even, as printf does: 0.125 -> 0.12, 0.375 -> 0.38.
    #expect(formatDecimal(0.125, decimals: 2) == "0.12")
    #expect(formatDecimal(0.375, decimals: 2) == "0.38")
    #expect(formatDecimal(.nan, decimals: 2) == "nan")
    #expect(formatDecimal(-.infinity, decimals: 2) == "-inf")
  }
}
