import Figures

/// What one cell printed: its text, and the figures it showed.
public struct CellOutput: Equatable, Sendable {
  public var text: String
  public var figures: [Figure]

  public init(text: String, figures: [Figure] = []) {
    self.text = text
    self.figures = figures
  }
}

extension CellOutput {
  /// Cuts a chapter program's standard output at the marker lines that `CellProgram` prints,
  /// and takes out the figures: segment n is what was printed after marker n + 1.
  ///
  /// A program that ran to the end printed one marker more than it has cells (its last segment
  /// is empty); one that stopped in cell k printed k markers, and segment k − 1 is what that
  /// cell printed before it stopped. `path` and `cellLines` name the cell in errors.
  public static func segments(of output: String, path: String, cellLines: [Int]) throws
    -> [CellOutput]
  {
    var segments: [CellOutput] = []
    var texts: [[String]] = []
    var figure: (header: String, svg: [String])? = nil
    var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    for line in lines {
      if line.hasPrefix(CellProgram.cellMarker) {
        segments.append(CellOutput(text: ""))
        texts.append([])
      } else if segments.isEmpty {
        continue  // nothing prints before the first marker
      } else if line.hasPrefix(FigureMarker.begin) {
        figure = (String(line.dropFirst(FigureMarker.begin.count)), [])
      } else if line == FigureMarker.end, let open = figure {
        let parts = open.header.split(separator: "|", maxSplits: 1).map(String.init)
        guard parts.count == 2, isValidName(parts[0]) else {
          let line = cellLines[min(segments.count, cellLines.count) - 1]
          throw BookError.badFigure(
            path: path, line: line,
            reason: "name \"\(parts.first ?? "")\" must be letters, digits and dashes")
        }
        segments[segments.count - 1].figures.append(
          Figure(name: parts[0], caption: parts[1], svg: open.svg.joined(separator: "\n")))
        figure = nil
      } else if figure != nil {
        figure?.svg.append(line)
      } else {
        texts[texts.count - 1].append(line)
      }
    }
    for index in segments.indices {
      segments[index].text = texts[index].joined(separator: "\n")
    }
    return segments
  }

  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" }
  }
}
