import Matrix

/// A figure for the book: an SVG picture with a file name and a caption.
///
/// A code cell calls `show(figure)`; the book renderer takes the SVG out of the cell's output,
/// writes it to `figures/`, and links it under the cell. Nothing but the cell's own code decides
/// what the picture shows.
public struct Figure: Sendable, Equatable {
  /// The file name without extension, e.g. "attention-weights"; letters, digits and dashes.
  public var name: String
  /// The caption shown as the image's alt text.
  public var caption: String
  /// The SVG document.
  public var svg: String

  public init(name: String, caption: String, svg: String) {
    self.name = name
    self.caption = caption
    self.svg = svg
  }
}

/// The lines that frame a figure in a cell's output, read back by the book renderer.
public enum FigureMarker {
  /// Starts a figure: this prefix, then "name|caption" on the same line.
  public static let begin = "\u{1E}figure "
  /// Ends a figure.
  public static let end = "\u{1E}end figure"
}

/// Prints `figure` framed by `FigureMarker`s, for the book renderer to pick up.
/// Traps if the name or caption has a line break (the frame is one line).
public func show(_ figure: Figure) {
  checkPrecondition(
    !(figure.name + figure.caption).contains(where: \.isNewline),
    "show: the figure \"\(figure.name)\" has a line break in its name or caption")
  print(FigureMarker.begin + figure.name + "|" + figure.caption)
  print(figure.svg)
  print(FigureMarker.end)
}
