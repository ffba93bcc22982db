import Decoder
import Matrix

/// One sentence pair for training: the source's word indices and the target's, the target
/// ending with `<eos>`. The decoder reads the target shifted right behind the start symbol.
public struct SentencePair: Equatable, Sendable {
  public var source: [Int]
  /// The target sentence, `<eos>` included at the end.
  public var target: [Int]

  public init(source: [Int], target: [Int]) {
    self.source = source
    self.target = target
  }
}

extension TranslationModel {
  /// The loss and gradient of a batch: each pair's mean loss per word and its gradient, then
  /// the AVERAGE of both over the pairs (every pair counts equally, whatever its length).
  /// The pairs are computed on up to `MatmulThreads.count` threads; their losses and gradients are
  /// summed in the batch's order, so the result is the same, bit for bit, on any number of threads.
  ///
  /// Shape: pairs -> (a number, one matrix per entry of `parameterMatrices`)
  public func lossAndGradient(
    on pairs: [SentencePair], start: Int, smoothing: Double = 0
  ) -> (loss: Double, gradients: [Matrix]) {
    checkPrecondition(!pairs.isEmpty, "lossAndGradient: the batch has no sentence pairs")
    // Each pair on its own (spread over the cores: the pairs are independent) ...
    let perPair = pairs.concurrentMap { pair in
      let input = shiftedRight(pair.target, start: start)
      let trace = trace(
        source: pair.source, targetInput: input, targets: pair.target, smoothing: smoothing)
      let gradient = backward(source: pair.source, targetInput: input, trace: trace).matrices
      return (loss: trace.loss.mean, gradient: gradient)
    }
    // ... then summed in the batch's order, whatever thread computed each pair.
    var loss = 0.0
    var sum: [Matrix] = []
    for (pairLoss, gradient) in perPair {
      loss += pairLoss
      sum = sum.isEmpty ? gradient : zip(sum, gradient).map { $0 + $1 }
    }
    let count = Double(pairs.count)
    return (loss / count, sum.map { $0 / count })
  }

  /// One Adam step on a batch: the averaged gradient of `lossAndGradient`, then
  /// `adam.update`. Returns the batch's mean loss BEFORE the step.
  public mutating func trainingStep(
    on pairs: [SentencePair], start: Int, adam: inout Adam, learningRate: Double,
    smoothing: Double = 0
  ) -> Double {
    let (loss, gradients) = lossAndGradient(on: pairs, start: start, smoothing: smoothing)
    adam.update(&parameterMatrices, gradients: gradients, learningRate: learningRate)
    return loss
  }
}
