import Decoder
import Decoding
import Embeddings
import Foundation
import Matrix
import Training

/// The model: loaded from `--weights`, or the post's example trained as in Chapter 8.
func model(_ arguments: Arguments) throws(CommandError) -> TranslationModel {
  if let path = arguments.weights {
    do {
      return try TranslationModel(loading: URL(fileURLWithPath: path))
    } catch {
      throw .failed("\(error)")
    }
  }
  printToStandardError(
    "Training the post's example (\(PostExample.trainingSteps) steps; --weights FILE loads one)…")
  return PostExample.trainedModel()
}

/// The source sentence's indices. Every word must be one the model knows: an unknown word is
/// an error, not a silent `<unk>`.
func sourceIndices(_ sentence: String) throws(CommandError) -> [Int] {
  let vocabulary = PostExample.french
  let known = vocabulary.words.filter { $0 != "<unk>" && $0 != "<eos>" }
  var indices: [Int] = []
  for word in tokenize(sentence) {
    guard known.contains(word), let index = try? vocabulary.index(of: word) else {
      throw .unknownWord(word, known: known)
    }
    indices.append(index)
  }
  guard !indices.isEmpty else { throw .usage("the sentence has no words") }
  return indices
}

/// `translate`: greedy decoding (beam 1) or beam search, every step printed.
func translate(_ arguments: Arguments) throws(CommandError) {
  let source = try sourceIndices(arguments.sentence ?? "")
  let translator = try model(arguments)
  let english = PostExample.english
  let end = try! english.index(of: "<eos>")
  let next = translator.nextWordModel(source: source, start: end)
  func sentence(_ words: [Int]) -> String { english.words(at: words).joined(separator: " ") }
  func percent(_ logProbability: Double) -> String {
    formatDecimal(100 * exp(logProbability), decimals: 1) + "%"
  }
  if arguments.beam == 1 {
    let trace = GreedyDecoder(maxLength: arguments.maxLength, endOfSentence: end).trace(next)
    print("Greedy decoding of \"\(arguments.sentence!)\":")
    for (number, step) in trace.steps.enumerated() {
      let ranked = step.probabilities.indices.sorted {
        step.probabilities[$0] > step.probabilities[$1]
      }
      let top = ranked.prefix(3).map {
        "\(english.words[$0]) \(formatDecimal(100 * step.probabilities[$0], decimals: 1))%"
      }
      print("  step \(number + 1): \(top.joined(separator: ", ")) -> \(english.words[step.word])")
    }
    let result = trace.translation
    print("\(sentence(result.words))    (probability \(percent(result.logProbability)))")
  } else {
    let search = BeamSearch(
      beamSize: arguments.beam, topBeams: arguments.top, maxLength: arguments.maxLength,
      endOfSentence: end)
    let trace = search.trace(next)
    print(
      "Beam search of \"\(arguments.sentence!)\" (beam \(arguments.beam), top \(arguments.top)):")
    for (number, step) in trace.steps.enumerated() {
      let kept = step.kept.map {
        "\(sentence($0.words)) (ln P \(formatDecimal($0.logProbability, decimals: 4)))"
      }
      print("  step \(number + 1) keeps: \(kept.joined(separator: "; "))")
    }
    for (rank, hypothesis) in trace.best.enumerated() {
      print(
        "\(rank + 1). \(sentence(hypothesis.words))    (probability "
          + "\(percent(hypothesis.logProbability)), ln P \(formatDecimal(hypothesis.logProbability, decimals: 4)))"
      )
    }
  }
}

/// `trace`: every intermediate of one forward pass, in the order the book tells it.
func traceForward(_ arguments: Arguments) throws(CommandError) {
  let source = try sourceIndices(arguments.sentence ?? "")
  let translator = try model(arguments)
  let english = PostExample.english
  let end = try! english.index(of: "<eos>")
  var targetWords: [Int]
  if let target = arguments.target {
    do {
      targetWords = try tokenize(target).map { word throws(VocabularyError) in
        try english.index(of: word)
      }
    } catch {
      throw .unknownWord(
        { if case .unknownWord(let w) = error { return w } else { return "?" } }(),
        known: english.words)
    }
    if targetWords.last != end { targetWords.append(end) }
  } else {
    let next = translator.nextWordModel(source: source, start: end)
    targetWords = GreedyDecoder(maxLength: arguments.maxLength, endOfSentence: end)(next).words
  }
  let trace = translator.trace(
    source: source, targetInput: shiftedRight(targetWords, start: end), targets: targetWords)
  let sourceWords = PostExample.french.words(at: source)
  print("source: \(sourceWords.joined(separator: " "))")
  print("target: \(english.words(at: targetWords).joined(separator: " "))")
  func show(_ name: String, _ matrix: Matrix) {
    print("\n\(name)\n\(matrix.formatted(decimals: 4))")
  }
  let transformer = trace.transformer
  show("Encoder input: source embeddings · √d_model + positional encoding", transformer.sourceInput)
  for (l, layer) in transformer.encoder.layers.enumerated() {
    let name = "Encoder layer \(l + 1)"
    for (h, head) in layer.attention.heads.enumerated() {
      show(
        "\(name), head \(h + 1), self-attention weights (rows: queries, columns: keys)",
        head.weights)
    }
    show("\(name), self-attention output (heads concatenated, · W^O)", layer.attention.output)
    show("\(name), add: x + attention", layer.firstSum)
    show("\(name), layer norm", layer.firstNorm.output)
    show("\(name), feed-forward hidden layer after ReLU", layer.feedForward.activated)
    show("\(name), feed-forward output", layer.feedForward.output)
    show("\(name), add: x + feed-forward", layer.secondSum)
    show("\(name), layer norm: the layer's output", layer.output)
  }
  show("Decoder input: target shifted right, embeddings · √d_model + PE", transformer.targetInput)
  for (l, layer) in transformer.decoder.layers.enumerated() {
    let name = "Decoder layer \(l + 1)"
    for (h, head) in layer.maskedSelfAttention.heads.enumerated() {
      show("\(name), head \(h + 1), masked self-attention weights", head.weights)
    }
    show("\(name), add & norm", layer.firstNorm.output)
    for (h, head) in layer.encoderDecoderAttention.heads.enumerated() {
      show(
        "\(name), head \(h + 1), encoder-decoder attention weights (rows: target, columns: source)",
        head.weights)
    }
    show("\(name), add & norm", layer.secondNorm.output)
    show("\(name), feed-forward output", layer.feedForward.output)
    show("\(name), add & norm: the layer's output", layer.output)
  }
  show(
    "Final linear layer: logits (rows: positions, columns: \(english.words.joined(separator: " ")))",
    trace.output.logits)
  show("Softmax: probabilities", trace.output.probabilities)
  print("\nloss (mean cross-entropy): \(formatDecimal(trace.loss.mean, decimals: 4))")
}

/// `train`: train the post's example and save the weights.
func train(_ arguments: Arguments) throws(CommandError) {
  var translator = PostExample.untrainedModel()
  let steps = arguments.steps ?? PostExample.trainingSteps
  let losses = PostExample.train(&translator, steps: steps)
  let path = arguments.save!
  do {
    try translator.save(to: URL(fileURLWithPath: path))
  } catch {
    throw .failed("\(error)")
  }
  print(
    "Trained \(steps) steps: loss \(formatDecimal(losses.first ?? 0, decimals: 4)) -> "
      + "\(formatDecimal(losses.last ?? 0, decimals: 4)). Saved to \(path).")
}

func printToStandardError(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}
