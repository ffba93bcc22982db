import Matrix

/// A heatmap of a matrix of weights in [0, 1] (attention weights: one row per query word, one
/// column per key word), white for 0 and dark blue for 1, each cell labeled with its value.
public func heatmap(
  _ weights: Matrix, rowLabels: [String], columnLabels: [String], name: String, caption: String,
  decimals: Int = 2
) -> Figure {
  checkPrecondition(
    rowLabels.count == weights.rows && columnLabels.count == weights.columns,
    "heatmap: \(weights.shape) needs \(weights.rows) row and \(weights.columns) column labels, "
      + "got \(rowLabels.count) and \(columnLabels.count)")
  let cell = 76
  let labelWidth = 12 + 8 * (rowLabels.map(\.count).max() ?? 0)
  let top = 28
  var svg = SVG(
    width: labelWidth + cell * weights.columns + 8, height: top + cell * weights.rows + 8)
  for (j, label) in columnLabels.enumerated() {
    svg.text(label, x: labelWidth + cell * j + cell / 2, y: top - 10)
  }
  for i in 0..<weights.rows {
    svg.text(rowLabels[i], x: labelWidth - 8, y: top + cell * i + cell / 2 + 5, anchor: .end)
    for j in 0..<weights.columns {
      let value = weights[i, j]
      svg.rectangle(
        x: labelWidth + cell * j, y: top + cell * i, width: cell, height: cell,
        fill: blend(white, blue, value))
      svg.text(
        formatDecimal(value, decimals: decimals), x: labelWidth + cell * j + cell / 2,
        y: top + cell * i + cell / 2 + 5, color: value > 0.5 ? "#ffffff" : "#222222")
    }
  }
  return Figure(name: name, caption: caption, svg: svg.document)
}
