import BookEngine
import Figures
import Testing

@Suite("Cutting a program's output into cells and figures")
struct CellOutputTests {
  let marker = CellProgram.cellMarker

  @Test func oneSegmentPerMarker() throws {
    let output = "\(marker)1\nhello\n\n\(marker)2\n\(marker)3\n  indented\n\(marker)4\n"
    let segments = try CellOutput.segments(of: output, path: "x.md", cellLines: [5, 9, 12])
    #expect(segments.map(\.text) == ["hello\n", "", "  indented", ""])
  }

  @Test func figuresAreTakenOutOfTheText() throws {
    let output = """
      \(marker)1
      before
      \(FigureMarker.begin)weights|Attention weights
      <svg>
      </svg>
      \(FigureMarker.end)
      after
      \(marker)2

      """
    let segments = try CellOutput.segments(of: output, path: "x.md", cellLines: [5])
    #expect(segments.count == 2)
    #expect(segments[0].text == "before\nafter")
    #expect(
      segments[0].figures == [
        Figure(name: "weights", caption: "Attention weights", svg: "<svg>\n</svg>")
      ])
  }

  @Test func aCaptionMayContainABar() throws {
    let output = "\(marker)1\n\(FigureMarker.begin)w|P(a | b)\n<svg/>\n\(FigureMarker.end)\n"
    let segments = try CellOutput.segments(of: output, path: "x.md", cellLines: [5])
    #expect(segments[0].figures == [Figure(name: "w", caption: "P(a | b)", svg: "<svg/>")])
  }

  @Test func aBadFigureNameIsAnErrorAtItsCell() {
    let output =
      "\(marker)1\n\(marker)2\n\(FigureMarker.begin)no spaces|c\n<svg/>\n\(FigureMarker.end)\n"
    #expect(
      throws: BookError.badFigure(
        path: "x.md", line: 9, reason: "name \"no spaces\" must be letters, digits and dashes")
    ) {
      try CellOutput.segments(of: output, path: "x.md", cellLines: [5, 9])
    }
  }
}
