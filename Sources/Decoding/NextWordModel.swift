import Foundation
import Matrix

/// Anything that gives the next word's distribution after a prefix: the decoder's last row of
/// log-softmax, a hand-made table, a closure. Greedy decoding and beam search ask it one prefix
/// at a time, as the post says the model produces its output one word at a time.
///
///     let model = NextWordFunction(vocabularySize: 3) { prefix in
///       prefix.isEmpty ? [log(0.5), log(0.3), log(0.2)] : [log(0.1), log(0.1), log(0.8)]
///     }
///     model.probabilities(after: [])   // [0.5, 0.3, 0.2]
///
/// The requirement is the log-probabilities: search adds them up (ln P(y₁ … y_t) is the sum of
/// the ln P(y_k | y₁ … y_{k−1})), a Transformer computes them directly as log-softmax of its
/// logits, and a long sentence's product of probabilities would underflow where the sum does
/// not. Probabilities follow from them by exp (`probabilities(after:)`).
///
/// `prefix` holds the words chosen so far, as indices into the output vocabulary, WITHOUT a
/// start symbol: it is empty at the first step. A model that needs a start symbol (the
/// Transformer's decoder does) puts it in front itself.
///
/// Shape: prefix [t] -> [vocabularySize]
public protocol NextWordModel {
  /// The number of words in the output vocabulary: the length of every distribution.
  var vocabularySize: Int { get }

  /// ln P(word | prefix) for every word of the vocabulary, in index order.
  func logProbabilities(after prefix: [Int]) -> [Double]
}

extension NextWordModel {
  /// P(word | prefix) for every word of the vocabulary: exp of `logProbabilities(after:)`.
  public func probabilities(after prefix: [Int]) -> [Double] {
    logProbabilities(after: prefix).map { exp($0) }
  }

  /// `logProbabilities(after:)`, checked to have one entry per word; `caller` names the search
  /// in the trap message.
  func checkedLogProbabilities(after prefix: [Int], caller: String) -> [Double] {
    let result = logProbabilities(after: prefix)
    checkPrecondition(
      result.count == vocabularySize,
      "\(caller): the model returned \(result.count) log-probabilities after the prefix "
        + "\(prefix), but its vocabulary has \(vocabularySize) words")
    return result
  }
}

/// A closure as a `NextWordModel`: the one-line adapter for a model that is not a type of its
/// own, e.g. a trained Transformer given its source sentence:
///
///     NextWordFunction(vocabularySize: 6) { prefix in transformer.nextWordLogProbabilities(...) }
public struct NextWordFunction: NextWordModel {
  public let vocabularySize: Int
  private let body: ([Int]) -> [Double]

  public init(vocabularySize: Int, logProbabilities body: @escaping ([Int]) -> [Double]) {
    self.vocabularySize = vocabularySize
    self.body = body
  }

  public func logProbabilities(after prefix: [Int]) -> [Double] { body(prefix) }
}
