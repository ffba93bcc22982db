// `make bench`: matmul speed (plain loop vs optimized kernel, one thread and all, as a fraction
// of the machine's measured peak) and the time of each chapter's examples, in a release build.
// Timings belong here and in notes, never in tests.
import Decoder
import Decoding
import Embeddings
import Encoder
import Foundation
import Matrix
import MultiHeadAttention
import Output
import PositionalEncoding
import SelfAttention
import Training

/// The best time of `repetitions` runs of `body`, in seconds, after one warm-up run.
func bestTime(repetitions: Int, _ body: () -> Void) -> Double {
  body()
  var best = Double.infinity
  for _ in 0..<repetitions {
    let start = ContinuousClock.now
    body()
    let elapsed = ContinuousClock.now - start
    best = min(best, seconds(elapsed))
  }
  return best
}

func padded(_ text: String, _ width: Int) -> String {
  String(repeating: " ", count: max(0, width - text.count)) + text
}

checkKernelAgainstThePlainLoop()
let peak = measuredPeak()
benchMatmul(peak: peak)

// The chapters' examples on one thread: the figures to compare with PyTorch's single-threaded
// CPU times (Tests/Reference/pytorch_bench.py prints them on the same machine).
let allThreads = MatmulThreads.count
MatmulThreads.count = 1
print("\nChapter examples, one thread (best of 20 runs)")
func report(_ name: String, _ body: () -> Void) {
  let seconds = bestTime(repetitions: 20, body)
  print(
    "  " + name
      + padded(formatDecimal(seconds * 1e6, decimals: 1) + " µs", max(14, 96 - name.count)))
}

let french = Vocabulary(["<unk>", "je", "suis", "étudiant", "merci", "<eos>"])
let paperEmbedding = Embedding(vocabularySize: french.count, modelDimension: 512, seed: 1)
report("Chapter 1: tokenize and embed at d_model 512") {
  _ = paperEmbedding(try! french.indices(of: "je suis étudiant"))
}

let tile: Matrix = [[1, 0, 1, 0], [0, 1, 0, 1], [0, 1, 1, 0], [1, 0, 1, 0]]
let wide = Matrix(concatenatingColumns: Array(repeating: tile, count: 16))
let toyHead = AttentionHead(queryWeights: wide, keyWeights: wide, valueWeights: wide)
report("Chapter 2: Thinking Machines, matrix form") {
  _ = toyHead.trace([[1, 0, 1, 0], [0, 1, 0, 1]])
}
let paperHead = AttentionHead(modelDimension: 512, keyDimension: 64, seed: 2)
var generator = SplitMix64(seed: 3)
let sentence = Matrix.random(rows: 64, columns: 512, in: -1, 1, using: &generator)
report("Chapter 2: one head, 64 tokens, d_model 512 -> d_k 64") {
  _ = paperHead(sentence)
}
let paperLayer = MultiHeadAttention(modelDimension: 512, headCount: 8, seed: 2)
report("Chapter 3: multi-head attention, 8 heads, 64 tokens, d_model 512") {
  _ = paperLayer(sentence)
}
report("Chapter 4: positional encoding, 20 × 512") {
  _ = positionalEncoding(positions: 20, modelDimension: 512)
}
let paperEncoderLayer = EncoderLayer(
  modelDimension: 512, headCount: 8, hiddenDimension: 2048, seed: 3)
report("Chapter 5: one encoder layer, 64 tokens, d_ff 2048") {
  _ = paperEncoderLayer(sentence)
}
let baseModel = Transformer(
  sourceVocabularySize: 6, targetVocabularySize: 6, modelDimension: 512, headCount: 8,
  hiddenDimension: 2048, layerCount: 6, seed: 1)
let sourceTokens = (0..<64).map { ($0 * 5 + 1) % 6 }
let targetTokens = (0..<64).map { ($0 * 7 + 5) % 6 }
report("Chapter 6: base Transformer, 6 + 6 layers, 64 + 64 tokens") {
  _ = baseModel(source: sourceTokens, target: targetTokens)
}
MatmulThreads.count = allThreads
report("Chapter 6: the same on \(allThreads) threads") {
  _ = baseModel(source: sourceTokens, target: targetTokens)
}
MatmulThreads.count = 1

// The post's 10,000-word output vocabulary: W is [512, 10,000], 5.12 million weights.
let finalLayer = FinalLinear(modelDimension: 512, vocabularySize: 10_000, seed: 8)
let targetWords = (0..<64).map { ($0 * 157) % 10_000 }
report("Chapter 7: final linear + softmax, 64 words × 512 -> 10,000 words") {
  _ = finalLayer.trace(sentence)
}
let paperLogits = finalLayer.trace(sentence).logits
report("Chapter 7: loss and gradient over 64 × 10,000 logits, ε = 0.1") {
  _ = CrossEntropyLoss(smoothing: 0.1).trace(logits: paperLogits, targetWords: targetWords)
}
// One training step's heavy part: the forward trace kept for the backward pass, then every
// gradient of the layer (the upstream gradient is a stand-in: any [64, 512] matrix costs the same).
report("Chapter 8: one encoder layer forward + backward, 64 tokens, d_model 512, d_ff 2048") {
  let trace = paperEncoderLayer.trace(sentence)
  _ = paperEncoderLayer.backward(sentence, trace: trace, outputGradient: sentence)
}
// 4·512² (attention) + 2·2·512 (norms) + 2·512·2048 + 2048 + 512 (FFN) = 3,150,336 = 6153 · 512.
report("Chapter 8: one Adam step over an encoder layer's 3,150,336 parameters") {
  var adam = Adam(shapes: [Shape(rows: 6153, columns: 512)])
  var parameters = [Matrix(rows: 6153, columns: 512)]
  adam.update(&parameters, gradients: parameters, learningRate: 1e-3)
}
let paperBeam = BeamSearch(
  beamSize: 4, topBeams: 1, maxLength: 10, endOfSentence: WorkedExample.endOfSentence,
  lengthPenalty: .paper)
report("Chapter 9: beam search, beam 4, length penalty 0.6, worked table, length 10") {
  _ = paperBeam(WorkedExample.table)
}

// Training runs, timed once each, on one thread and on every thread (the pairs of a batch run
// side by side, with the same bits): steps per second, and the wall time of the copy task to 100%
// held-out accuracy.
func timed(_ body: () -> Void) -> Double {
  let start = ContinuousClock.now
  body()
  return seconds(ContinuousClock.now - start)
}
func trainingRuns(threads: Int) {
  MatmulThreads.with(threads: threads) {
    print("\nTraining runs (\(threads == 1 ? "one thread" : "\(threads) threads"), one run each)")
    var postModel = PostExample.untrainedModel()
    let postSeconds = timed { _ = PostExample.train(&postModel, steps: 200) }
    print("  Chapter 8: the post's example, 2 pairs per step: \(Int(200 / postSeconds)) steps/s")
    var copyModel = CopyTask.untrainedModel(.book)
    var copyAdam = Adam(shapes: copyModel.parameterMatrices.map(\.shape))
    var copyRandom = SplitMix64(seed: 5)
    let copySeconds = timed {
      for _ in 0..<20 {
        let pairs = CopyTask.batch(count: 80, length: 10, using: &copyRandom).map(CopyTask.pair)
        _ = copyModel.trainingStep(
          on: pairs, start: CopyTask.endOfSentence, adam: &copyAdam, learningRate: 1e-3)
      }
    }
    print(
      "  Chapter 8: the copy task, 80 sequences of 10 per step: "
        + formatDecimal(20 / copySeconds, decimals: 1) + " steps/s")
    var copySteps = 0
    let copyToFullSeconds = timed { copySteps = CopyTask.train(.book).steps }
    print(
      "  Chapter 8: the copy task to 100% on 200 held-out sequences: \(copySteps) steps in "
        + formatDecimal(copyToFullSeconds, decimals: 1) + " s")
  }
}
trainingRuns(threads: 1)
trainingRuns(threads: allThreads)
