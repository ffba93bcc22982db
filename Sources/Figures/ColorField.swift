import Matrix

/// A dense matrix drawn as a field of colour with no numbers in it, e.g. a positional encoding
/// of 20 positions × 512 dimensions: row 0 at the top, column 0 on the left, each cell
/// `cellWidth` × `cellHeight` pixels. Rows and columns are numbered from 0 on the axis ticks;
/// the row axis is titled on the left, the column axis on top, and a colour bar under the
/// field shows the scale. The field's top-left corner is at (60, 46).
///
///     show(colorField(encoding, rowTitle: "position", columnTitle: "dimension",
///                     scale: .signed(limit: 1), name: "encoding", caption: "PE"))
///
/// To keep the file small, neighbouring cells of a row that get the same colour are merged,
/// and all cells of one colour are one SVG path (colours in order of first appearance, so the
/// bytes are the same on every run). For small matrices with values in cells, use `heatmap`.
/// Traps unless both cell sizes are positive.
public func colorField(
  _ values: Matrix, rowTitle: String, columnTitle: String, scale: ColorScale,
  name: String, caption: String, cellWidth: Int = 2, cellHeight: Int = 10
) -> Figure {
  checkPrecondition(
    cellWidth > 0 && cellHeight > 0,
    "colorField: cells of \(cellWidth) × \(cellHeight) pixels must have a positive size")
  let left = 60  // row title, then tick labels
  let top = 46  // column title, then tick labels
  let fieldWidth = cellWidth * values.columns
  let fieldHeight = cellHeight * values.rows
  var svg = SVG(
    width: max(left + fieldWidth + 20, left + textWidth(columnTitle) + 20, 420),
    height: top + fieldHeight + 62)
  svg.text(columnTitle, x: left + fieldWidth / 2, y: 16, bold: true)
  svg.text(rowTitle, x: 18, y: top + fieldHeight / 2, bold: true, rotated: true)
  for j in axisTicks(count: values.columns) {
    let x = left + cellWidth * j + cellWidth / 2
    svg.line(x1: x, y1: top - 5, x2: x, y2: top)
    svg.text("\(j)", x: x, y: top - 9, size: 11)
  }
  for i in axisTicks(count: values.rows) {
    let y = top + cellHeight * i + cellHeight / 2
    svg.line(x1: left - 5, y1: y, x2: left, y2: y)
    svg.text("\(i)", x: left - 8, y: y + 4, anchor: .end, size: 11)
  }
  svg.rectangle(x: left, y: top, width: fieldWidth, height: fieldHeight, fill: "none")
  svg.colorLegend(scale, title: "colour scale", x: left, y: top + fieldHeight + 16)

  // One path per colour; each run of equal colour in a row is one rectangle "M x y h w v h h −w z".
  var colors: [String] = []
  var runs: [String: String] = [:]
  for i in 0..<values.rows {
    var j = 0
    while j < values.columns {
      let color = scale.color(values[i, j])
      var end = j + 1
      while end < values.columns && scale.color(values[i, end]) == color { end += 1 }
      let width = cellWidth * (end - j)
      if runs[color] == nil { colors.append(color) }
      runs[color, default: ""] +=
        "M\(left + cellWidth * j) \(top + cellHeight * i)h\(width)v\(cellHeight)h-\(width)z"
      j = end
    }
  }
  let paths = colors.map { color in
    "<path fill=\"\(color)\" shape-rendering=\"crispEdges\" d=\"\(runs[color]!)\"/>"
  }
  return Figure(name: name, caption: caption, svg: inserting(paths, into: svg.document))
}

/// `document` with `elements` added just before its closing tag, drawn over the rest.
private func inserting(_ elements: [String], into document: String) -> String {
  let closing = "</svg>"
  checkPrecondition(document.hasSuffix(closing), "colorField: an SVG document ends with </svg>")
  return String(document.dropLast(closing.count)) + elements.joined(separator: "\n") + "\n"
    + closing
}
