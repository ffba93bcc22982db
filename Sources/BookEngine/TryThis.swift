import Foundation

/// A notebook's "Try this": a one-line change to the sources, the command to run, and the
/// failure the prose promises. It is written in the notebook right under the prose, as an HTML
/// comment that GitHub does not show:
///
///     <!-- try-this
///     file: Sources/SelfAttention/ScaledDotProductAttention.swift
///     replace: Double(keys.columns).squareRoot()
///     with: Double(keys.columns)
///     run: swift test --filter Chapter2 --no-parallel --quiet
///     first failure: Step 3: scaled scores: row 1, column 1 is 1.75 where 14 was expected
///     -->
///
/// `make try-this` applies each change to a scratch copy of the project, runs the command, and
/// checks that it fails, that its first failure contains the quoted text, and that the prose
/// of the notebook quotes the same text.
public struct TryThis: Equatable, Sendable {
  public var path: String
  /// The notebook line where the comment starts.
  public var line: Int
  public var file: String
  public var replace: String
  public var with: String
  public var run: String
  public var firstFailure: String

  /// Every try-this comment in `text`, in order. Throws, naming the line, on a comment that
  /// lacks a field.
  public static func all(in text: String, path: String) throws -> [TryThis] {
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .map(String.init)
    var found: [TryThis] = []
    var index = 0
    while index < lines.count {
      guard lines[index].trimmingSpaces() == "<!-- try-this" else {
        index += 1
        continue
      }
      let start = index + 1
      var fields: [String: String] = [:]
      index += 1
      while index < lines.count, lines[index].trimmingSpaces() != "-->" {
        if let colon = lines[index].range(of: ": ") {
          fields[String(lines[index][..<colon.lowerBound]).trimmingSpaces()] = String(
            lines[index][colon.upperBound...])
        }
        index += 1
      }
      let names = ["file", "replace", "with", "run", "first failure"]
      if let missing = names.first(where: { fields[$0] == nil }) {
        throw BookError.badTryThis(path: path, line: start, reason: "no \"\(missing):\" line")
      }
      found.append(
        TryThis(
          path: path, line: start, file: fields["file"]!, replace: fields["replace"]!,
          with: fields["with"]!, run: fields["run"]!, firstFailure: fields["first failure"]!))
      index += 1
    }
    return found
  }

  /// The first line of a Swift Testing run that reports a failure ("✘ Test … recorded an
  /// issue …"), or nil.
  public static func firstFailure(in output: String) -> String? {
    output.split(separator: "\n").first {
      $0.hasPrefix("✘ Test ") && $0.contains(" recorded an issue")
    }.map(String.init)
  }
}
