import Foundation
import Matrix

/// Greedy decoding: at every step take the most probable next word, feed it back, and stop at
/// `<eos>` or after `maxLength` words.
///
///     let greedy = GreedyDecoder(maxLength: 10, endOfSentence: 5)
///     greedy(WorkedExample.table).words   // [0, 4, 5]: "a student <eos>"
///
/// Ties go to the lowest word index (the first maximum), so the result never depends on
/// anything but the model. This is beam search with a beam of 1 (`BeamSearch` ranks equal
/// scores the same way).
///
/// Traps if maxLength < 1, if `endOfSentence` is not a word of the model's vocabulary, or if
/// the model returns a distribution of the wrong length.
///
/// Shape: model -> at most maxLength word indices
public struct GreedyDecoder: Sendable {
  /// The most words to produce, `<eos>` included.
  public var maxLength: Int
  /// The index of `<eos>` in the output vocabulary.
  public var endOfSentence: Int

  public init(maxLength: Int, endOfSentence: Int) {
    checkPrecondition(maxLength >= 1, "GreedyDecoder: maxLength \(maxLength) must be at least 1")
    self.maxLength = maxLength
    self.endOfSentence = endOfSentence
  }

  /// One step: the words so far, the model's distribution after them, and the word taken.
  public struct Step: Equatable, Sendable {
    public var prefix: [Int]
    /// P(word | prefix) for every word.  Shape: [vocabularySize]
    public var probabilities: [Double]
    /// The most probable word (the lowest index among equals).
    public var word: Int
  }

  /// Every step, then the translation they make.
  public struct Trace: Equatable, Sendable {
    public var steps: [Step]
    /// The words chosen; `isFinished` is false if maxLength stopped the search before `<eos>`.
    public var translation: Hypothesis
  }

  public func callAsFunction(_ model: some NextWordModel) -> Hypothesis {
    trace(model).translation
  }

  public func trace(_ model: some NextWordModel) -> Trace {
    checkEndOfSentence(endOfSentence, in: model, caller: "GreedyDecoder")
    var steps: [Step] = []
    var words: [Int] = []
    var logProbability = 0.0
    while words.count < maxLength && words.last != endOfSentence {
      let logProbabilities = model.checkedLogProbabilities(after: words, caller: "GreedyDecoder")
      // The first index of the largest value: ties go to the lowest index.
      var best = 0
      for word in logProbabilities.indices where logProbabilities[word] > logProbabilities[best] {
        best = word
      }
      steps.append(
        Step(prefix: words, probabilities: logProbabilities.map { exp($0) }, word: best))
      words.append(best)
      logProbability += logProbabilities[best]
    }
    let translation = Hypothesis(
      words: words, logProbability: logProbability, isFinished: words.last == endOfSentence)
    return Trace(steps: steps, translation: translation)
  }
}

/// Traps unless `endOfSentence` is a word of `model`'s vocabulary.
func checkEndOfSentence(_ endOfSentence: Int, in model: some NextWordModel, caller: String) {
  checkPrecondition(
    (0..<model.vocabularySize).contains(endOfSentence),
    "\(caller): endOfSentence \(endOfSentence) is not a word of the model's vocabulary of "
      + "\(model.vocabularySize) words")
}
