import Testing

@testable import BookEngine

/// The "Try this" of each notebook is checked by `make try-this`; these tests cover how it is
/// read from the notebook and how the first failure is found in a test run's output.
@Suite("Try this: read from the notebook, checked against the first failure")
struct TryThisTests {
  let notebook = """
    Try this: change it and run `swift test --filter Chapter2`. The first failure reads
    "Step 3: scaled scores: row 1, column 1 is 1.75
    where 14 was expected".

    <!-- try-this
    file: Sources/A.swift
    replace: x.squareRoot()
    with: x
    run: swift test --filter Chapter2 --no-parallel --quiet
    first failure: Step 3: scaled scores: row 1, column 1 is 1.75 where 14 was expected
    -->
    """

  @Test func theCommentGivesEveryField() throws {
    #expect(
      try TryThis.all(in: notebook, path: "Chapters/02-x.md") == [
        TryThis(
          path: "Chapters/02-x.md", line: 5, file: "Sources/A.swift", replace: "x.squareRoot()",
          with: "x", run: "swift test --filter Chapter2 --no-parallel --quiet",
          firstFailure: "Step 3: scaled scores: row 1, column 1 is 1.75 where 14 was expected")
      ])
  }

  @Test func aMissingFieldIsAnErrorAtTheComment() {
    let text = "Prose.\n<!-- try-this\nfile: A.swift\nreplace: a\nwith: b\n-->\n"
    #expect(throws: BookError.badTryThis(path: "N.md", line: 2, reason: "no \"run:\" line")) {
      try TryThis.all(in: text, path: "N.md")
    }
  }

  @Test func theProseMayWrapTheQuoteButMustContainIt() throws {
    let prose = Renderer.textOutsideTryThisComments(notebook)
    #expect(!prose.contains("first failure:"))
    let quote = try #require(try TryThis.all(in: notebook, path: "N.md").first).firstFailure
    #expect(Renderer.collapsingSpaces(prose).contains(quote))
    #expect(
      !Renderer.collapsingSpaces(prose).contains(quote.replacingOccurrences(of: "14", with: "8")))
  }

  @Test func theFirstFailureIsTheFirstRecordedIssue() {
    let output = """
      ◇ Test run started.
      ✔ Test a() passed after 0.001 seconds.
      ✘ Test b() recorded an issue at X.swift:3:5: Caught error: Step 3: first
      ↳ got:
      ✘ Test c() recorded an issue at X.swift:9:5: Caught error: Step 4: second
      ✘ Test run with 3 tests in 1 suite failed after 0.1 seconds with 2 issues.
      """
    #expect(
      TryThis.firstFailure(in: output)
        == "✘ Test b() recorded an issue at X.swift:3:5: Caught error: Step 3: first")
    #expect(TryThis.firstFailure(in: "✔ Test run with 3 tests passed") == nil)
  }
}
