import Foundation

/// Renders the book: reads `Chapters/*.md`, builds every chapter's cells into one program per
/// chapter, runs them, and writes `book.md` and `figures/`.
///
/// Nothing is written unless every cell compiled and ran: on any error the previous book and
/// figures stay as they were.
public struct Renderer {
  /// The project root (where `Package.swift` and `Chapters/` are).
  public var root: URL
  /// Where the generated package of cell programs lives (inside `.build`, never committed).
  public var cellsPackage: URL { root.appending(path: ".build/book-cells") }

  /// The `swift` command that builds the cells: `$SWIFT` if set (the Makefile sets it, so
  /// `make book SWIFT=/path/to/swift` uses one toolchain throughout), else `swift` on the PATH.
  var swift: String { ProcessInfo.processInfo.environment["SWIFT"] ?? "swift" }

  /// How the cells are built: "release" unless `BOOK_CONFIGURATION` says "debug". Release runs
  /// Chapter 8's training many times faster; the `#sourceLocation` mapping, and so the notebook
  /// lines in compiler errors and trap reports, work the same in both.
  var configuration: String {
    ProcessInfo.processInfo.environment["BOOK_CONFIGURATION"] == "debug" ? "debug" : "release"
  }

  public init(root: URL) {
    self.root = root
  }

  /// The project folder: the first of `start` and its parents that holds both Package.swift
  /// and Chapters/, or nil.
  public static func findRoot(from start: URL) -> URL? {
    var folder = start.standardizedFileURL
    while true {
      let manifest = folder.appending(path: "Package.swift").path
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: manifest),
        FileManager.default.fileExists(
          atPath: folder.appending(path: "Chapters").path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        return folder
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return nil }
      folder = parent
    }
  }

  public func render(log: (String) -> Void = { _ in }) throws {
    let notebooks = try readNotebooks()
    log("Building the cells of \(notebooks.count) notebooks…")
    let targets = try writeCellsPackage(notebooks)
    var build = try run(
      swift, ["build", "--package-path", cellsPackage.path, "-c", configuration], in: root)
    if build.status != 0 && build.output.contains("error: no such module") {
      // After the project's manifest gains a module, SwiftPM can keep using the cells package's
      // old build plan and not find it. Dropping that plan and building again fixes it.
      for file in ["\(configuration).yaml", "build.db"] {
        try? FileManager.default.removeItem(at: cellsPackage.appending(path: ".build/\(file)"))
      }
      build = try run(
        swift, ["build", "--package-path", cellsPackage.path, "-c", configuration], in: root)
    }
    guard build.status == 0 else {
      var sources: [String: [String]] = [:]
      for notebook in notebooks {
        let text = (try? String(contentsOf: root.appending(path: notebook.path), encoding: .utf8))
        sources[notebook.path] = text.map {
          $0.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        }
      }
      let errors = Self.errorDiagnostics(in: build.output, notebooks: sources)
      throw BookError.compileFailed(diagnostics: errors.isEmpty ? build.output : errors)
    }
    let binPath = try run(
      swift,
      ["build", "--package-path", cellsPackage.path, "-c", configuration, "--show-bin-path"],
      in: root
    ).output.trimmingCharacters(in: .whitespacesAndNewlines)

    var chapters: [RenderedChapter] = []
    for (notebook, target) in zip(notebooks, targets) {
      log("Running \(notebook.path)…")
      chapters.append(
        RenderedChapter(
          notebook: notebook, outputs: try runCells(of: notebook, program: "\(binPath)/\(target)")
        ))
    }
    let book = try BookDocument.render(chapters)
    try write(markdown: book.markdown, figures: book.figures)
    log("Wrote book.md and \(book.figures.count) figures.")
  }

  func readNotebooks() throws -> [Notebook] {
    let directory = root.appending(path: "Chapters")
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasSuffix(".md") }.sorted()
    } catch {
      throw BookError.unreadable(path: "Chapters", reason: "\(error.localizedDescription)")
    }
    guard !names.isEmpty else { throw BookError.noChapters(directory: "Chapters") }
    return try names.map { name in
      let path = "Chapters/\(name)"
      guard let data = FileManager.default.contents(atPath: root.appending(path: path).path),
        let text = String(data: data, encoding: .utf8)
      else { throw BookError.unreadable(path: path, reason: "not a readable UTF-8 file") }
      return try Notebook(path: path, text: text)
    }
  }

  /// Writes the generated package; a file is rewritten only when its contents change, so an
  /// unchanged chapter is not compiled again.
  func writeCellsPackage(_ notebooks: [Notebook]) throws -> [String] {
    let targets = notebooks.map { CellProgram.targetName(for: $0.path) }
    let manifest = CellProgram.packageManifest(
      targets: targets, projectPath: "../..",
      projectIdentity: root.standardizedFileURL.lastPathComponent.lowercased())
    try writeIfChanged(manifest, to: cellsPackage.appending(path: "Package.swift"))
    for (notebook, target) in zip(notebooks, targets) {
      try writeIfChanged(
        CellProgram.mainSource(for: notebook),
        to: cellsPackage.appending(path: "\(target)/main.swift"))
    }
    return targets
  }

  func runCells(of notebook: Notebook, program: String, arguments: [String] = []) throws
    -> [CellOutput]
  {
    let cellLines = notebook.cells.map(\.line)
    let result = try run(
      program, arguments, in: root, separateStandardError: true, backtrace: true)
    let segments = try CellOutput.segments(
      of: result.output, path: notebook.path, cellLines: cellLines)
    guard result.status == 0, result.signal == nil, segments.count == cellLines.count + 1 else {
      let cell = max(1, min(segments.count, cellLines.count))
      throw BookError.cellFailed(
        CellFailure(
          path: notebook.path, cell: cell, cellLine: cellLines.isEmpty ? 1 : cellLines[cell - 1],
          line: CellFailure.line(in: result.standardError, of: notebook.path),
          ending: CellFailure.ending(signal: result.signal, status: result.status),
          message: CellFailure.message(fromStandardError: result.standardError),
          printed: segments.count >= cell ? segments[cell - 1].text : ""))
    }
    return Array(segments.dropLast())
  }

  /// Replaces book.md and figures/ only after both are fully written beside them.
  func write(markdown: String, figures: [String: String]) throws {
    let fileManager = FileManager.default
    let book = root.appending(path: "book.md")
    let figuresDirectory = root.appending(path: BookDocument.figureDirectory)
    let newFigures = root.appending(path: ".build/book-figures.new")
    let oldFigures = root.appending(path: ".build/book-figures.old")
    for url in [newFigures, oldFigures] where fileManager.fileExists(atPath: url.path) {
      try fileManager.removeItem(at: url)
    }
    try fileManager.createDirectory(at: newFigures, withIntermediateDirectories: true)
    for (name, svg) in figures {
      try Data(svg.utf8).write(to: newFigures.appending(path: name))
    }
    let newBook = root.appending(path: ".build/book.md.new")
    try Data(markdown.utf8).write(to: newBook)

    if fileManager.fileExists(atPath: figuresDirectory.path) {
      try fileManager.moveItem(at: figuresDirectory, to: oldFigures)
    }
    try fileManager.moveItem(at: newFigures, to: figuresDirectory)
    // rename(2) replaces book.md in one step: a reader sees the old book or the new one.
    guard rename(newBook.path, book.path) == 0 else {
      throw BookError.unreadable(path: "book.md", reason: "cannot replace it (errno \(errno))")
    }
    if fileManager.fileExists(atPath: oldFigures.path) {
      try fileManager.removeItem(at: oldFigures)
    }
  }

  private func writeIfChanged(_ text: String, to url: URL) throws {
    let data = Data(text.utf8)
    if FileManager.default.contents(atPath: url.path) == data { return }
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }

  /// Runs a command and waits for it. Standard error goes to `output` too unless
  /// `separateStandardError`. With `backtrace`, a trap prints the Swift runtime's symbolicated
  /// backtrace of the crashed thread (which names the notebook line, through the cell
  /// program's `#sourceLocation`); without it, none. `signal` is set when a signal ended it.
  func run(
    _ command: String, _ arguments: [String], in directory: URL,
    separateStandardError: Bool = false, backtrace: Bool = false
  ) throws -> (status: Int32, signal: Int32?, output: String, standardError: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [command] + arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] =
      backtrace
      ? "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,"
        + "sanitize=no,limit=64"
      : "enable=no"
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    let errorFile = FileManager.default.temporaryDirectory.appending(
      path: "book-stderr-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errorFile) }
    let errorHandle = try FileHandle(forWritingTo: errorFile)
    process.standardError = separateStandardError ? errorHandle : output
    do {
      try process.run()
    } catch {
      throw BookError.commandFailed(
        command: ([command] + arguments).joined(separator: " "), status: -1,
        output: "\(error.localizedDescription)")
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errorHandle.close()
    let standardError = FileManager.default.contents(atPath: errorFile.path) ?? Data()
    let signal = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
    return (
      process.terminationStatus, signal, String(decoding: data, as: UTF8.self),
      String(decoding: standardError, as: UTF8.self)
    )
  }
}
