import Figures
import Matrix
import TestSupport
import Testing

@Suite("Figures drawn as SVG")
struct FigureTests {
  @Test func heatmapShadesByWeightAndEscapesLabels() {
    let figure = heatmap(
      [[1, 0], [0.5, 0.5]], rowLabels: ["i", "am"], columnLabels: ["<eos>", "a"], name: "w",
      caption: "Weights")
    #expect(figure.svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(figure.svg.hasSuffix("</svg>"))
    #expect(figure.svg.contains(">&lt;eos&gt;</text>"))
    // Weight 1 is full blue (49, 99, 179) = #3163b3; 0 is white; 0.5 is halfway:
    // 255 + (49 − 255)/2 = 152, 255 + (99 − 255)/2 = 177, 255 + (179 − 255)/2 = 217 -> #98b1d9
    #expect(figure.svg.contains("fill=\"#3163b3\""))
    #expect(figure.svg.contains("fill=\"#ffffff\" stroke"))
    #expect(figure.svg.contains("fill=\"#98b1d9\""))
    #expect(figure.svg.contains(">0.50</text>"))
  }

  @Test func heatmapRunsFromWhiteToBlueWithReadableText() {
    let figure = heatmap(
      [[0.25, 0.5, 1]], rowLabels: ["i"], columnLabels: ["a", "b", "c"], name: "w", caption: "W")
    // 0.25 of the way from white to blue: 255 + (49 − 255)·0.25 = 203.5 -> 204 = cc,
    // 255 − 156·0.25 = 216 = d8, 255 − 76·0.25 = 236 = ec.
    #expect(figure.svg.contains("fill=\"#ccd8ec\""))
    // Dark text on light cells (up to 0.5), white text on dark ones.
    #expect(figure.svg.contains("fill=\"#222222\">0.50</text>"))
    #expect(figure.svg.contains("fill=\"#ffffff\">1.00</text>"))
  }

  @Test func vectorBoxesColorBySign() {
    let figure = vectorBoxes([[2, -2, 0]], labels: ["je"], name: "v", caption: "V")
    // +2 is the largest magnitude: full orange (230, 120, 30); −2 full blue; 0 white.
    #expect(figure.svg.contains("fill=\"#e6781e\""))
    #expect(figure.svg.contains("fill=\"#3163b3\""))
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
    #expect(boxes.svg.contains("fill=\"#3163b3\""))  // −1 is the largest finite magnitude
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
