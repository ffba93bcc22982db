import Matrix

/// Beam search: keep the `beamSize` most probable partial translations, expand each by every
/// word, keep the best `beamSize` of all the expansions, and return the best `topBeams`.
///
///     let search = BeamSearch(beamSize: 2, topBeams: 2, maxLength: 10, endOfSentence: 5)
///     search(WorkedExample.table).map(\.words)   // [[2, 1, 4, 5], [2, 1, 0, 4, 5]]
///
/// One step, with `finished` the translations that already ended:
/// 1. every live hypothesis y₁ … y_t and every word w make a candidate y₁ … y_t w with
///    ln P = ln P(y₁ … y_t) + ln P(w | y₁ … y_t);
/// 2. the candidates are ranked by ln P, higher first; equal ln P put the lexicographically
///    smaller word list first ([0, 4] before [2, 1]), so a tie always goes to the lower index;
/// 3. the best beamSize − finished.count candidates are kept; a kept candidate ending in
///    `<eos>` is finished, the others are the live hypotheses of the next step.
///
/// The search stops when beamSize translations have finished (the beam has shrunk to nothing),
/// or after maxLength steps. This is the shrinking beam of Jurafsky and Martin's "Speech and
/// Language Processing" (3rd ed., beam search). A beam of 1 is greedy decoding; a beam at least
/// as wide as every sentence of maxLength words (vocabularySize^maxLength) prunes nothing, and
/// is exhaustive search.
///
/// All candidates of one step have the same length, so the length penalty, which depends only
/// on the length, cannot change which are kept: it matters at the end, where the finished
/// translations are ranked by `score` (the same tie rule). If fewer than topBeams finished, the
/// best live hypotheses fill the list, with `isFinished` false.
///
/// Traps if beamSize < 1, topBeams is not in 1...beamSize, maxLength < 1, `endOfSentence` is
/// not a word of the model's vocabulary, or the model returns a distribution of the wrong length.
///
/// Shape: model -> topBeams hypotheses of at most maxLength words
public struct BeamSearch: Sendable {
  /// How many hypotheses are kept at each step (the post's beam_size).
  public var beamSize: Int
  /// How many translations are returned (the post's top_beams).
  public var topBeams: Int
  /// The most words in a translation, `<eos>` included: the most steps.
  public var maxLength: Int
  /// The index of `<eos>` in the output vocabulary.
  public var endOfSentence: Int
  /// How finished translations of different lengths are ranked.
  public var lengthPenalty: LengthPenalty

  public init(
    beamSize: Int, topBeams: Int, maxLength: Int, endOfSentence: Int,
    lengthPenalty: LengthPenalty = .none
  ) {
    checkPrecondition(beamSize >= 1, "BeamSearch: beamSize \(beamSize) must be at least 1")
    checkPrecondition(
      (1...beamSize).contains(topBeams),
      "BeamSearch: topBeams \(topBeams) must be between 1 and beamSize \(beamSize)")
    checkPrecondition(maxLength >= 1, "BeamSearch: maxLength \(maxLength) must be at least 1")
    self.beamSize = beamSize
    self.topBeams = topBeams
    self.maxLength = maxLength
    self.endOfSentence = endOfSentence
    self.lengthPenalty = lengthPenalty
  }

  /// One expansion considered: live hypothesis number `beam` (counting from 0 in the step's
  /// `beams`) followed by `word`.
  public struct Candidate: Equatable, Sendable {
    public var beam: Int
    public var word: Int
    public var hypothesis: Hypothesis
    public var isKept: Bool
  }

  /// One step of the search, in the order it happens.
  public struct Step: Equatable, Sendable {
    /// The live hypotheses expanded, best first.
    public var beams: [Hypothesis]
    /// Every expansion: beam by beam, and word by word within a beam.
    public var candidates: [Candidate]
    /// The candidates kept, best first (finished ones included).
    public var kept: [Hypothesis]
    /// Every translation finished so far, in the order they finished.
    public var finished: [Hypothesis]
  }

  /// Why the search stopped.
  public enum StopReason: Equatable, Sendable {
    /// beamSize translations had finished.
    case beamFinished
    /// maxLength steps were taken.
    case maxLength
  }

  /// Every step, why the search stopped, and the translations returned.
  public struct Trace: Equatable, Sendable {
    public var steps: [Step]
    public var stopReason: StopReason
    /// The best topBeams translations, best first by `score`.
    public var best: [Hypothesis]
  }

  public func callAsFunction(_ model: some NextWordModel) -> [Hypothesis] {
    trace(model).best
  }

  public func trace(_ model: some NextWordModel) -> Trace {
    checkEndOfSentence(endOfSentence, in: model, caller: "BeamSearch")
    var live = [hypothesis([], 0)]
    var finished: [Hypothesis] = []
    var steps: [Step] = []
    var stopReason = StopReason.maxLength
    for _ in 1...maxLength {
      // Step 1: expand every live hypothesis by every word.
      var candidates: [Candidate] = []
      for (beam, parent) in live.enumerated() {
        let next = model.checkedLogProbabilities(after: parent.words, caller: "BeamSearch")
        for word in next.indices {
          let child = hypothesis(parent.words + [word], parent.logProbability + next[word])
          candidates.append(Candidate(beam: beam, word: word, hypothesis: child, isKept: false))
        }
      }
      // Steps 2 and 3: rank them by ln P and keep as many as the beam has room for.
      let kept = Array(
        ranked(candidates.map(\.hypothesis), by: \.logProbability)
          .prefix(beamSize - finished.count))
      let keptWords = Set(kept.map(\.words))
      for index in candidates.indices {
        candidates[index].isKept = keptWords.contains(candidates[index].hypothesis.words)
      }
      finished += kept.filter(\.isFinished)
      steps.append(Step(beams: live, candidates: candidates, kept: kept, finished: finished))
      live = kept.filter { !$0.isFinished }
      if finished.count == beamSize {
        stopReason = .beamFinished
        break
      }
    }
    let best = ranked(finished, by: \.score) + ranked(live, by: \.score)
    return Trace(steps: steps, stopReason: stopReason, best: Array(best.prefix(topBeams)))
  }

  private func hypothesis(_ words: [Int], _ logProbability: Double) -> Hypothesis {
    Hypothesis(
      words: words, logProbability: logProbability, isFinished: words.last == endOfSentence,
      lengthPenalty: lengthPenalty)
  }
}
