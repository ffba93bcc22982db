import Foundation
import Matrix

/// A minimal SVG writer: integer coordinates and fixed formatting, so the same drawing always
/// gives the same bytes.
struct SVG {
  let width: Int
  let height: Int
  private(set) var elements: [String] = []

  init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  mutating func rectangle(
    x: Int, y: Int, width: Int, height: Int, fill: String, stroke: String? = "#444444"
  ) {
    let outline = stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? ""
    elements.append(
      "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\" fill=\"\(fill)\""
        + outline + "/>")
  }

  mutating func line(x1: Int, y1: Int, x2: Int, y2: Int, color: String = "#444444") {
    elements.append(
      "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"\(color)\""
        + " stroke-width=\"1\"/>")
  }

  /// A polyline through `points`, e.g. one curve of a line plot.
  mutating func polyline(_ points: [(x: Int, y: Int)], color: String, width: Int = 2) {
    let list = points.map { "\($0.x),\($0.y)" }.joined(separator: " ")
    elements.append(
      "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(color)\""
        + " stroke-width=\"\(width)\"/>")
  }

  enum Anchor: String {
    case start, middle, end
  }

  /// Text at (x, y); `rotated` turns it a quarter to the left around that point (for the title
  /// of a vertical axis).
  mutating func text(
    _ content: String, x: Int, y: Int, anchor: Anchor = .middle, size: Int = 13,
    color: String = "#222222", bold: Bool = false, rotated: Bool = false
  ) {
    let weight = bold ? " font-weight=\"bold\"" : ""
    let rotation = rotated ? " transform=\"rotate(-90 \(x) \(y))\"" : ""
    elements.append(
      "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor.rawValue)\" font-size=\"\(size)\""
        + " fill=\"\(color)\"\(weight)\(rotation)>\(escaped(content))</text>")
  }

  /// A horizontal colour bar for `scale`, `width` wide, with its end and middle values
  /// written under it and `title` before it.
  mutating func colorLegend(
    _ scale: ColorScale, title: String, x: Int, y: Int, width: Int = 200, decimals: Int = 2
  ) {
    let steps = 20
    let values = scale.legendValues
    let (low, high) = (values[0], values[2])
    text(title, x: x, y: y + 12, anchor: .start, size: 12)
    let barX = x + 8 * title.count + 12
    for step in 0..<steps {
      let value = low + (high - low) * (Double(step) + 0.5) / Double(steps)
      rectangle(
        x: barX + width * step / steps, y: y, width: width / steps, height: 14,
        fill: scale.color(value), stroke: nil)
    }
    rectangle(x: barX, y: y, width: width, height: 14, fill: "none")
    for (index, value) in values.enumerated() {
      text(
        formatDecimal(value, decimals: decimals), x: barX + width * index / 2, y: y + 28,
        size: 11)
    }
  }

  /// How wide `colorLegend` draws with this title and bar width, labels included.
  static func colorLegendWidth(title: String, width: Int = 200) -> Int {
    8 * title.count + 12 + width + 20
  }

  var document: String {
    ([
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\""
        + " viewBox=\"0 0 \(width) \(height)\" font-family=\"Helvetica, Arial, sans-serif\">",
      "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>",
    ]
      + elements + ["</svg>"]).joined(separator: "\n")
  }

  private func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}

/// The width in pixels that `text` takes at font size 13, roughly (for laying out labels).
func textWidth(_ text: String, size: Int = 13) -> Int {
  text.count * size * 6 / 10
}
