import Foundation
import Matrix

/// The words a model knows, each with an index: the rows of its embedding table, and the
/// columns of its output probabilities.
///
///     let english = Vocabulary(["a", "am", "i", "thanks", "student", "<eos>"])
///     try english.indices(of: "I am a student")   // [2, 1, 0, 4]
///     english.words(at: [2, 1, 0, 4, 5])          // ["i", "am", "a", "student", "<eos>"]
///
/// Two special tokens: `<eos>` ends a sentence, and `<unk>` stands for any word the vocabulary
/// lacks. A vocabulary that has `<unk>` maps unknown words to it; one without it throws
/// `VocabularyError.unknownWord`, naming the word.
public struct Vocabulary: Equatable, Sendable {
  public static let unknown = "<unk>"
  public static let endOfSentence = "<eos>"

  /// The words in index order.
  public let words: [String]
  private let indexByWord: [String: Int]

  /// A vocabulary of `words`, indexed from 0 in the order given. Traps on a repeated word, or on
  /// one with capital letters (the tokenizer lowercases text, so it could never be found).
  public init(_ words: [String]) {
    let problem = Self.problem(with: words)
    checkPrecondition(problem == nil, "Vocabulary: \(problem ?? "")")
    self.words = words
    self.indexByWord = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, $0) })
  }

  /// Why `words` cannot make a vocabulary, or nil if they can.
  private static func problem(with words: [String]) -> String? {
    var firstIndex: [String: Int] = [:]
    for (index, word) in words.enumerated() {
      if let first = firstIndex[word] {
        return "\"\(word)\" appears twice, at indices \(first) and \(index)"
      }
      if word != word.lowercased() {
        return "\"\(word)\" at index \(index) has capital letters, but text is lowercased"
      }
      firstIndex[word] = index
    }
    return nil
  }

  /// Reads a vocabulary from a text file with one word per line (blank lines are skipped).
  /// Throws `VocabularyError.unreadableFile` naming the file if it cannot be read as UTF-8.
  public init(contentsOfFile path: String) throws(VocabularyError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadableFile(path: path, reason: "no such file, or no permission to read it")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .unreadableFile(path: path, reason: "not UTF-8 text")
    }
    let words = text.split(whereSeparator: \.isNewline).map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    if let problem = Self.problem(with: words) {
      throw .unreadableFile(path: path, reason: problem)
    }
    self.init(words)
  }

  /// The number of words.
  public var count: Int { words.count }

  /// The index of `word`: its own, else that of `<unk>` if the vocabulary has it; otherwise
  /// throws `VocabularyError.unknownWord`.
  public func index(of word: String) throws(VocabularyError) -> Int {
    if let index = indexByWord[word] ?? indexByWord[Self.unknown] { return index }
    throw .unknownWord(word)
  }

  /// The indices of a sentence's tokens (see `tokenize(_:)`), in order.
  public func indices(of sentence: String) throws(VocabularyError) -> [Int] {
    var result: [Int] = []
    for token in tokenize(sentence) { result.append(try index(of: token)) }
    return result
  }

  /// The words at `indices`. Traps on an index outside the vocabulary.
  public func words(at indices: [Int]) -> [String] {
    indices.map { index in
      checkPrecondition(
        words.indices.contains(index),
        "Vocabulary: index \(index) is out of range for \(count) words")
      return words[index]
    }
  }
}

/// What goes wrong turning text into indices; each case names the word or file.
public enum VocabularyError: Error, Equatable, CustomStringConvertible {
  case unknownWord(String)
  case unreadableFile(path: String, reason: String)

  public var description: String {
    switch self {
    case .unknownWord(let word):
      return "the word \"\(word)\" is not in the vocabulary, which has no <unk> token"
    case .unreadableFile(let path, let reason):
      return "cannot read the vocabulary file \(path): \(reason)"
    }
  }
}

/// Splits a sentence into lowercase tokens: letters, digits and apostrophes make words, white
/// space separates them, a special token in angle brackets (`<eos>`) stays whole, and any other
/// character (punctuation) is a token of its own.
///
///     tokenize("Je suis étudiant.")   // ["je", "suis", "étudiant", "."]
///     tokenize("i am a student <eos>")   // ["i", "am", "a", "student", "<eos>"]
public func tokenize(_ sentence: String) -> [String] {
  let characters = Array(sentence.lowercased())
  func isWordCharacter(_ c: Character) -> Bool {
    c.isLetter || c.isNumber || c == "'" || c == "’"
  }
  var tokens: [String] = []
  var index = 0
  while index < characters.count {
    let character = characters[index]
    if isWordCharacter(character) {
      let end = characters[index...].firstIndex { !isWordCharacter($0) } ?? characters.count
      tokens.append(String(characters[index..<end]))
      index = end
    } else if character == "<",
      let close = characters[index...].firstIndex(of: ">"), close > index + 1,
      characters[(index + 1)..<close].allSatisfy({ $0.isLetter || $0 == "_" })
    {
      tokens.append(String(characters[index...close]))  // a special token such as <eos>
      index = close + 1
    } else {
      if !character.isWhitespace { tokens.append(String(character)) }
      index += 1
    }
  }
  return tokens
}
