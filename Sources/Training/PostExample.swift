import Decoder
import Embeddings
import Matrix
import Output

/// The post's training example: two sentence pairs, "je suis étudiant" → "i am a student" and
/// "merci" → "thanks", in the post's six-word vocabularies, and a model small enough to learn
/// them in a few seconds.
///
///     var model = PostExample.untrainedModel()
///     let losses = PostExample.train(&model, steps: PostExample.trainingSteps)
///
/// The configuration: d_model 16, 2 heads (d_k 8), d_ff 32, 1 encoder and 1 decoder layer,
/// untied output weights, no label smoothing (with two sentences to learn there is nothing to
/// regularize, and smoothing would cap the right word's probability at 0.9), and a constant
/// learning rate of 0.01 (the paper's warm-up exists for Adam's noisy first estimates of v on a
/// big model and many batches; two sentences give the same gradient direction every step).
public enum PostExample {
  /// The post's French words, with `<unk>` for words it lacks.
  public static let french = Vocabulary(["<unk>", "je", "suis", "étudiant", "merci", "<eos>"])
  /// The post's output vocabulary.
  public static let english = Vocabulary(["a", "am", "i", "thanks", "student", "<eos>"])
  /// The two pairs, without `<eos>` (see `sentencePairs`).
  public static let pairs: [(source: String, target: String)] = [
    ("je suis étudiant", "i am a student"), ("merci", "thanks"),
  ]
  /// `<eos>` in the English vocabulary: the end of every target and the decoder's start symbol.
  public static let endOfSentence = 5

  public static let modelDimension = 16
  public static let headCount = 2
  public static let hiddenDimension = 32
  public static let layerCount = 1
  public static let learningRate = 0.01
  public static let seed: UInt64 = 1

  /// The pairs as indices, each target ending with `<eos>`:
  /// [1, 2, 3] → [2, 1, 0, 4, 5] and [4] → [3, 5].
  public static var sentencePairs: [SentencePair] {
    pairs.map { pair in
      SentencePair(
        source: try! french.indices(of: pair.source),
        target: try! english.indices(of: pair.target) + [endOfSentence])
    }
  }

  /// The book's configuration with random weights from `seed`.
  public static func untrainedModel() -> TranslationModel {
    TranslationModel(
      transformer: Transformer(
        sourceVocabularySize: french.count, targetVocabularySize: english.count,
        modelDimension: modelDimension, headCount: headCount, hiddenDimension: hiddenDimension,
        layerCount: layerCount, seed: seed),
      finalLinear: FinalLinear(
        modelDimension: modelDimension, vocabularySize: english.count, seed: seed + 4),
      tiesWeights: false)
  }

  /// `steps` Adam steps (fresh Adam state), each on both pairs with their gradients AVERAGED
  /// (`lossAndGradient`); returns each step's mean loss, measured before its update.
  public static func train(_ model: inout TranslationModel, steps: Int) -> [Double] {
    var adam = Adam(shapes: model.parameterMatrices.map(\.shape))
    let batch = sentencePairs
    return (0..<steps).map { _ in
      model.trainingStep(
        on: batch, start: endOfSentence, adam: &adam, learningRate: learningRate)
    }
  }

  /// The number of steps the book trains.
  public static let trainingSteps = 100

  /// `untrainedModel()` after `trainingSteps` steps. Deterministic: the same bits every run.
  public static func trainedModel() -> TranslationModel {
    var model = untrainedModel()
    _ = train(&model, steps: trainingSteps)
    return model
  }
}
