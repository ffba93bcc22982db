import Matrix

/// One term of a shape diagram: a matrix drawn as a box, or an operator between boxes.
public enum ShapeTerm: Equatable, Sendable {
  /// A matrix named `label`, drawn as a rectangle `columns` wide and `rows` high.
  case matrix(String, Shape)
  /// A symbol between boxes, e.g. "×", "=", "→" or "concat".
  case symbol(String)
}

/// Matrices drawn as boxes whose sides are proportional to their shapes, left to right with the
/// symbols between them, each box labelled with its name and shape: e.g. the heads' outputs,
/// their concatenation, W^O and the result of multi-head attention:
///
///     show(shapeBoxes([.matrix("Z₁", z1.shape), .matrix("Z₂", z2.shape), .symbol("→"),
///                      .matrix("concat", c.shape), .symbol("×"), .matrix("W^O", wO.shape),
///                      .symbol("="), .matrix("Z", z.shape)], name: "shapes", caption: "Shapes"))
///
/// `unit` is the side in pixels of one element; it shrinks so that no box is taller or wider
/// than 240 pixels.
public func shapeBoxes(_ terms: [ShapeTerm], unit: Int = 16, name: String, caption: String)
  -> Figure
{
  let largest = terms.reduce(1) { largest, term in
    guard case .matrix(_, let shape) = term else { return largest }
    return max(largest, shape.rows, shape.columns)
  }
  let pixels = min(Double(unit), 240 / Double(largest))
  func side(_ count: Int) -> Int { max(2, Int((Double(count) * pixels).rounded())) }
  let tallest = terms.reduce(0) { tallest, term in
    guard case .matrix(_, let shape) = term else { return tallest }
    return max(tallest, side(shape.rows))
  }
  let top = 16
  let gap = 14
  var x = gap
  var drawing: [SVGStep] = []
  for term in terms {
    switch term {
    case .matrix(let label, let shape):
      let (w, h) = (side(shape.columns), side(shape.rows))
      let labelWidth = max(textWidth(label), textWidth("\(shape)", size: 12))
      let slot = max(w, labelWidth)
      drawing.append(.box(x: x + (slot - w) / 2, y: top, width: w, height: h))
      drawing.append(.label(label, x: x + slot / 2, y: top + tallest + 20, size: 13))
      drawing.append(.label("\(shape)", x: x + slot / 2, y: top + tallest + 36, size: 12))
      x += slot + gap
    case .symbol(let symbol):
      let w = textWidth(symbol, size: 18)
      drawing.append(.label(symbol, x: x + w / 2, y: top + tallest / 2 + 6, size: 18))
      x += w + gap
    }
  }
  var svg = SVG(width: max(x, 400), height: top + tallest + 48)
  for step in drawing {
    switch step {
    case .box(let x, let y, let width, let height):
      svg.rectangle(x: x, y: y, width: width, height: height, fill: "#dadaeb")
    case .label(let text, let x, let y, let size):
      svg.text(text, x: x, y: y, size: size)
    }
  }
  return Figure(name: name, caption: caption, svg: svg.document)
}

/// What `shapeBoxes` draws, gathered before the picture's width is known.
private enum SVGStep {
  case box(x: Int, y: Int, width: Int, height: Int)
  case label(String, x: Int, y: Int, size: Int)
}
