import Figures
import Matrix
import TestSupport
import Testing

@Suite("Colour fields and line plots")
struct ColorFieldAndLinePlotTests {
  // The field's top-left corner is at (60, 46); cells here are 2 × 10 pixels.
  @Test func colorFieldPutsRowsDownAndColumnsAcross() {
    let figure = colorField(
      [[0, 1, 0], [-1, 0, 0]], rowTitle: "position", columnTitle: "dimension",
      scale: .signed(limit: 1), name: "f", caption: "F")
    // Row 0, column 1 (the only +1, full red #b2182b): x = 60 + 2·1 = 62, y = 46 + 10·0 = 46.
    #expect(
      figure.svg.contains(
        "<path fill=\"#b2182b\" shape-rendering=\"crispEdges\" d=\"M62 46h2v10h-2z\"/>"))
    // Row 1, column 0 (the only −1, full blue #2166ac): x = 60, y = 46 + 10·1 = 56.
    #expect(
      figure.svg.contains(
        "<path fill=\"#2166ac\" shape-rendering=\"crispEdges\" d=\"M60 56h2v10h-2z\"/>"))
    // The zeros are white; row 1's columns 1 and 2 are one merged run 2 · 2 = 4 pixels wide.
    #expect(figure.svg.contains("d=\"M60 46h2v10h-2zM64 46h2v10h-2zM62 56h4v10h-4z\""))
    // Outline of the field: 3 columns × 2 = 6 wide, 2 rows × 10 = 20 high.
    #expect(figure.svg.contains("<rect x=\"60\" y=\"46\" width=\"6\" height=\"20\" fill=\"none\""))
  }

  @Test func colorFieldTitlesItsAxesAndDrawsTicksAndAColourScale() {
    let figure = colorField(
      Matrix(rows: 20, columns: 512), rowTitle: "position", columnTitle: "dimension",
      scale: .signed(limit: 1), name: "f", caption: "F")
    #expect(figure.svg.contains(">dimension</text>"))
    // Row title rotated about its anchor: x 18, y = 46 + 20·10/2 = 146.
    #expect(figure.svg.contains("transform=\"rotate(-90 18 146)\">position</text>"))
    // Column ticks every 100 (at most 6 ticks for 512 columns), row ticks every 5 (for 20 rows).
    // Column 500's tick is at the centre of its cell: 60 + 2·500 + 1 = 1061.
    #expect(figure.svg.contains("<text x=\"1061\" y=\"37\""))
    #expect(figure.svg.contains(">500</text>") && !figure.svg.contains(">510</text>"))
    // Row 15's tick label: y = 46 + 10·15 + 5 + 4 = 205.
    #expect(figure.svg.contains("<text x=\"52\" y=\"205\" text-anchor=\"end\""))
    #expect(figure.svg.contains(">colour scale</text>"))
    #expect(figure.svg.contains(">-1.00</text>") && figure.svg.contains(">1.00</text>"))
  }

  @Test func aTwentyByFiveHundredTwelveFieldStaysSmallAndReproducible() {
    // Worst case: no two neighbours share a colour (−1, −0.5, 0, 0.5, 1, −1, …), so nothing
    // merges: 10,240 rectangles of about 18 bytes each.
    var values = Matrix(rows: 20, columns: 512)
    for i in 0..<20 {
      for j in 0..<512 { values[i, j] = Double((i * 512 + j) % 5 - 2) / 2 }
    }
    let draw = {
      colorField(
        values, rowTitle: "position", columnTitle: "dimension", scale: .signed(limit: 1),
        name: "f", caption: "F")
    }
    let figure = draw()
    #expect(figure.svg.utf8.count < 400_000)
    #expect(figure.svg.components(separatedBy: "<path ").count - 1 == 5)
    #expect(figure == draw())
  }

  // The plot area is 600 × 240 with its top-left corner at (70, 20).
  @Test func linePlotDrawsHigherValuesHigherAndLabelsEachCurve() {
    let figure = linePlot(
      [[0, 1, -1], [1, 1, 1]], labels: ["sin", "cos"], xTitle: "position", yTitle: "value",
      yRange: -1...1, name: "p", caption: "P")
    // x = 70 + 600·k/2; y = 20 + (1 − v)/2 · 240: 0 -> 140, 1 -> 20, −1 -> 260.
    #expect(
      figure.svg.contains("points=\"70,140 370,20 670,260\" fill=\"none\" stroke=\"#1b9e77\""))
    #expect(figure.svg.contains("points=\"70,20 370,20 670,20\" fill=\"none\" stroke=\"#d95f02\""))
    // Legend at x = 70 + 600 + 20 = 690: a line per curve, 20 pixels apart, then its label.
    #expect(figure.svg.contains("points=\"690,30 710,30\" fill=\"none\" stroke=\"#1b9e77\""))
    #expect(figure.svg.contains("points=\"690,50 710,50\" fill=\"none\" stroke=\"#d95f02\""))
    #expect(figure.svg.contains("<text x=\"718\" y=\"34\" text-anchor=\"start\" font-size=\"12\""))
    #expect(figure.svg.contains(">sin</text>") && figure.svg.contains(">cos</text>"))
    #expect(figure.svg.contains(">position</text>") && figure.svg.contains(">value</text>"))
    #expect(figure.svg.contains(">-1.0</text>") && figure.svg.contains(">1.0</text>"))
  }

  @Test func linePlotFitsItsRangeAndLeavesGapsForMissingValues() {
    // Without a range the curve's own 2…4 fills the height: 2 -> 260, 4 -> 20.
    let fitted = linePlot(
      [[2, 4]], labels: ["a"], xTitle: "x", yTitle: "y", name: "p", caption: "P")
    #expect(fitted.svg.contains("points=\"70,260 670,20\""))
    #expect(fitted.svg.contains(">3.0</text>"))
    // A NaN splits the curve in two: x = 70 + 150·k.
    let gap = linePlot(
      [[0, 1, .nan, 1, 0]], labels: ["a"], xTitle: "x", yTitle: "y", yRange: -1...1,
      name: "p", caption: "P")
    #expect(gap.svg.contains("points=\"70,140 220,20\""))
    #expect(gap.svg.contains("points=\"520,20 670,140\""))
  }

  @Test func linePlotNeedsALabelPerCurve() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = linePlot(
        [[0, 1], [1, 0]], labels: ["a"], xTitle: "x", yTitle: "y", name: "p", caption: "P")
    }
    #expect(standardError(of: result).contains("linePlot: 2 curves need 2 labels, got 1"))
  }

  @Test func linePlotNeedsCurvesOfOneLength() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = linePlot(
        [[0, 1], [1, 0, 1]], labels: ["a", "b"], xTitle: "x", yTitle: "y", name: "p",
        caption: "P")
    }
    #expect(
      standardError(of: result).contains(
        "linePlot: the curves have [2, 3] points; they need the same number, at least 2"))
  }
}
