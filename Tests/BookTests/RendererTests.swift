import Foundation
import Testing

@testable import BookEngine

/// The renderer's handling of a cell program that stops, with a stand-in program (a shell
/// script) so that no Swift build is needed.
@Suite("Renderer: failures name the notebook and cell, and write nothing")
struct RendererTests {
  let notebook = try! Notebook(
    path: "Chapters/07-x.md",
    text: "# X\n\n```swift\nprint(1)\n```\n\n```swift\nfatalError()\n```\n")

  /// A temporary project folder holding a shell script `program` with `body`. The tests run it
  /// as `/bin/sh program`, not as an executable: executing a file this process has just written
  /// fails with "Text file busy" when another test forks at that moment.
  func project(program body: String) throws -> (renderer: Renderer, program: String) {
    let root = FileManager.default.temporaryDirectory.appending(
      path: "renderer-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let program = root.appending(path: "program").path
    try Data("#!/bin/sh\n\(body)\n".utf8).write(to: URL(fileURLWithPath: program))
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program)
    return (Renderer(root: root), program)
  }

  @Test func aProgramThatRunsToTheEndGivesOneOutputPerCell() throws {
    let (renderer, program) = try project(
      program: "printf '\\036cell 1\\n1\\n\\036cell 2\\ntwo\\n\\036cell 3\\n'")
    defer { try? FileManager.default.removeItem(at: renderer.root) }
    let outputs = try renderer.runCells(of: notebook, program: "/bin/sh", arguments: [program])
    #expect(outputs.map(\.text) == ["1", "two"])
  }

  @Test func aTrapIsReportedAtTheExactNotebookLineWithTheSignalAndTheCellsOutput() throws {
    // Cell 2 starts at line 8; the runtime's backtrace names line 9 of the notebook (a frame
    // in the library comes first and is skipped). The program kills itself with SIGILL, as a
    // Swift trap does on x86-64.
    let (renderer, program) = try project(
      program: "printf '\\036cell 1\\n1\\n\\036cell 2\\npartial\\n'; "
        + "echo 'Matrix/Matmul.swift:43: Fatal error: boom' >&2; echo >&2; "
        + "echo '*** Signal 4: Backtracing from 0x1... done ***' >&2; "
        + "echo '0 0x1 checkPrecondition + 12 in Matrix at Matrix/Precondition.swift:14:5' >&2; "
        + "echo '1 [ra] 0x2 main + 475 in Cells at Chapters/07-x.md:9:10' >&2; kill -ILL $$")
    defer { try? FileManager.default.removeItem(at: renderer.root) }
    let expected = CellFailure(
      path: "Chapters/07-x.md", cell: 2, cellLine: 8, line: 9,
      ending: "signal 4, SIGILL: a Swift runtime trap (fatalError, a failed precondition, an "
        + "index out of range, …)",
      message: "Matrix/Matmul.swift:43: Fatal error: boom", printed: "partial")
    #expect(throws: BookError.cellFailed(expected)) {
      try renderer.runCells(of: notebook, program: "/bin/sh", arguments: [program])
    }
    #expect(
      expected.description.hasPrefix(
        "Chapters/07-x.md:9: error: this line stopped the program (cell 2, which starts at "
          + "line 8): signal 4, SIGILL"))
    #expect(expected.description.hasSuffix("The cell printed this before it stopped:\n  partial"))
  }

  @Test func withoutABacktraceLineTheCellsFirstLineIsReported() throws {
    let threeCells = try Notebook(
      path: "Chapters/07-x.md",
      text:
        "# X\n\n```swift\nprint(1)\n```\n\n```swift\nfatalError()\n```\n\n```swift\nprint(3)\n```\n"
    )
    let (renderer, program) = try project(
      program: "printf '\\036cell 1\\n1\\n\\036cell 2\\n'; echo 'Fatal error: boom' >&2; exit 134")
    defer { try? FileManager.default.removeItem(at: renderer.root) }
    let failure = CellFailure(
      path: "Chapters/07-x.md", cell: 2, cellLine: 8, line: nil, ending: "exit status 134",
      message: "Fatal error: boom", printed: "")
    #expect(throws: BookError.cellFailed(failure)) {
      try renderer.runCells(of: threeCells, program: "/bin/sh", arguments: [program])
    }
    #expect(
      failure.description
        == "Chapters/07-x.md:8: error: the program stopped (cell 2, which starts at line 8): "
        + "exit status 134\nFatal error: boom")
  }

  @Test func aProgramThatRanEveryCellButExitedWithAnErrorIsAnError() throws {
    let (renderer, program) = try project(
      program: "printf '\\036cell 1\\n1\\n\\036cell 2\\ntwo\\n\\036cell 3\\n'; exit 3")
    defer { try? FileManager.default.removeItem(at: renderer.root) }
    #expect(
      throws: BookError.cellFailed(
        CellFailure(
          path: "Chapters/07-x.md", cell: 2, cellLine: 8, line: nil, ending: "exit status 3",
          message: "", printed: "two"))
    ) { try renderer.runCells(of: notebook, program: "/bin/sh", arguments: [program]) }
  }

  @Test func aProgramThatExitsEarlyWithSuccessIsStillAnError() throws {
    let (renderer, program) = try project(program: "printf '\\036cell 1\\n'; exit 0")
    defer { try? FileManager.default.removeItem(at: renderer.root) }
    #expect(throws: BookError.self) {
      try renderer.runCells(of: notebook, program: "/bin/sh", arguments: [program])
    }
  }

  @Test func compilerErrorsKeepTheirQuotedSourceOnce() {
    let output = """
      Building for debugging...
      Chapters/01-x.md:5:3: error: cannot find 'y' in scope
      3 | let x = 1
      4 | print(x)
      5 | y
        | `- error: cannot find 'y' in scope
      error: emit-module command failed with exit code 1 (use -v to see invocation)
      Chapters/01-x.md:5:3: error: cannot find 'y' in scope
      3 | let x = 1
      4 | print(x)
      5 | y
        | `- error: cannot find 'y' in scope
      [3/4] Compiling
      """
    #expect(
      Renderer.errorDiagnostics(in: output) == """
        Chapters/01-x.md:5:3: error: cannot find 'y' in scope
        3 | let x = 1
        4 | print(x)
        5 | y
          | `- error: cannot find 'y' in scope
        """)
  }

  @Test func compilerErrorsInANotebookQuoteTheNotebooksLines() {
    // The compiler quotes the generated program (its line 12 and the #sourceLocation line);
    // the report quotes the notebook's lines 4 and 5, with a caret under column 3, and not the
    // fences on lines 3 and 6.
    let output = """
      Chapters/01-x.md:5:3: error: cannot find 'y' in scope
      10 | #sourceLocation(file: "Chapters/01-x.md", line: 4)
      11 | print(x)
      12 | y
         | `- error: cannot find 'y' in scope
      """
    let notebook = ["# X", "", "```swift", "print(x)", "y", "```"]
    #expect(
      Renderer.errorDiagnostics(in: output, notebooks: ["Chapters/01-x.md": notebook]) == """
        Chapters/01-x.md:5:3: error: cannot find 'y' in scope
        4 | print(x)
        5 | y
          |   ^ cannot find 'y' in scope
        """)
  }

  @Test func theProjectFolderIsFoundFromAnyFolderInsideIt() throws {
    let (renderer, _) = try project(program: "")
    defer { try? FileManager.default.removeItem(at: renderer.root) }
    let root = renderer.root.standardizedFileURL
    let nested = root.appending(path: ".build/debug")
    for folder in [root.appending(path: "Chapters"), nested] {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    #expect(Renderer.findRoot(from: nested) == nil)  // no Package.swift yet
    try Data("// swift-tools-version: 6.2\n".utf8).write(to: root.appending(path: "Package.swift"))
    #expect(Renderer.findRoot(from: nested)?.path == root.path)
    #expect(Renderer.findRoot(from: root)?.path == root.path)
    #expect(
      "\(BookError.noProjectRoot(searchedFrom: "/tmp"))".hasPrefix(
        "error: no project folder (one with Package.swift and Chapters/) at or above /tmp."))
  }

  @Test func aFailedWriteLeavesTheOldBookAndFigures() throws {
    let (renderer, _) = try project(program: "")
    defer { try? FileManager.default.removeItem(at: renderer.root) }
    let root = renderer.root
    try FileManager.default.createDirectory(
      at: root.appending(path: ".build"), withIntermediateDirectories: true)
    try renderer.write(markdown: "old\n", figures: ["old.svg": "<svg/>\n"])
    // A figure in a folder that does not exist cannot be written: the write fails part way,
    // after the new book's text is known. The old book and figures must be untouched.
    #expect(throws: (any Error).self) {
      try renderer.write(markdown: "new\n", figures: ["a.svg": "<svg/>\n", "no/such.svg": ""])
    }
    #expect(try String(contentsOf: root.appending(path: "book.md"), encoding: .utf8) == "old\n")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: root.appending(path: "figures").path)
        == ["old.svg"])
  }

  @Test func writeReplacesTheBookAndTheFiguresWhole() throws {
    let (renderer, _) = try project(program: "")
    defer { try? FileManager.default.removeItem(at: renderer.root) }
    let root = renderer.root
    try FileManager.default.createDirectory(
      at: root.appending(path: ".build"), withIntermediateDirectories: true)
    try renderer.write(markdown: "old\n", figures: ["stale.svg": "<svg/>\n"])
    try renderer.write(markdown: "new\n", figures: ["a.svg": "<svg>a</svg>\n"])
    #expect(try String(contentsOf: root.appending(path: "book.md"), encoding: .utf8) == "new\n")
    let figures = try FileManager.default.contentsOfDirectory(
      atPath: root.appending(path: "figures").path)
    #expect(figures == ["a.svg"])
  }
}
