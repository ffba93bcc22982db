/// A translation so far: its words, ln of its probability, and the score that ranks it.
///
///     // "i am" after P(i) = 0.4 and P(am | i) = 0.9:
///     Hypothesis(words: [2, 1], logProbability: log(0.4) + log(0.9), isFinished: false)
///     // logProbability = ln 0.36 = −1.0217
public struct Hypothesis: Equatable, Sendable {
  /// Word indices, in order; the last is `<eos>` once the hypothesis is finished.
  public var words: [Int]
  /// ln P(words) = the sum of ln P(word | the words before it).
  public var logProbability: Double
  /// Whether the last word is `<eos>`.
  public var isFinished: Bool
  /// What ranks finished translations: `logProbability`, divided by the length penalty when
  /// there is one (see `LengthPenalty`).
  public var score: Double

  public init(
    words: [Int], logProbability: Double, isFinished: Bool, lengthPenalty: LengthPenalty = .none
  ) {
    self.words = words
    self.logProbability = logProbability
    self.isFinished = isFinished
    self.score = lengthPenalty.score(logProbability: logProbability, length: words.count)
  }
}

/// `hypotheses` best first by `key` (higher first); equal keys put the lexicographically
/// smaller word list first ([0, 4] before [2]), so the order never depends on the input order.
func ranked(_ hypotheses: [Hypothesis], by key: (Hypothesis) -> Double) -> [Hypothesis] {
  hypotheses.sorted { a, b in
    key(a) != key(b) ? key(a) > key(b) : a.words.lexicographicallyPrecedes(b.words)
  }
}
