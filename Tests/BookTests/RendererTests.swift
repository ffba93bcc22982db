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

  /// A temporary project folder holding an executable script `program` with `body`.
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
    let outputs = try renderer.runCells(of: notebook, program: program)
    #expect(outputs.map(\.text) == ["1", "two"])
  }

  @Test func aTrapNamesTheNotebookAndTheLineOfTheCellThatWasRunning() throws {
    // Cell 2 starts at line 8 of the notebook; the program stops there.
    let (renderer, program) = try project(
      program: "printf '\\036cell 1\\n1\\n\\036cell 2\\n'; echo 'Fatal error: boom' >&2; "
        + "echo 'Current stack trace:' >&2; echo '0 libswiftCore.so' >&2; exit 134")
    defer { try? FileManager.default.removeItem(at: renderer.root) }
    #expect(
      throws: BookError.cellFailed(
        path: "Chapters/07-x.md", line: 8, cell: 2, status: 134,
        standardError: "Fatal error: boom\n")
    ) {
      try renderer.runCells(of: notebook, program: program)
    }
  }

  @Test func aTrapInAMiddleCellNamesThatCell() throws {
    let threeCells = try Notebook(
      path: "Chapters/07-x.md",
      text:
        "# X\n\n```swift\nprint(1)\n```\n\n```swift\nfatalError()\n```\n\n```swift\nprint(3)\n```\n"
    )
    let (renderer, program) = try project(
      program: "printf '\\036cell 1\\n1\\n\\036cell 2\\n'; echo 'Fatal error: boom' >&2; exit 134")
    defer { try? FileManager.default.removeItem(at: renderer.root) }
    #expect(
      throws: BookError.cellFailed(
        path: "Chapters/07-x.md", line: 8, cell: 2, status: 134,
        standardError: "Fatal error: boom\n")
    ) { try renderer.runCells(of: threeCells, program: program) }
  }

  @Test func aProgramThatExitsEarlyWithSuccessIsStillAnError() throws {
    let (renderer, program) = try project(program: "printf '\\036cell 1\\n'; exit 0")
    defer { try? FileManager.default.removeItem(at: renderer.root) }
    #expect(throws: BookError.self) { try renderer.runCells(of: notebook, program: program) }
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
