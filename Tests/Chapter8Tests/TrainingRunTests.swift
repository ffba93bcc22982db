import Decoding
import Foundation
import Matrix
import Output
import TestSupport
import Testing
import Training

/// The post's example trained: after `PostExample.trainingSteps` steps the model translates
/// both sentences and puts most of the probability on the right word at every position, as the
/// post's "trained model outputs" figure shows.
@Suite("Chapter 8 training the post's example")
struct TrainingRunTests {
  static let trained = PostExample.trainedModel()

  @Test func trainedModelTranslatesBothPairs() {
    let greedy = GreedyDecoder(maxLength: 8, endOfSentence: PostExample.endOfSentence)
    for (pair, text) in zip(PostExample.sentencePairs, PostExample.pairs) {
      let next = Self.trained.nextWordModel(source: pair.source, start: PostExample.endOfSentence)
      let words = PostExample.english.words(at: greedy(next).words)
      #expect(
        words == PostExample.english.words(at: pair.target),
        "Greedy translation of \"\(text.source)\": \(words)")
    }
  }

  @Test func trainedModelPutsMostProbabilityOnTheRightWord() {
    for pair in PostExample.sentencePairs {
      let input = [PostExample.endOfSentence] + pair.target.dropLast()
      let trace = Self.trained.trace(
        source: pair.source, targetInput: input, targets: pair.target)
      for (position, word) in pair.target.enumerated() {
        let p = trace.output.probabilities[position, word]
        #expect(p > 0.5, "Trained output, position \(position + 1): P(right word) = \(p)")
      }
    }
  }

  @Test func untrainedModelDoesNotYetTranslate() {
    // The test above could not fail if the untrained model already translated.
    let model = PostExample.untrainedModel()
    let pair = PostExample.sentencePairs[0]
    let next = model.nextWordModel(source: pair.source, start: PostExample.endOfSentence)
    let words = GreedyDecoder(maxLength: 8, endOfSentence: PostExample.endOfSentence)(next).words
    #expect(words != pair.target, "Untrained greedy translation")
  }

  @Test func trainingLowersTheLossAndIsDeterministic() {
    var first = PostExample.untrainedModel()
    var second = PostExample.untrainedModel()
    let losses = PostExample.train(&first, steps: 20)
    #expect(losses == PostExample.train(&second, steps: 20), "Same seed, same losses")
    #expect(first.parameterMatrices == second.parameterMatrices, "Same seed, same weights")
    // ln 6 ≈ 1.79 is the loss of a uniform guess over the six English words.
    #expect(abs(losses[0] - log(6)) < 0.5, "Step 1 loss \(losses[0]) is near ln 6")
    #expect(losses[19] < losses[0] / 2, "Loss after 20 steps: \(losses[19]) vs \(losses[0])")
  }

  @Test func batchOnSeveralThreadsGivesTheSameBits() {
    // The pairs of a batch run side by side; the sum is taken in the batch's order afterwards,
    // so the loss and every gradient are the same, bit for bit, on any number of threads.
    let model = PostExample.untrainedModel()
    let pairs = PostExample.sentencePairs + PostExample.sentencePairs.reversed()
    let alone = MatmulThreads.with(threads: 1) {
      model.lossAndGradient(on: pairs, start: PostExample.endOfSentence)
    }
    for threads in [2, 3] {
      let together = MatmulThreads.with(threads: threads) {
        model.lossAndGradient(on: pairs, start: PostExample.endOfSentence)
      }
      #expect(together.loss.bitPattern == alone.loss.bitPattern, "loss on \(threads) threads")
      for k in alone.gradients.indices {
        expectMatrix(
          together.gradients[k], equals: alone.gradients[k], tolerance: 0,
          "Gradient of parameter \(k + 1) on \(threads) threads")
      }
    }
  }

  @Test func batchGradientIsTheAverageOfThePairs() {
    let model = PostExample.untrainedModel()
    let pairs = PostExample.sentencePairs
    let both = model.lossAndGradient(on: pairs, start: PostExample.endOfSentence)
    let one = model.lossAndGradient(on: [pairs[0]], start: PostExample.endOfSentence)
    let other = model.lossAndGradient(on: [pairs[1]], start: PostExample.endOfSentence)
    // Averaging: (a + b) / 2, the same operations in the same order, so the bits agree.
    #expect(both.loss == (one.loss + other.loss) / 2, "Batch loss is the pairs' average")
    for k in both.gradients.indices {
      let expected = (one.gradients[k] + other.gradients[k]) / 2
      expectMatrix(
        both.gradients[k], equals: expected, tolerance: 0, "Batch gradient, parameter \(k + 1)")
    }
  }
}
