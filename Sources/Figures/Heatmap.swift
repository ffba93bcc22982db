import Matrix

/// A heatmap of a small matrix with its value written in every cell, e.g. attention weights:
/// one row per query word (the word that attends), one column per key word (the word attended
/// to). The row axis is titled on the left, the column axis on top, and a colour bar under the
/// grid shows the scale. For matrices too big for numbers in cells, use `colorField`.
///
///     show(heatmap(weights, rowLabels: ["Thinking", "Machines"],
///                  columnLabels: ["Thinking", "Machines"], name: "weights",
///                  caption: "Attention weights"))
///
/// Traps unless there is one label per row and per column.
public func heatmap(
  _ values: Matrix, rowLabels: [String], columnLabels: [String],
  rowTitle: String = "queries (the word that attends)",
  columnTitle: String = "keys (the word attended to)",
  scale: ColorScale = .probability, name: String, caption: String, decimals: Int = 2
) -> Figure {
  checkPrecondition(
    rowLabels.count == values.rows && columnLabels.count == values.columns,
    "heatmap: \(values.shape) needs \(values.rows) row and \(values.columns) column labels, "
      + "got \(rowLabels.count) and \(columnLabels.count)")
  let cell = 76
  let left = 30 + 12 + (rowLabels.map { textWidth($0) }.max() ?? 0)  // axis title, labels
  let top = 50  // column title, then column labels
  let gridWidth = cell * values.columns
  let gridHeight = cell * values.rows
  let width = max(
    left + gridWidth + 12, left + textWidth(columnTitle) + 12,
    left + SVG.colorLegendWidth(title: "colour scale"))
  // The row title is written upwards, centred on the grid; the picture is tall enough for it.
  let height = max(top + gridHeight + 60, top + gridHeight / 2 + textWidth(rowTitle) / 2 + 8)
  var svg = SVG(width: width, height: height)
  svg.text(columnTitle, x: left + gridWidth / 2, y: 16, bold: true)
  svg.text(rowTitle, x: 18, y: top + gridHeight / 2, bold: true, rotated: true)
  for (j, label) in columnLabels.enumerated() {
    svg.text(label, x: left + cell * j + cell / 2, y: top - 8)
  }
  for i in 0..<values.rows {
    svg.text(rowLabels[i], x: left - 8, y: top + cell * i + cell / 2 + 5, anchor: .end)
    for j in 0..<values.columns {
      let value = values[i, j]
      svg.rectangle(
        x: left + cell * j, y: top + cell * i, width: cell, height: cell,
        fill: scale.color(value))
      svg.text(
        formatDecimal(value, decimals: decimals), x: left + cell * j + cell / 2,
        y: top + cell * i + cell / 2 + 5, color: scale.textColor(value))
    }
  }
  svg.colorLegend(scale, title: "colour scale", x: left, y: top + gridHeight + 16)
  return Figure(name: name, caption: caption, svg: svg.document)
}
