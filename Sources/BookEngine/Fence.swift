/// A fenced code block's opening line, as CommonMark defines it: three or more backticks or
/// tildes, then an info string whose first word names the language ("```swift", "~~~ Swift").
struct Fence: Equatable {
  var character: Character
  var length: Int
  var info: String

  /// The fence that `line` opens, or nil if it opens none.
  init?(opening line: String) {
    let trimmed = line.trimmingSpaces()
    guard let first = trimmed.first, first == "`" || first == "~" else { return nil }
    let length = trimmed.prefix(while: { $0 == first }).count
    let info = String(trimmed.dropFirst(length)).trimmingSpaces()
    guard length >= 3, !(first == "`" && info.contains("`")) else { return nil }
    self.init(character: first, length: length, info: info)
  }

  init(character: Character, length: Int, info: String) {
    self.character = character
    self.length = length
    self.info = info
  }

  /// Whether `line` closes this fence: the same character, at least as many, nothing else.
  func isClosed(by line: String) -> Bool {
    let trimmed = line.trimmingSpaces()
    return trimmed.count >= length && trimmed.allSatisfy { $0 == character }
  }

  /// Whether the block is Swift: a code cell of the notebook.
  var isSwift: Bool {
    info.split(separator: " ").first?.lowercased() == "swift"
  }
}
