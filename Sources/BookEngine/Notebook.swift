/// A chapter notebook: Markdown prose with Swift code cells (fenced with ```swift).
///
/// Every fenced block whose language is Swift (```swift, ~~~Swift, ```swift title) is a cell; the cells of one chapter run in order as one program, so a
/// later cell sees the names an earlier one defined. Other fenced blocks (```text, ```sh) are
/// prose and never run.
public struct Notebook: Equatable, Sendable {
  public enum Block: Equatable, Sendable {
    /// Markdown lines, passed through to the book (headings one level deeper).
    case prose([String])
    /// A code cell: its lines, and the 1-based line in the notebook file of its first line.
    case cell(code: [String], line: Int)
  }

  /// The notebook's path relative to the project root, e.g. "Chapters/02-self-attention.md".
  public var path: String
  public var blocks: [Block]

  public init(path: String, blocks: [Block]) {
    self.path = path
    self.blocks = blocks
  }

  /// The code cells in order, with their line numbers.
  public var cells: [(code: [String], line: Int)] {
    blocks.compactMap {
      if case .cell(let code, let line) = $0 { return (code, line) }
      return nil
    }
  }
}

extension Notebook {
  /// Parses `text`. Throws `BookError.unclosedFence` when a fence never closes.
  public init(path: String, text: String) throws {
    var blocks: [Block] = []
    var prose: [String] = []
    // "\r\n" is one Character in Swift, and a newline: Windows line endings split too.
    var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .map(String.init)
    if lines.last == "" { lines.removeLast() }
    var index = 0
    while index < lines.count {
      guard let fence = Fence(opening: lines[index]) else {
        prose.append(lines[index])
        index += 1
        continue
      }
      let fenceLine = index + 1
      guard let close = lines[(index + 1)...].firstIndex(where: fence.isClosed(by:)) else {
        throw BookError.unclosedFence(path: path, line: fenceLine)
      }
      if fence.isSwift {
        if !prose.isEmpty { blocks.append(.prose(prose)) }
        prose = []
        blocks.append(.cell(code: Array(lines[(index + 1)..<close]), line: fenceLine + 1))
      } else {
        prose += lines[index...close]
      }
      index = close + 1
    }
    if !prose.isEmpty { blocks.append(.prose(prose)) }
    self.init(path: path, blocks: blocks)
  }
}

extension String {
  func trimmingSpaces() -> String {
    var result = Substring(self)
    while result.first == " " || result.first == "\t" { result.removeFirst() }
    while result.last == " " || result.last == "\t" || result.last == "\r" { result.removeLast() }
    return String(result)
  }
}

/// What can go wrong while rendering the book; each names the file (and line) at fault.
public enum BookError: Error, Equatable, CustomStringConvertible {
  case unclosedFence(path: String, line: Int)
  case unreadable(path: String, reason: String)
  case noChapters(directory: String)
  case compileFailed(diagnostics: String)
  case cellFailed(CellFailure)
  case noProjectRoot(searchedFrom: String)
  case badTryThis(path: String, line: Int, reason: String)
  case badFigure(path: String, line: Int, reason: String)
  case commandFailed(command: String, status: Int32, output: String)

  public var description: String {
    switch self {
    case .unclosedFence(let path, let line):
      return "\(path):\(line): error: this ``` fence is never closed"
    case .unreadable(let path, let reason):
      return "\(path): error: cannot read: \(reason)"
    case .noChapters(let directory):
      return "\(directory): error: no chapter notebooks (*.md) found"
    case .compileFailed(let diagnostics):
      return "error: the code cells do not compile:\n\(diagnostics)"
    case .cellFailed(let failure):
      return failure.description
    case .noProjectRoot(let start):
      return "error: no project folder (one with Package.swift and Chapters/) at or above "
        + "\(start). Run `make book` in the project folder, or, in Xcode, set the book "
        + "scheme's working directory to it (Product > Scheme > Edit Scheme > Run > Options)."
    case .badTryThis(let path, let line, let reason):
      return "\(path):\(line): error: try-this: \(reason)"
    case .badFigure(let path, let line, let reason):
      return "\(path):\(line): error: figure: \(reason)"
    case .commandFailed(let command, let status, let output):
      return "error: `\(command)` failed with status \(status)\n\(output)"
    }
  }
}
