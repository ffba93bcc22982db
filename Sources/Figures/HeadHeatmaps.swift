import Matrix

/// The attention weights of several heads side by side, one heatmap per head (the post's
/// multi-head figure): in each panel, one row per query word (the word that attends) and one
/// column per key word (the word attended to), on the book's probability scale, with the value
/// in every cell. Row labels are written once, left of the first panel; one colour bar serves
/// all panels.
///
///     show(headHeatmaps(trace.heads.map(\.weights), rowLabels: words, columnLabels: words,
///                       name: "heads", caption: "Each head's attention weights"))
///
/// Traps unless there is at least one head, all have the same shape, and there is one label
/// per row and per column. Shape: h × [n_q, n_k]
public func headHeatmaps(
  _ weights: [Matrix], rowLabels: [String], columnLabels: [String],
  headTitles: [String]? = nil,
  rowTitle: String = "queries (the word that attends)",
  columnTitle: String = "keys (the word attended to)",
  name: String, caption: String, decimals: Int = 2
) -> Figure {
  checkPrecondition(!weights.isEmpty, "headHeatmaps: needs at least one head")
  let shape = weights[0].shape
  for (index, matrix) in weights.enumerated() {
    checkPrecondition(
      matrix.shape == shape,
      "headHeatmaps: head 1 is \(shape) but head \(index + 1) is \(matrix.shape)")
  }
  checkPrecondition(
    rowLabels.count == shape.rows && columnLabels.count == shape.columns,
    "headHeatmaps: \(shape) needs \(shape.rows) row and \(shape.columns) column labels, "
      + "got \(rowLabels.count) and \(columnLabels.count)")
  let titles = headTitles ?? weights.indices.map { "head \($0 + 1)" }
  checkPrecondition(
    titles.count == weights.count,
    "headHeatmaps: \(weights.count) heads need \(weights.count) titles, got \(titles.count)")
  let cell = 60
  let gap = 24  // between panels
  let left = 30 + 12 + (rowLabels.map { textWidth($0) }.max() ?? 0)  // axis title, labels
  let top = 70  // column title, head titles, column labels
  let panelWidth = cell * shape.columns
  let gridHeight = cell * shape.rows
  let gridsWidth = panelWidth * weights.count + gap * (weights.count - 1)
  let width = max(left + gridsWidth + 12, left + textWidth(columnTitle) + 12, 400)
  var svg = SVG(width: width, height: top + gridHeight + 60)
  let scale = ColorScale.probability
  svg.text(columnTitle, x: left + gridsWidth / 2, y: 16, bold: true)
  svg.text(rowTitle, x: 18, y: top + gridHeight / 2, bold: true, rotated: true)
  for i in 0..<shape.rows {
    svg.text(rowLabels[i], x: left - 8, y: top + cell * i + cell / 2 + 5, anchor: .end)
  }
  for (h, matrix) in weights.enumerated() {
    let panelLeft = left + h * (panelWidth + gap)
    svg.text(titles[h], x: panelLeft + panelWidth / 2, y: top - 30, bold: true)
    for (j, label) in columnLabels.enumerated() {
      svg.text(label, x: panelLeft + cell * j + cell / 2, y: top - 8, size: 12)
    }
    for i in 0..<shape.rows {
      for j in 0..<shape.columns {
        let value = matrix[i, j]
        svg.rectangle(
          x: panelLeft + cell * j, y: top + cell * i, width: cell, height: cell,
          fill: scale.color(value))
        svg.text(
          formatDecimal(value, decimals: decimals), x: panelLeft + cell * j + cell / 2,
          y: top + cell * i + cell / 2 + 5, color: scale.textColor(value))
      }
    }
  }
  svg.colorLegend(scale, title: "colour scale", x: left, y: top + gridHeight + 16)
  return Figure(name: name, caption: caption, svg: svg.document)
}
