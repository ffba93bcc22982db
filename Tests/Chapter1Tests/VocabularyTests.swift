import Embeddings
import Foundation
import Testing

/// Chapter 1's vocabularies: the post's six-word output vocabulary, and a French input one.
let english = Vocabulary(["a", "am", "i", "thanks", "student", "<eos>"])
let french = Vocabulary(["<unk>", "je", "suis", "étudiant", "merci", "<eos>"])

@Suite("Vocabulary and tokenizer")
struct VocabularyTests {
  @Test func thePostsOutputVocabulary() throws {
    // The post's table: a 0, am 1, i 2, thanks 3, student 4, <eos> 5.
    #expect(english.count == 6)
    #expect(try english.indices(of: "I am a student") == [2, 1, 0, 4])
    #expect(try english.index(of: Vocabulary.endOfSentence) == 5)
    #expect(english.words(at: [2, 1, 0, 4, 5]) == ["i", "am", "a", "student", "<eos>"])
  }

  @Test func tokenizerLowercasesAndSplitsPunctuation() {
    #expect(tokenize("Je suis étudiant.") == ["je", "suis", "étudiant", "."])
    #expect(tokenize("  Thanks!  ") == ["thanks", "!"])
    #expect(tokenize("didn't cross") == ["didn't", "cross"])
    #expect(tokenize("didn’t cross") == ["didn’t", "cross"])  // the typographic apostrophe
    #expect(tokenize("") == [])
    // Special tokens stay whole; a lone "<" is punctuation.
    #expect(tokenize("i am a student <eos>") == ["i", "am", "a", "student", "<eos>"])
    #expect(tokenize("<EOS>") == ["<eos>"])
    #expect(tokenize("a < b >") == ["a", "<", "b", ">"])
    #expect(tokenize("<>") == ["<", ">"])
  }

  @Test func unknownWordsMapToUnk() throws {
    // je 1, suis 2, étudiant 3, and "." is not in the vocabulary: <unk> 0.
    #expect(try french.indices(of: "Je suis étudiant.") == [1, 2, 3, 0])
    #expect(try french.indices(of: "Merci") == [4])
  }

  @Test func accentsMatchInEitherUnicodeForm() throws {
    // "é" as one code point (U+00E9) or as "e" + combining acute (U+0301): the same word.
    #expect(try french.index(of: "\u{E9}tudiant") == 3)
    #expect(try french.index(of: "e\u{301}tudiant") == 3)
  }

  @Test func unknownWordWithoutUnkThrowsNamingIt() {
    #expect(throws: VocabularyError.unknownWord("merci")) {
      try english.indices(of: "merci")
    }
    #expect(
      "\(VocabularyError.unknownWord("merci"))"
        == "the word \"merci\" is not in the vocabulary, which has no <unk> token")
  }

  @Test func readsAVocabularyFile() throws {
    let path = FileManager.default.temporaryDirectory
      .appending(path: "chapter1-vocabulary-\(UUID().uuidString).txt").path
    try Data("a\nam\n\ni\r\n".utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try Vocabulary(contentsOfFile: path).words == ["a", "am", "i"])
  }

  @Test func fileWithARepeatedWordThrowsNamingIt() throws {
    let path = FileManager.default.temporaryDirectory
      .appending(path: "chapter1-vocabulary-\(UUID().uuidString).txt").path
    try Data("a\nam\na\n".utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(
      throws: VocabularyError.unreadableFile(
        path: path, reason: "\"a\" appears twice, at indices 0 and 2")
    ) { try Vocabulary(contentsOfFile: path) }
  }

  @Test func missingFileThrowsNamingIt() {
    let path = "/nonexistent/vocabulary.txt"
    #expect(throws: VocabularyError.self) { try Vocabulary(contentsOfFile: path) }
    do {
      _ = try Vocabulary(contentsOfFile: path)
    } catch {
      #expect("\(error)".contains(path))
    }
  }
}
