import Foundation

/// A cell program that stopped before its last cell: where, how, and what it printed first.
public struct CellFailure: Equatable, Sendable {
  /// The notebook, e.g. "Chapters/02-self-attention.md".
  public var path: String
  /// The cell that was running (counting from 1) and the notebook line where its code starts.
  public var cell: Int
  public var cellLine: Int
  /// The notebook line that stopped the program, from the runtime's backtrace; nil when the
  /// backtrace names no line of this notebook (then the cell's first line is reported).
  public var line: Int?
  /// How the program ended, e.g. "signal 4, SIGILL: a Swift runtime trap (…)" or "exit status 1".
  public var ending: String
  /// The runtime's message, e.g. "Fatal error: Index out of range".
  public var message: String
  /// What the cell printed before it stopped.
  public var printed: String

  public init(
    path: String, cell: Int, cellLine: Int, line: Int?, ending: String, message: String,
    printed: String
  ) {
    self.path = path
    self.cell = cell
    self.cellLine = cellLine
    self.line = line
    self.ending = ending
    self.message = message
    self.printed = printed
  }

  public var description: String {
    let at =
      line.map { "\(path):\($0): error: this line stopped the program" }
      ?? "\(path):\(cellLine): error: the program stopped"
    var text = at + " (cell \(cell), which starts at line \(cellLine)): \(ending)"
    if !message.isEmpty { text += "\n" + message }
    if !printed.isEmpty {
      text +=
        "\nThe cell printed this before it stopped:\n"
        + printed.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        .joined(separator: "\n")
    }
    return text
  }

  /// How a process ended, in words: a signal by name (a Swift trap is SIGILL on x86-64 and
  /// SIGTRAP on arm64), or its exit status.
  public static func ending(signal: Int32?, status: Int32) -> String {
    guard let signal else { return "exit status \(status)" }
    let names: [Int32: String] = [
      4:
        "SIGILL: a Swift runtime trap (fatalError, a failed precondition, an index out of range, …)",
      5:
        "SIGTRAP: a Swift runtime trap (fatalError, a failed precondition, an index out of range, …)",
      6: "SIGABRT: the program aborted",
      8: "SIGFPE: an arithmetic fault",
      9: "SIGKILL: killed from outside, perhaps for using too much memory",
      11: "SIGSEGV: an invalid memory access",
    ]
    return "signal \(signal), \(names[signal] ?? "an unexpected signal")"
  }

  /// The runtime's message from standard error: the lines before the backtrace.
  public static func message(fromStandardError text: String) -> String {
    var lines: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("*** ") || line.hasPrefix("Current stack trace:") { break }
      lines.append(line)
    }
    while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// The first line of `path` that the runtime's backtrace names (" at Chapters/x.md:57:10"),
  /// i.e. the innermost frame in the notebook.
  public static func line(in backtrace: String, of path: String) -> Int? {
    let marker = " at \(path):"
    for line in backtrace.split(separator: "\n") {
      guard let range = line.range(of: marker) else { continue }
      let digits = line[range.upperBound...].prefix(while: \.isNumber)
      if let number = Int(digits) { return number }
    }
    return nil
  }
}
