import Foundation
import Matrix

/// A minimal SVG writer: integer coordinates and fixed formatting, so the same drawing always
/// gives the same bytes.
struct SVG {
  let width: Int
  let height: Int
  private var elements: [String] = []

  init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  mutating func rectangle(x: Int, y: Int, width: Int, height: Int, fill: String) {
    elements.append(
      "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\" fill=\"\(fill)\""
        + " stroke=\"#444444\" stroke-width=\"1\"/>")
  }

  enum Anchor: String {
    case start, middle, end
  }

  mutating func text(
    _ content: String, x: Int, y: Int, anchor: Anchor = .middle, size: Int = 13,
    color: String = "#222222"
  ) {
    elements.append(
      "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor.rawValue)\" font-size=\"\(size)\""
        + " fill=\"\(color)\">\(escaped(content))</text>")
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

/// Colors as "#rrggbb", blended linearly between two colors; `t` is clamped to [0, 1]. A NaN
/// is drawn grey, so a bad number shows instead of stopping the drawing.
func blend(_ from: (Int, Int, Int), _ to: (Int, Int, Int), _ t: Double) -> String {
  if t.isNaN { return "#bbbbbb" }
  let t = min(max(t, 0), 1)
  func channel(_ a: Int, _ b: Int) -> Int { Int((Double(a) + (Double(b - a)) * t).rounded()) }
  let rgb = [channel(from.0, to.0), channel(from.1, to.1), channel(from.2, to.2)]
  let hexDigits = Array("0123456789abcdef")
  return "#" + rgb.map { String([hexDigits[$0 / 16], hexDigits[$0 % 16]]) }.joined()
}

let white = (255, 255, 255)
let blue = (49, 99, 179)
let orange = (230, 120, 30)
