import Matrix

/// Each row of `vectors` drawn as a row of boxes, like the post's pictures of embeddings:
/// one box per dimension, coloured on the book's signed scale (blue negative, white 0, red
/// positive, darkest at the largest magnitude), each labelled with its value. Wide vectors show
/// their first `maximumBoxes` dimensions and an ellipsis.
///
/// Traps unless there is one label per row.
public func vectorBoxes(
  _ vectors: Matrix, labels: [String], name: String, caption: String, decimals: Int = 0,
  maximumBoxes: Int = 12
) -> Figure {
  checkPrecondition(
    labels.count == vectors.rows,
    "vectorBoxes: \(vectors.shape) needs \(vectors.rows) labels, got \(labels.count)")
  let box = 44
  let shown = min(vectors.columns, maximumBoxes)
  let elided = shown < vectors.columns
  let labelWidth = 12 + (labels.map { textWidth($0) }.max() ?? 0)
  let scale = ColorScale.signed(fitting: vectors)
  let width = max(
    labelWidth + box * shown + (elided ? 110 : 8),
    labelWidth + SVG.colorLegendWidth(title: "colour scale"))
  let rowsHeight = 8 + (box + 12) * vectors.rows
  var svg = SVG(width: width, height: rowsHeight + 40)
  for i in 0..<vectors.rows {
    let y = 8 + (box + 12) * i
    svg.text(labels[i], x: labelWidth - 8, y: y + box / 2 + 5, anchor: .end)
    for j in 0..<shown {
      let value = vectors[i, j]
      svg.rectangle(
        x: labelWidth + box * j, y: y, width: box, height: box, fill: scale.color(value))
      svg.text(
        formatDecimal(value, decimals: decimals), x: labelWidth + box * j + box / 2,
        y: y + box / 2 + 5, size: 12, color: scale.textColor(value))
    }
    if elided {
      svg.text(
        "… \(vectors.columns) in all", x: labelWidth + box * shown + 8, y: y + box / 2 + 5,
        anchor: .start, size: 12)
    }
  }
  svg.colorLegend(
    scale, title: "colour scale", x: labelWidth, y: rowsHeight + 2, decimals: decimals)
  return Figure(name: name, caption: caption, svg: svg.document)
}
