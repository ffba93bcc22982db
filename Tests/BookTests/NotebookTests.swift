import BookEngine
import Foundation
import Testing

@Suite("Notebooks: prose and Swift cells")
struct NotebookTests {
  let text = """
    # Chapter 9: Test

    Prose.

    ```swift
    let a = 1
    print(a)
    ```

    ```sh
    swift test
    ```
    ```swift
    print(a + 1)
    ```
    """

  @Test func cellsAndTheirLineNumbers() throws {
    let notebook = try Notebook(path: "Chapters/09-test.md", text: text)
    #expect(notebook.cells.count == 2)
    // The first code line of cell 1 is line 6 of the file, of cell 2 line 14.
    #expect(notebook.cells[0].line == 6)
    #expect(notebook.cells[0].code == ["let a = 1", "print(a)"])
    #expect(notebook.cells[1].line == 14)
    #expect(notebook.cells[1].code == ["print(a + 1)"])
  }

  @Test func windowsLineEndings() throws {
    let notebook = try Notebook(
      path: "x.md", text: text.replacingOccurrences(of: "\n", with: "\r\n"))
    #expect(notebook.cells.map(\.code) == [["let a = 1", "print(a)"], ["print(a + 1)"]])
  }

  @Test func otherFencesStayProse() throws {
    let notebook = try Notebook(path: "x.md", text: text)
    guard case .prose(let lines) = notebook.blocks[2] else {
      Issue.record("expected prose, got \(notebook.blocks[2])")
      return
    }
    #expect(lines == ["", "```sh", "swift test", "```"])
  }

  @Test func everySwiftFenceIsACell() throws {
    let variants = ["```swift", "``` swift", "```Swift", "```swift title", "~~~swift", "````swift"]
    for opening in variants {
      let closing = opening.hasPrefix("~") ? "~~~" : String(opening.prefix(while: { $0 == "`" }))
      let notebook = try Notebook(path: "x.md", text: "\(opening)\nprint(1)\n\(closing)\n")
      #expect(notebook.cells.map(\.code) == [["print(1)"]], "\(opening)")
    }
  }

  @Test func aLongerFenceCanHoldAShorterOne() throws {
    let notebook = try Notebook(
      path: "x.md", text: "````swift\nlet s = \"\"\"\n```\n\"\"\"\n````\n")
    #expect(notebook.cells.map(\.code) == [["let s = \"\"\"", "```", "\"\"\""]])
  }

  @Test func unclosedFenceNamesFileAndLine() {
    #expect(throws: BookError.unclosedFence(path: "Chapters/x.md", line: 3)) {
      try Notebook(path: "Chapters/x.md", text: "# T\n\n```swift\nlet a = 1\n")
    }
  }

  @Test func generatedProgramMapsEachCellBackToItsNotebookLine() throws {
    let notebook = try Notebook(path: "Chapters/09-test.md", text: text)
    let source = CellProgram.mainSource(for: notebook)
    #expect(
      source.contains(
        "_bookBeginCell(1)\n#sourceLocation(file: \"Chapters/09-test.md\", line: 6)\nlet a = 1\nprint(a)\n#sourceLocation()"
      ))
    #expect(
      source.contains(
        "_bookBeginCell(2)\n#sourceLocation(file: \"Chapters/09-test.md\", line: 14)\nprint(a + 1)\n#sourceLocation()\n_bookBeginCell(3)"
      ))
  }

  @Test func manifestNamesTheProjectProduct() {
    let manifest = CellProgram.packageManifest(
      targets: ["Chapter01"], projectPath: "../..", projectIdentity: "main")
    #expect(manifest.contains(".package(path: \"../..\")"))
    #expect(manifest.contains("package: \"main\""))
    #expect(manifest.contains(".executableTarget(name: \"Chapter01\""))
    #expect(
      CellProgram.targetName(for: "Chapters/02-self-attention.md") == "Cells_02_self_attention")
  }
}
