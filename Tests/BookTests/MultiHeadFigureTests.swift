import Figures
import Matrix
import TestSupport
import Testing

/// The rectangles of an SVG document as (x, y, width, height, fill).
private func rectangles(_ svg: String) -> [(x: Int, y: Int, width: Int, height: Int, fill: String)]
{
  svg.split(separator: "\n").filter { $0.hasPrefix("<rect x=") }.map { line in
    func attribute(_ name: String) -> String {
      let start = line.range(of: " \(name)=\"")!.upperBound
      return String(line[start...].prefix { $0 != "\"" })
    }
    return (
      Int(attribute("x"))!, Int(attribute("y"))!, Int(attribute("width"))!,
      Int(attribute("height"))!, attribute("fill")
    )
  }
}

@Suite("Figures for multi-head attention")
struct MultiHeadFigureTests {
  let words = ["je", "suis", "étudiant"]

  @Test func oneHeatmapPerHeadWithTitlesAxesAndOneColourScale() {
    let figure = headHeatmaps(
      [Matrix.identity(3), Matrix(rows: 3, columns: 3, repeating: 0.5)], rowLabels: words,
      columnLabels: words, name: "heads", caption: "Heads")
    #expect(figure.svg.contains(">head 1</text>") && figure.svg.contains(">head 2</text>"))
    #expect(figure.svg.contains(">keys (the word attended to)</text>"))
    #expect(figure.svg.contains(">queries (the word that attends)</text>"))
    #expect(figure.svg.components(separatedBy: ">colour scale</text>").count == 2)
    // Probability scale: 1 is #54278f, 0.5 is #aa93c7 (see FigureTests); 9 cells of 0.5.
    #expect(figure.svg.components(separatedBy: "fill=\"#aa93c7\"").count - 1 == 9)
    #expect(figure.svg.components(separatedBy: ">étudiant</text>").count - 1 == 3)  // 1 + 2
  }

  @Test func theCellForRow1Column2OfHead2IsInHead2sTopRowSecondColumn() {
    // Only head 2's row 1, column 2 is 1 (full purple); everything else is 0 (white).
    var second = Matrix(rows: 3, columns: 3)
    second[0, 1] = 1
    let figure = headHeatmaps(
      [Matrix(rows: 3, columns: 3), second], rowLabels: words, columnLabels: words,
      name: "heads", caption: "Heads")
    let cells = rectangles(figure.svg).filter { $0.width == 60 && $0.height == 60 }
    #expect(cells.count == 18)
    let xs = Set(cells.map(\.x)).sorted()  // 3 columns of head 1, then 3 of head 2
    let ys = Set(cells.map(\.y)).sorted()
    #expect(xs.count == 6 && ys.count == 3)
    let purple = cells.filter { $0.fill == "#54278f" }
    #expect(purple.count == 1)
    #expect(purple.first?.x == xs[4] && purple.first?.y == ys[0])
    #expect(xs[3] - xs[2] > 60)  // a gap between the panels
  }

  @Test func boxesAreProportionalToTheShapesAndLabelled() {
    let figure = shapeBoxes(
      [
        .matrix("Z₁", Shape(rows: 3, columns: 4)), .matrix("Z₂", Shape(rows: 3, columns: 4)),
        .symbol("→"), .matrix("concat", Shape(rows: 3, columns: 8)), .symbol("×"),
        .matrix("W^O", Shape(rows: 8, columns: 4)), .symbol("="),
        .matrix("Z", Shape(rows: 3, columns: 4)),
      ], unit: 10, name: "shapes", caption: "Shapes")
    let boxes = rectangles(figure.svg).filter { $0.fill == "#dadaeb" }
    #expect(boxes.map(\.width) == [40, 40, 80, 40, 40])
    #expect(boxes.map(\.height) == [30, 30, 30, 80, 30])
    #expect(boxes.map(\.x) == boxes.map(\.x).sorted())  // left to right, in order
    for label in ["Z₁", "concat", "W^O", "[3, 8]", "[8, 4]", "×", "="] {
      #expect(figure.svg.contains(">\(label)</text>"))
    }
  }

  @Test func bigShapesShrinkToFit() {
    let figure = shapeBoxes(
      [.matrix("W^O", Shape(rows: 512, columns: 512)), .matrix("Z", Shape(rows: 3, columns: 512))],
      name: "shapes", caption: "Shapes")
    let boxes = rectangles(figure.svg).filter { $0.fill == "#dadaeb" }
    #expect(boxes.map(\.width) == [240, 240])
    #expect(boxes.map(\.height) == [240, 2])  // 3 × 240 / 512 = 1.4, drawn at least 2 high
  }

  @Test func headsOfDifferentShapesTrap() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = headHeatmaps(
        [Matrix(rows: 2, columns: 2), Matrix(rows: 2, columns: 3)], rowLabels: ["a", "b"],
        columnLabels: ["a", "b"], name: "h", caption: "H")
    }
    #expect(
      standardError(of: result).contains("headHeatmaps: head 1 is [2, 2] but head 2 is [2, 3]"))
  }
}
