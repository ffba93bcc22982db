import Decoder
import Decoding
import Matrix
import Output

/// The Annotated Transformer's first exercise: learn to copy. The source is a random sequence
/// of symbols from 1 to 10, and the target is the same sequence. The vocabulary has 11 words,
/// shared by source and target: 0 is `<eos>`, which also serves as the decoder's start symbol
/// (as in the rest of the book), and 1…10 are the symbols. The target is the sequence followed
/// by `<eos>`, so the decoder reads [0, x₁, …, x_n] and must produce [x₁, …, x_n, 0].
///
///     var random = SplitMix64(seed: 1)
///     let run = CopyTask.train(.book, using: &random)
///     CopyTask.accuracy(run.model, on: CopyTask.batch(count: 200, length: 10, using: &random))
///
/// A copy is right only if greedy decoding gives every symbol and then `<eos>`.
public enum CopyTask {
  /// `<eos>` and the start symbol.
  public static let endOfSentence = 0
  /// <eos> and the symbols 1…10.
  public static let vocabularySize = 11

  /// `count` sequences of `length` symbols, each drawn uniformly from 1…10.
  public static func batch(count: Int, length: Int, using random: inout SplitMix64) -> [[Int]] {
    (0..<count).map { _ in (0..<length).map { _ in 1 + Int(random.next() % 10) } }
  }

  /// A sequence as a training pair: source = the sequence, target = the sequence + `<eos>`.
  public static func pair(_ sequence: [Int]) -> SentencePair {
    SentencePair(source: sequence, target: sequence + [endOfSentence])
  }

  /// The model's size and the training run's settings.
  public struct Configuration: Sendable {
    public var length: Int
    public var modelDimension: Int
    public var headCount: Int
    public var hiddenDimension: Int
    public var layerCount: Int
    /// Sequences per step; their gradients are averaged.
    public var batchSize: Int
    /// The paper's schedule (`transformerLearningRate`) times this factor, with this warm-up.
    public var learningRateFactor: Double
    public var warmupSteps: Int
    /// Held-out accuracy is measured every `checkEvery` steps on `heldOutCount` sequences.
    public var checkEvery: Int
    public var heldOutCount: Int
    /// Training stops here if the held-out sequences are not all copied by then.
    public var maxSteps: Int
    public var seed: UInt64

    public init(
      length: Int, modelDimension: Int, headCount: Int, hiddenDimension: Int, layerCount: Int,
      batchSize: Int, learningRateFactor: Double, warmupSteps: Int, checkEvery: Int,
      heldOutCount: Int, maxSteps: Int, seed: UInt64
    ) {
      self.length = length
      self.modelDimension = modelDimension
      self.headCount = headCount
      self.hiddenDimension = hiddenDimension
      self.layerCount = layerCount
      self.batchSize = batchSize
      self.learningRateFactor = learningRateFactor
      self.warmupSteps = warmupSteps
      self.checkEvery = checkEvery
      self.heldOutCount = heldOutCount
      self.maxSteps = maxSteps
      self.seed = seed
    }

    /// The book's run: sequences of 10, d_model 16, 2 heads, d_ff 32, 1 + 1 layers, batches
    /// of 80, the paper's schedule with a 200-step warm-up (peak (16 · 200)^−0.5 ≈ 0.018 at
    /// step 200), 200 held-out sequences checked every 50 steps.
    public static let book = Configuration(
      length: 10, modelDimension: 16, headCount: 2, hiddenDimension: 32, layerCount: 1,
      batchSize: 80, learningRateFactor: 1, warmupSteps: 200, checkEvery: 50,
      heldOutCount: 200, maxSteps: 3000, seed: 1)
  }

  /// A model of `configuration`'s size with random weights from its seed; separate source and
  /// target tables and an untied output layer, as in the post's example.
  public static func untrainedModel(_ configuration: Configuration) -> TranslationModel {
    let c = configuration
    return TranslationModel(
      transformer: Transformer(
        sourceVocabularySize: vocabularySize, targetVocabularySize: vocabularySize,
        modelDimension: c.modelDimension, headCount: c.headCount,
        hiddenDimension: c.hiddenDimension, layerCount: c.layerCount, seed: c.seed),
      finalLinear: FinalLinear(
        modelDimension: c.modelDimension, vocabularySize: vocabularySize, seed: c.seed + 4),
      tiesWeights: false)
  }

  /// The held-out sequences: drawn from their own generator (seed + 1000), so they are the
  /// same whatever the training run does with its own.
  public static func heldOut(_ configuration: Configuration) -> [[Int]] {
    var random = SplitMix64(seed: configuration.seed + 1000)
    return batch(count: configuration.heldOutCount, length: configuration.length, using: &random)
  }

  /// Trains a fresh model on new random batches (from `SplitMix64(seed:)`) until greedy
  /// decoding copies every held-out sequence, checked every `checkEvery` steps, or until
  /// `maxSteps`. Returns the model, each step's mean loss (before its update) and the number of
  /// steps taken. Deterministic.
  public static func train(_ configuration: Configuration = .book) -> (
    model: TranslationModel, losses: [Double], steps: Int
  ) {
    let c = configuration
    var model = untrainedModel(c)
    var adam = Adam(shapes: model.parameterMatrices.map(\.shape))
    var random = SplitMix64(seed: c.seed)
    let heldOut = heldOut(c)
    var losses: [Double] = []
    for step in 1...c.maxSteps {
      let pairs = batch(count: c.batchSize, length: c.length, using: &random).map(pair)
      let rate =
        c.learningRateFactor
        * transformerLearningRate(
          step: step, modelDimension: c.modelDimension, warmupSteps: c.warmupSteps)
      losses.append(
        model.trainingStep(on: pairs, start: endOfSentence, adam: &adam, learningRate: rate))
      if step % c.checkEvery == 0 && accuracy(model, on: heldOut) == 1 { break }
    }
    return (model, losses, losses.count)
  }

  /// The greedy copy of `sequence`: at most length + 1 words, `<eos>` included.
  public static func copy(_ model: TranslationModel, of sequence: [Int]) -> [Int] {
    let greedy = GreedyDecoder(maxLength: sequence.count + 1, endOfSentence: endOfSentence)
    return greedy(model.nextWordModel(source: sequence, start: endOfSentence)).words
  }

  /// The fraction of `sequences` whose greedy copy is exact: every symbol, then `<eos>`.
  public static func accuracy(_ model: TranslationModel, on sequences: [[Int]]) -> Double {
    let right = sequences.filter { copy(model, of: $0) == $0 + [endOfSentence] }.count
    return Double(right) / Double(sequences.count)
  }
}
