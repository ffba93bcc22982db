import Decoding
import Matrix
import Output
import Testing
import Training

/// The trained model as Chapter 9's `NextWordModel`: the encoder runs once, the decoder on
/// `[start] + prefix`, and the answer is the last row of a full forward pass, bit for bit.
@Suite("Chapter 8 the next-word adapter")
struct NextWordAdapterTests {
  @Test func adapterMatchesTheFullForwardPassBitForBit() {
    let model = PostExample.untrainedModel()
    let source = [1, 2, 3]
    let next = model.nextWordModel(source: source, start: 5)
    #expect(next.vocabularySize == 6)
    for prefix in [[], [2], [2, 1], [2, 1, 0, 4]] as [[Int]] {
      let input = [5] + prefix
      // Targets do not change the logits; any word per position will do.
      let trace = model.trace(source: source, targetInput: input, targets: input)
      let expected = logSoftmax(trace.output.logits).row(input.count - 1)
      #expect(
        next.logProbabilities(after: prefix) == expected,
        "Next-word log-probabilities after \(prefix) (last row of the full pass)")
    }
  }

  @Test func adapterDependsOnTheSource() {
    let model = PostExample.untrainedModel()
    let one = model.nextWordModel(source: [1, 2, 3], start: 5).logProbabilities(after: [2])
    let other = model.nextWordModel(source: [4], start: 5).logProbabilities(after: [2])
    #expect(one != other, "Different sources, different distributions")
  }
}
