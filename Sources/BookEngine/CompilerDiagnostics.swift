import Foundation

// Compiler errors in a cell, reported against the notebook: the generated program's quoted
// lines are replaced by the notebook's own.

extension Renderer {
  /// The compiler's error diagnostics, once each. An error located in a notebook is shown with
  /// that notebook's own lines (the compiler would quote the generated program); any other
  /// keeps the compiler's quoted source. `notebooks` maps a path to its lines.
  static func errorDiagnostics(in output: String, notebooks: [String: [String]] = [:]) -> String {
    var blocks: [String] = []
    var current: [Substring]? = nil
    func finish() {
      guard let block = current else { return }
      blocks.append(Self.withNotebookSnippet(block, notebooks: notebooks))
      current = nil
    }
    for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.contains("error:") && !line.hasPrefix(" ") && !line.contains("command failed") {
        finish()
        current = [line]
      } else if current != nil, line.hasPrefix(" ") || line.first?.isNumber == true {
        current?.append(line)  // the quoted source and the caret under it
      } else {
        finish()
      }
    }
    finish()
    var seen = Set<String>()
    return blocks.filter { seen.insert($0).inserted }.joined(separator: "\n")
  }

  /// "path:line:column: error: message" with the notebook's lines line − 2 … line + 1 and a
  /// caret under the column, or the block unchanged when the path is not a notebook's.
  static func withNotebookSnippet(_ block: [Substring], notebooks: [String: [String]]) -> String {
    let header = String(block[0])
    let parts = header.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
    guard parts.count == 5, let lines = notebooks[String(parts[0])],
      let line = Int(parts[1]), let column = Int(parts[2]), (1...lines.count).contains(line)
    else { return block.joined(separator: "\n") }
    let message = parts[4].trimmingCharacters(in: .whitespaces)
    let shown = max(1, line - 2)...min(lines.count, line + 1)
    let width = String(shown.upperBound).count
    var snippet = [header]
    for number in shown {
      let isFence = Fence(opening: lines[number - 1]) != nil
      if isFence && number != line { continue }  // the cell's own lines only
      let label = String(repeating: " ", count: width - String(number).count) + String(number)
      snippet.append("\(label) | \(lines[number - 1])")
      if number == line {
        snippet.append(
          String(repeating: " ", count: width) + " | "
            + String(repeating: " ", count: max(0, column - 1)) + "^ " + message)
      }
    }
    return snippet.joined(separator: "\n")
  }
}
