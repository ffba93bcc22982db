import Matrix

/// Curves over an index, e.g. a few dimensions of a positional encoding as the position grows:
/// point k of a curve is drawn at x = k, with higher values higher up. Each curve gets a colour
/// and a legend entry (a short line and its label) to the right of the plot. The plot area is
/// 600 × 240 pixels with its top-left corner at (70, 20); the y axis spans `yRange`, or the
/// curves' smallest to largest value; values beyond `yRange` are drawn at its edge, and values
/// that are not finite leave a gap in their curve.
///
///     show(linePlot([[0, 1, 0, -1], [1, 0, -1, 0]], labels: ["sin", "cos"],
///                   xTitle: "position", yTitle: "value", yRange: -1...1,
///                   name: "waves", caption: "Two waves"))
///
/// Traps unless there is one label per curve and the curves have the same length, at least 2.
public func linePlot(
  _ curves: [[Double]], labels: [String], xTitle: String, yTitle: String,
  yRange: ClosedRange<Double>? = nil, name: String, caption: String, decimals: Int = 1
) -> Figure {
  let count = curves.first?.count ?? 0
  checkPrecondition(
    labels.count == curves.count,
    "linePlot: \(curves.count) curves need \(curves.count) labels, got \(labels.count)")
  checkPrecondition(
    count >= 2 && curves.allSatisfy { $0.count == count },
    "linePlot: the curves have \(curves.map(\.count)) points; they need the same number, "
      + "at least 2")
  let finite = curves.joined().filter(\.isFinite)
  var (low, high) =
    yRange.map { ($0.lowerBound, $0.upperBound) }
    ?? (finite.min() ?? 0, finite.max() ?? 1)
  if high <= low { (low, high) = (low - 1, low + 1) }
  let (left, top, plotWidth, plotHeight) = (70, 20, 600, 240)
  func x(_ k: Int) -> Int { left + Int((Double(k * plotWidth) / Double(count - 1)).rounded()) }
  func y(_ value: Double) -> Int {
    top + Int(((high - value) / (high - low) * Double(plotHeight)).rounded())
  }
  let legendX = left + plotWidth + 20
  var svg = SVG(
    width: legendX + 30 + (labels.map { textWidth($0) }.max() ?? 0) + 12,
    height: max(top + plotHeight + 56, top + 20 * curves.count + 10))
  // Axes, the zero line, ticks and titles
  svg.rectangle(x: left, y: top, width: plotWidth, height: plotHeight, fill: "none")
  if low < 0 && high > 0 {
    svg.line(x1: left, y1: y(0), x2: left + plotWidth, y2: y(0), color: "#cccccc")
  }
  for value in [low, (low + high) / 2, high] {
    svg.line(x1: left - 5, y1: y(value), x2: left, y2: y(value))
    svg.text(
      formatDecimal(value, decimals: decimals), x: left - 8, y: y(value) + 4, anchor: .end,
      size: 11)
  }
  for k in axisTicks(count: count) {
    svg.line(x1: x(k), y1: top + plotHeight, x2: x(k), y2: top + plotHeight + 5)
    svg.text("\(k)", x: x(k), y: top + plotHeight + 18, size: 11)
  }
  svg.text(xTitle, x: left + plotWidth / 2, y: top + plotHeight + 40, bold: true)
  svg.text(yTitle, x: 18, y: top + plotHeight / 2, bold: true, rotated: true)
  // One polyline per run of finite values, then the legend entry
  for (index, curve) in curves.enumerated() {
    let color = linePlotColors[index % linePlotColors.count]
    var points: [(x: Int, y: Int)] = []
    for (k, value) in curve.enumerated() {
      if value.isFinite {
        points.append((x(k), y(min(max(value, low), high))))
      } else {
        if points.count > 1 { svg.polyline(points, color: color) }
        points = []
      }
    }
    if points.count > 1 { svg.polyline(points, color: color) }
    let legendY = top + 10 + 20 * index
    svg.polyline([(legendX, legendY), (legendX + 20, legendY)], color: color)
    svg.text(labels[index], x: legendX + 28, y: legendY + 4, anchor: .start, size: 12)
  }
  return Figure(name: name, caption: caption, svg: svg.document)
}

/// Curve colours, in order (ColorBrewer Dark2): distinct from each other and from the
/// red-white-blue of the signed colour scale's middle.
let linePlotColors = [
  "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666",
]
