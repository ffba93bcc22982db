import Matrix

/// Each row of `vectors` drawn as a row of boxes, like the post's pictures of embeddings:
/// one box per dimension, orange for positive, blue for negative, white for zero, each labeled
/// with its value. Wide vectors show their first `maximumBoxes` dimensions and an ellipsis.
public func vectorBoxes(
  _ vectors: Matrix, labels: [String], name: String, caption: String, decimals: Int = 0,
  maximumBoxes: Int = 12
) -> Figure {
  checkPrecondition(
    labels.count == vectors.rows,
    "vectorBoxes: \(vectors.shape) needs \(vectors.rows) labels, got \(labels.count)")
  let box = 40
  let shown = min(vectors.columns, maximumBoxes)
  let elided = shown < vectors.columns
  let labelWidth = 12 + 8 * (labels.map(\.count).max() ?? 0)
  let largest = max(vectors.elements.filter(\.isFinite).map(abs).max() ?? 0, 1e-12)
  let width = labelWidth + box * shown + (elided ? 110 : 8)
  var svg = SVG(width: width, height: 12 + (box + 12) * vectors.rows)
  for i in 0..<vectors.rows {
    let y = 8 + (box + 12) * i
    svg.text(labels[i], x: labelWidth - 8, y: y + box / 2 + 5, anchor: .end)
    for j in 0..<shown {
      let value = vectors[i, j]
      let color = value >= 0 ? orange : blue
      svg.rectangle(
        x: labelWidth + box * j, y: y, width: box, height: box,
        fill: blend(white, color, abs(value) / largest))
      svg.text(
        formatDecimal(value, decimals: decimals), x: labelWidth + box * j + box / 2,
        y: y + box / 2 + 5, size: 12)
    }
    if elided {
      svg.text(
        "… \(vectors.columns) in all", x: labelWidth + box * shown + 8, y: y + box / 2 + 5,
        anchor: .start, size: 12)
    }
  }
  return Figure(name: name, caption: caption, svg: svg.document)
}
