import Figures
import Matrix
import TestSupport
import Testing

@Suite("Figures drawn as SVG")
struct FigureTests {
  @Test func heatmapShadesProbabilitiesFromWhiteToPurpleAndEscapesLabels() {
    let figure = heatmap(
      [[1, 0], [0.5, 0.25]], rowLabels: ["i", "am"], columnLabels: ["<eos>", "a"], name: "w",
      caption: "Weights")
    #expect(figure.svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(figure.svg.hasSuffix("</svg>"))
    #expect(figure.svg.contains(">&lt;eos&gt;</text>"))
    // 1 is full purple (84, 39, 143) = #54278f, 0 is white. 0.5 is halfway:
    // 255 − 171/2 = 169.5 -> 170 = aa, 255 − 216/2 = 147 = 93, 255 − 112/2 = 199 = c7.
    // 0.25: 255 − 171/4 = 212.25 -> d4, 255 − 54 = 201 = c9, 255 − 28 = 227 = e3.
    #expect(figure.svg.contains("fill=\"#54278f\""))
    #expect(figure.svg.contains("fill=\"#ffffff\" stroke"))
    #expect(figure.svg.contains("fill=\"#aa93c7\""))
    #expect(figure.svg.contains("fill=\"#d4c9e3\""))
  }

  @Test func textIsWhiteOnDarkCellsAndDarkOnLightOnes() {
    // Relative luminance of #54278f is about 0.05 (white text reads); of #aa93c7 about 0.34
    // (dark text reads better: contrast 5.9 against 2.7).
    let figure = heatmap(
      [[0.5, 1]], rowLabels: ["i"], columnLabels: ["a", "b"], name: "w", caption: "W")
    #expect(figure.svg.contains("fill=\"#222222\">0.50</text>"))
    #expect(figure.svg.contains("fill=\"#ffffff\">1.00</text>"))
  }

  @Test func heatmapRowsAreQueriesAndColumnsAreKeysByPosition() throws {
    // Only (row 1, column 2) is 1: its purple cell must sit right of the first column and in
    // the top row, under the label "b" and beside the label "i". Cells are 76 pixels.
    let figure = heatmap(
      [[0, 1], [0, 0]], rowLabels: ["i", "am"], columnLabels: ["a", "b"], name: "w", caption: "W")
    func number(_ attribute: String, in element: Substring) throws -> Int {
      let start = try #require(element.range(of: "\(attribute)=\""))
      return try #require(Int(element[start.upperBound...].prefix(while: \.isNumber)))
    }
    let lines = figure.svg.split(separator: "\n")
    let hot = try #require(lines.first { $0.contains("fill=\"#54278f\"") })
    let cold = lines.filter { $0.hasPrefix("<rect x=") && $0.contains("#ffffff") }
    let firstCell = try #require(cold.first)
    let (x0, y0) = (try number("x", in: firstCell), try number("y", in: firstCell))
    #expect(try number("x", in: hot) == x0 + 76)
    #expect(try number("y", in: hot) == y0)
    let b = try #require(lines.first { $0.hasSuffix(">b</text>") })
    #expect(try number("x", in: b) == x0 + 76 + 38)
    let i = try #require(lines.first { $0.hasSuffix(">i</text>") })
    #expect(try number("y", in: i) == y0 + 38 + 5)
  }

  @Test func heatmapTitlesBothAxesAndDrawsAColourScale() {
    let figure = heatmap(
      [[0.5, 1]], rowLabels: ["i"], columnLabels: ["a", "b"], name: "w", caption: "W")
    #expect(figure.svg.contains(">keys (the word attended to)</text>"))
    #expect(figure.svg.contains("rotate(-90"))
    #expect(figure.svg.contains(">queries (the word that attends)</text>"))
    #expect(figure.svg.contains(">colour scale</text>"))
    #expect(figure.svg.contains(">0.00</text>") && figure.svg.contains(">1.00</text>"))
  }

  @Test func signedValuesUseTheDivergingScale() {
    let figure = vectorBoxes([[2, -2, 0, 1]], labels: ["je"], name: "v", caption: "V")
    // ±2 is the largest magnitude: +2 full red (178, 24, 43), −2 full blue (33, 102, 172),
    // 0 white; +1 is halfway to red: 255 − 77/2 = 216.5 -> 217 = d9, 255 − 231/2 = 139.5 ->
    // 140 = 8c, 255 − 212/2 = 149 = 95.
    #expect(figure.svg.contains("fill=\"#b2182b\""))
    #expect(figure.svg.contains("fill=\"#2166ac\""))
    #expect(figure.svg.contains("fill=\"#d98c95\""))
    #expect(figure.svg.contains(">-2</text>"))
    #expect(!figure.svg.contains("in all"))
    let wide = vectorBoxes(Matrix(rows: 1, columns: 512), labels: ["x"], name: "v", caption: "V")
    #expect(wide.svg.contains("… 512 in all"))
  }

  @Test func nanAndInfinityAreDrawnNotFatal() {
    let figure = heatmap(
      [[.nan, 1]], rowLabels: ["a"], columnLabels: ["b", "c"], name: "w", caption: "W")
    #expect(figure.svg.contains("fill=\"#bbbbbb\""))
    #expect(figure.svg.contains(">nan</text>"))
    let boxes = vectorBoxes([[.infinity, -1, .nan]], labels: ["x"], name: "v", caption: "V")
    #expect(boxes.svg.contains(">inf</text>"))
    #expect(boxes.svg.contains("fill=\"#2166ac\""))  // −1 is the largest finite magnitude
  }

  @Test func aCaptionWithALineBreakTraps() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      show(Figure(name: "x", caption: "two\nlines", svg: "<svg/>"))
    }
    #expect(standardError(of: result).contains("show: the figure \"x\" has a line break"))
  }

  @Test func heatmapNeedsALabelPerRowAndColumn() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = heatmap([[1, 0]], rowLabels: [], columnLabels: ["a", "b"], name: "w", caption: "W")
    }
    #expect(
      standardError(of: result).contains(
        "heatmap: [1, 2] needs 1 row and 2 column labels, got 0 and 2"))
  }

  @Test func vectorBoxesNeedALabelPerRow() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = vectorBoxes(Matrix(rows: 2, columns: 3), labels: ["a"], name: "v", caption: "V")
    }
    #expect(standardError(of: result).contains("vectorBoxes: [2, 3] needs 2 labels, got 1"))
  }
}
