import Foundation
import Matrix

/// How a figure turns numbers into colours. The whole book uses two scales, so that a colour
/// means the same thing in every chapter:
///
/// - `.probability`, sequential: white for 0, dark purple for 1. For attention weights and
///   other probabilities.
/// - `.signed(limit:)`, diverging around 0: blue for negative, white for 0, red for positive,
///   darkest at ±limit. For embeddings, scores, encodings: anything with a sign.
public enum ColorScale: Equatable, Sendable {
  case probability
  case signed(limit: Double)

  /// A signed scale whose darkest colours are the largest finite |value| in `values`.
  public static func signed(fitting values: Matrix) -> ColorScale {
    .signed(limit: max(values.elements.filter(\.isFinite).map(abs).max() ?? 0, 1e-12))
  }

  /// The colour of `value` as "#rrggbb". Values beyond the scale take its end colour; a NaN is
  /// grey, so a bad number shows instead of stopping the drawing.
  public func color(_ value: Double) -> String {
    rgb(value).hex
  }

  /// The text colour that reads on a cell of `value`'s colour: white on dark, near-black on
  /// light, whichever contrasts more with the fill (WCAG relative luminance below 0.2: white).
  public func textColor(_ value: Double) -> String {
    rgb(value).luminance < 0.2 ? "#ffffff" : "#222222"
  }

  /// The values at the ends and the middle of the scale, for its legend.
  var legendValues: [Double] {
    switch self {
    case .probability: return [0, 0.5, 1]
    case .signed(let limit): return [-limit, 0, limit]
    }
  }

  func rgb(_ value: Double) -> RGB {
    if value.isNaN { return RGB(187, 187, 187) }
    switch self {
    case .probability:
      return RGB.blend(.white, .purple, value)
    case .signed(let limit):
      let t = value / limit
      return t < 0 ? RGB.blend(.white, .blue, -t) : RGB.blend(.white, .red, t)
    }
  }
}

/// An sRGB colour with 8-bit channels.
struct RGB: Equatable {
  var red: Int
  var green: Int
  var blue: Int

  init(_ red: Int, _ green: Int, _ blue: Int) {
    (self.red, self.green, self.blue) = (red, green, blue)
  }

  static let white = RGB(255, 255, 255)
  static let purple = RGB(84, 39, 143)  // ColorBrewer Purples, darkest
  static let blue = RGB(33, 102, 172)  // ColorBrewer RdBu, blue end
  static let red = RGB(178, 24, 43)  // ColorBrewer RdBu, red end

  /// The colour a fraction `t` of the way from `from` to `to`; `t` is clamped to [0, 1].
  static func blend(_ from: RGB, _ to: RGB, _ t: Double) -> RGB {
    let t = min(max(t, 0), 1)
    func channel(_ a: Int, _ b: Int) -> Int { Int((Double(a) + Double(b - a) * t).rounded()) }
    return RGB(
      channel(from.red, to.red), channel(from.green, to.green), channel(from.blue, to.blue))
  }

  var hex: String {
    let digits = Array("0123456789abcdef")
    return "#" + [red, green, blue].map { String([digits[$0 / 16], digits[$0 % 16]]) }.joined()
  }

  /// Relative luminance (WCAG), 0 for black to 1 for white.
  var luminance: Double {
    func linear(_ channel: Int) -> Double {
      let c = Double(channel) / 255
      return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }
}
