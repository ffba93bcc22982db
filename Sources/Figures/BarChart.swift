import Matrix

/// Probability distributions as bar charts, like the post's pictures of target and model
/// outputs: one row of panels per output position, one panel per distribution (e.g. "target"
/// and "model"), one bar per vocabulary word. A bar's height is its probability (a full panel
/// is 1), its colour the book's probability scale, and its value is written above it.
///
///     show(distributionBars([targets, probabilities], panelTitles: ["target", "model"],
///                           rowLabels: ["1: i", "2: am"], barLabels: vocabulary.words,
///                           name: "targets", caption: "Targets and model outputs"))
///
/// Layout: panel p of row i has its bottom-left corner at
/// (left + p·(panelWidth + 24), top + 100 + i·160), where left = 12 + the widest row label,
/// top = 30, panelWidth = 48 · bars; bar j is 40 wide at x = corner + 4 + 48·j and
/// round(100·value) high; its value is written with `decimals` decimals. Traps unless the
/// distributions have one shape, one row label per row and one bar label per column, and one
/// title per distribution.
public func distributionBars(
  _ distributions: [Matrix], panelTitles: [String], rowLabels: [String], barLabels: [String],
  name: String, caption: String, decimals: Int = 2
) -> Figure {
  let shape = distributions.first?.shape ?? Shape(rows: 0, columns: 0)
  checkPrecondition(
    !distributions.isEmpty && distributions.allSatisfy { $0.shape == shape },
    "distributionBars: the distributions have shapes \(distributions.map(\.shape)); they need "
      + "one shape, at least one distribution")
  checkPrecondition(
    panelTitles.count == distributions.count && rowLabels.count == shape.rows
      && barLabels.count == shape.columns,
    "distributionBars: \(distributions.count) distributions of \(shape) need "
      + "\(distributions.count) titles, \(shape.rows) row labels and \(shape.columns) bar "
      + "labels, got \(panelTitles.count), \(rowLabels.count) and \(barLabels.count)")
  let (slot, barWidth, plotHeight, rowHeight, top) = (48, 40, 100, 160, 30)
  let left = 12 + (rowLabels.map { textWidth($0) }.max() ?? 0)
  let panelWidth = slot * shape.columns
  let scale = ColorScale.probability
  var svg = SVG(
    width: left + distributions.count * (panelWidth + 24),
    height: top + rowHeight * shape.rows + 10)
  for (p, title) in panelTitles.enumerated() {
    svg.text(title, x: left + p * (panelWidth + 24) + panelWidth / 2, y: 16, bold: true)
  }
  for i in 0..<shape.rows {
    let baseline = top + plotHeight + i * rowHeight
    svg.text(rowLabels[i], x: left - 8, y: baseline - plotHeight / 2, anchor: .end)
    for (p, distribution) in distributions.enumerated() {
      let corner = left + p * (panelWidth + 24)
      svg.rectangle(
        x: corner, y: baseline - plotHeight, width: panelWidth, height: plotHeight,
        fill: "none", stroke: "#cccccc")
      for j in 0..<shape.columns {
        let value = distribution[i, j]
        let height =
          value.isFinite ? Int((Double(plotHeight) * min(max(value, 0), 1)).rounded()) : 0
        let x = corner + 4 + slot * j
        svg.rectangle(
          x: x, y: baseline - height, width: barWidth, height: height, fill: scale.color(value))
        svg.text(
          formatDecimal(value, decimals: decimals), x: x + barWidth / 2, y: baseline - height - 4,
          size: 10)
        svg.text(barLabels[j], x: x + barWidth / 2, y: baseline + 14, size: 10)
      }
    }
  }
  return Figure(name: name, caption: caption, svg: svg.document)
}

/// Signed values as bars from a zero line, e.g. one position's logits over the vocabulary:
/// positive values go up in red, negative ones down in blue, darker the larger |value| (the
/// book's signed scale), each with its value written beyond its end.
///
///     show(signedBars([2, -1, 0.5], labels: ["a", "am", "i"], valueTitle: "logit",
///                     name: "logits", caption: "One position's logits"))
///
/// Layout: the plot is 240 high with its top at y = 20. With `up` the largest positive value
/// and `down` the largest negative magnitude (0 if none), the zero line is at
/// y = 20 + round(240 · up / (up + down)) and a bar is round(240 · |v| / (up + down)) high, so
/// the tallest bar and the deepest one together fill the plot. Bar j is 40 wide at
/// x = 64 + 48·j. Values that are not finite get no bar. Traps unless there is one label per
/// value and at least one value.
public func signedBars(
  _ values: [Double], labels: [String], valueTitle: String, name: String, caption: String,
  decimals: Int = 2
) -> Figure {
  checkPrecondition(
    !values.isEmpty && labels.count == values.count,
    "signedBars: \(values.count) values need \(values.count) labels, got \(labels.count)")
  let (slot, barWidth, plotHeight, top, left) = (48, 40, 240, 20, 60)
  let finite = values.filter(\.isFinite)
  let up = max(finite.max() ?? 0, 0)
  let down = max(-(finite.min() ?? 0), 0)
  let span = max(up + down, 1e-12)
  let zero = top + Int((Double(plotHeight) * up / span).rounded())
  let scale = ColorScale.signed(limit: max(up, down, 1e-12))
  var svg = SVG(width: left + slot * values.count + 20, height: top + plotHeight + 50)
  svg.text(valueTitle, x: 18, y: top + plotHeight / 2, bold: true, rotated: true)
  for (j, value) in values.enumerated() {
    let clamped = value.isFinite ? value : 0
    let height = Int((Double(plotHeight) * abs(clamped) / span).rounded())
    let x = left + 4 + slot * j
    let y = clamped >= 0 ? zero - height : zero
    svg.rectangle(x: x, y: y, width: barWidth, height: height, fill: scale.color(value))
    let textY = clamped >= 0 ? zero - height - 4 : zero + height + 12
    svg.text(formatDecimal(value, decimals: decimals), x: x + barWidth / 2, y: textY, size: 10)
    svg.text(labels[j], x: x + barWidth / 2, y: top + plotHeight + 30, size: 11)
  }
  svg.line(x1: left, y1: zero, x2: left + slot * values.count, y2: zero)
  return Figure(name: name, caption: caption, svg: svg.document)
}
