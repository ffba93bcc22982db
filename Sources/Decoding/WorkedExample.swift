/// The chapter's worked example: a hand-made table standing in for a model that has read
/// "je suis étudiant", over the post's six-word output vocabulary.
///
/// Greedy decoding grabs "a" (0.5), finds only weak continuations, and says "a student <eos>"
/// (0.5 · 0.3 · 0.5 = 0.075). Beam search with beam size 2 also keeps "i" (0.4), whose
/// continuation "am" is almost certain (0.9), and finds "i am student <eos>" (0.1296) and
/// "i am a student <eos>" (0.1215); the paper's length penalty puts the longer one first.
public enum WorkedExample {
  /// The post's output vocabulary, in index order.
  public static let words = ["a", "am", "i", "thanks", "student", "<eos>"]
  /// The index of `<eos>`.
  public static let endOfSentence = 5

  // Indices: a 0, am 1, i 2, thanks 3, student 4, <eos> 5.
  public static let table = NextWordTable(
    rows: [
      // a     am    i     thanks student <eos>
      []: [0.5, 0.04, 0.4, 0.03, 0.02, 0.01],
      [0]: [0.05, 0.2, 0.2, 0.15, 0.3, 0.1],  // a
      [2]: [0.03, 0.9, 0.01, 0.02, 0.02, 0.02],  // i
      [0, 4]: [0.1, 0.2, 0.05, 0.05, 0.1, 0.5],  // a student
      [2, 1]: [0.5, 0.01, 0.01, 0.03, 0.4, 0.05],  // i am
      [2, 1, 0]: [0.01, 0.01, 0.01, 0.02, 0.9, 0.05],  // i am a
      [2, 1, 4]: [0.02, 0.01, 0.01, 0.03, 0.03, 0.9],  // i am student
      [2, 1, 0, 4]: [0.05, 0.05, 0.05, 0.05, 0.05, 0.75],  // i am a student
    ],
    otherwise: [0.1, 0.1, 0.1, 0.1, 0.1, 0.5])

  /// The words at `indices`, joined by spaces: [2, 1, 0, 4, 5] -> "i am a student <eos>".
  public static func sentence(_ indices: [Int]) -> String {
    indices.map { words[$0] }.joined(separator: " ")
  }
}
