import Foundation

extension Renderer {
  /// Where `make try-this` keeps its copy of the project (inside `.build`, never committed).
  var tryThisProject: URL { root.appending(path: ".build/try-this/project") }

  /// Checks every notebook's try-this: the prose quotes the promised failure, and on a scratch
  /// copy of the project with the change applied, the command fails with that failure first.
  /// Returns one line per check; throws at the first that does not hold.
  public func checkTryThis(log: (String) -> Void = { _ in }) throws {
    let notebooks = try readNotebooks()
    var checks: [(TryThis, prose: String)] = []
    for notebook in notebooks {
      let text = try String(contentsOf: root.appending(path: notebook.path), encoding: .utf8)
      let prose = Self.textOutsideTryThisComments(text)
      for check in try TryThis.all(in: text, path: notebook.path) {
        guard Self.collapsingSpaces(prose).contains(Self.collapsingSpaces(check.firstFailure))
        else {
          throw BookError.badTryThis(
            path: check.path, line: check.line,
            reason: "the prose does not quote the promised failure \"\(check.firstFailure)\"")
        }
        checks.append((check, prose))
      }
    }
    for (check, _) in checks {
      log("\(check.path): applying the try-this to \(check.file) and running `\(check.run)`…")
      try synchronizeScratchProject()
      let file = tryThisProject.appending(path: check.file)
      guard let original = try? String(contentsOf: file, encoding: .utf8) else {
        throw BookError.badTryThis(
          path: check.path, line: check.line, reason: "cannot read \(check.file)")
      }
      let occurrences = original.components(separatedBy: check.replace).count - 1
      guard occurrences == 1 else {
        throw BookError.badTryThis(
          path: check.path, line: check.line,
          reason: "\"\(check.replace)\" occurs \(occurrences) times in \(check.file), not once")
      }
      try Data(original.replacingOccurrences(of: check.replace, with: check.with).utf8)
        .write(to: file)
      defer { try? Data(original.utf8).write(to: file) }
      let result = try run("sh", ["-c", check.run], in: tryThisProject)
      let first = TryThis.firstFailure(in: result.output)
      guard result.status != 0, let first, first.contains(check.firstFailure) else {
        throw BookError.badTryThis(
          path: check.path, line: check.line,
          reason: "after the change, `\(check.run)` "
            + (result.status == 0 ? "passed" : "failed first with:\n\(first ?? result.output)")
            + "\nwhere the notebook promises a first failure containing:\n\(check.firstFailure)")
      }
      log("\(check.path):\(check.line): ok: \(first)")
    }
    log("\(checks.count) try-this checks passed.")
  }

  /// `text` with every run of spaces and line breaks made one space: prose may wrap a quote.
  static func collapsingSpaces(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0.isNewline }).joined(separator: " ")
  }

  /// The notebook without its try-this comments: what a reader sees.
  static func textOutsideTryThisComments(_ text: String) -> String {
    var kept: [Substring] = []
    var inside = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = String(line).trimmingSpaces()
      if trimmed == "<!-- try-this" { inside = true }
      if !inside { kept.append(line) }
      if inside && trimmed == "-->" { inside = false }
    }
    return kept.joined(separator: "\n")
  }

  /// Makes the scratch project's Package.swift, Sources/ and Tests/ equal to the project's,
  /// rewriting only files that differ, so that its build stays incremental.
  func synchronizeScratchProject() throws {
    let fileManager = FileManager.default
    var wanted = Set<String>()
    for top in ["Package.swift", "Sources", "Tests"] {
      let source = root.appending(path: top)
      var isFolder: ObjCBool = false
      _ = fileManager.fileExists(atPath: source.path, isDirectory: &isFolder)
      var files = [top]
      if isFolder.boolValue, let enumerator = fileManager.enumerator(atPath: source.path) {
        files = enumerator.compactMap { $0 as? String }.map { "\(top)/\($0)" }
      }
      for file in files {
        var isDirectory: ObjCBool = false
        let path = root.appending(path: file).path
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory),
          !isDirectory.boolValue, let data = fileManager.contents(atPath: path)
        else { continue }
        wanted.insert(file)
        let copy = tryThisProject.appending(path: file)
        if fileManager.contents(atPath: copy.path) == data { continue }
        try fileManager.createDirectory(
          at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: copy)
      }
    }
    for top in ["Sources", "Tests"] {
      let copies = fileManager.enumerator(atPath: tryThisProject.appending(path: top).path)
      for case let file as String in copies?.allObjects ?? [] {
        let copy = tryThisProject.appending(path: "\(top)/\(file)")
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: copy.path, isDirectory: &isDirectory),
          !isDirectory.boolValue, !wanted.contains("\(top)/\(file)")
        {
          try fileManager.removeItem(at: copy)
        }
      }
    }
  }
}
