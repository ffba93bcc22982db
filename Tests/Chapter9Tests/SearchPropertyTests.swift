import Decoding
import Foundation
import Matrix
import TestSupport
import Testing

/// A small model whose distributions depend on the whole prefix: a softmax of numbers drawn by
/// SplitMix64 from a seed made of `seed` and the prefix. Its numbers have no ties.
func randomModel(vocabularySize: Int, seed: UInt64) -> NextWordFunction {
  NextWordFunction(vocabularySize: vocabularySize) { prefix in
    var generator = SplitMix64(
      seed: prefix.reduce(seed) { $0 &* 31 &+ UInt64($1) &+ 1 })
    let logits = (0..<vocabularySize).map { _ in generator.nextUniform(-2, 2) }
    let total = log(logits.map { exp($0) }.reduce(0, +))
    return logits.map { $0 - total }
  }
}

/// Every sentence of at most `maxLength` words that ends with `<eos>` (and has no earlier
/// `<eos>`), with its ln P, best first by `score` and then by words. Written without the
/// library's search: it enumerates the vocabularySize^(n−1) bodies of each length n.
func exhaustiveSearch(
  _ model: some NextWordModel, endOfSentence: Int, maxLength: Int,
  lengthPenalty: LengthPenalty = .none
) -> [(words: [Int], logProbability: Double, score: Double)] {
  var sentences: [(words: [Int], logProbability: Double, score: Double)] = []
  let others = (0..<model.vocabularySize).filter { $0 != endOfSentence }
  var bodies: [[Int]] = [[]]
  for length in 1...maxLength {
    for body in bodies {
      let words = body + [endOfSentence]
      var logProbability = 0.0
      for k in words.indices {
        logProbability += model.logProbabilities(after: Array(words[..<k]))[words[k]]
      }
      let score = logProbability / lengthPenalty.divisor(length: length)
      sentences.append((words, logProbability, score))
    }
    bodies = bodies.flatMap { body in others.map { body + [$0] } }
  }
  return sentences.sorted {
    $0.score != $1.score ? $0.score > $1.score : $0.words.lexicographicallyPrecedes($1.words)
  }
}

@Suite("Properties of greedy decoding and beam search")
struct SearchPropertyTests {
  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func aBeamOfOneIsGreedyDecoding(seed: UInt64) {
    let models: [any NextWordModel] = [
      WorkedExample.table, randomModel(vocabularySize: 4, seed: seed),
    ]
    for model in models {
      let greedy = GreedyDecoder(maxLength: 6, endOfSentence: 3)(model)
      let beam = BeamSearch(beamSize: 1, topBeams: 1, maxLength: 6, endOfSentence: 3)(model)
      #expect(beam == [greedy])
    }
  }

  @Test func aBeamAsWideAsEverySentenceIsExhaustiveSearchOnTheWorkedExample() {
    // 6^5 = 7776 sentences of 5 words: a beam that wide prunes nothing.
    for penalty in [LengthPenalty.none, .paper] {
      let search = BeamSearch(
        beamSize: 7776, topBeams: 3, maxLength: 5, endOfSentence: 5, lengthPenalty: penalty)
      let best = search(WorkedExample.table)
      let all = exhaustiveSearch(
        WorkedExample.table, endOfSentence: 5, maxLength: 5, lengthPenalty: penalty)
      #expect(best.map(\.words) == all.prefix(3).map(\.words))
      expectVector(
        best.map(\.score), equals: all.prefix(3).map(\.score), tolerance: 1e-12,
        "Wide beam vs exhaustive search: the top three scores")
    }
  }

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func aBeamAsWideAsEverySentenceIsExhaustiveSearch(seed: UInt64) {
    // Three words (<eos> is 2), at most 4 words: 3^4 = 81 is as wide as every sentence.
    let model = randomModel(vocabularySize: 3, seed: seed)
    let all = exhaustiveSearch(model, endOfSentence: 2, maxLength: 4)
    let best = BeamSearch(beamSize: 81, topBeams: 5, maxLength: 4, endOfSentence: 2)(model)
    #expect(best.map(\.words) == all.prefix(5).map(\.words))
    #expect(best.allSatisfy { $0.isFinished })
    // A narrow beam can only do as well or worse.
    let narrow = BeamSearch(beamSize: 2, topBeams: 1, maxLength: 4, endOfSentence: 2)(model)
    #expect(narrow[0].logProbability <= all[0].logProbability + 1e-12)
  }

  @Test func aWiderBeamIsNeverWorseOnTheWorkedExample() {
    var previous = -Double.infinity
    for beamSize in 1...6 {
      let best = BeamSearch(beamSize: beamSize, topBeams: 1, maxLength: 6, endOfSentence: 5)(
        WorkedExample.table)
      #expect(best[0].logProbability >= previous - 1e-12)
      previous = best[0].logProbability
    }
  }

  @Test func maxLengthStopsTheSearchAndReturnsLiveHypotheses() {
    // With 3 steps nothing of the worked example has finished in the beam: the best live
    // hypotheses, i am a (ln 0.18) and i am student (ln 0.144), are returned unfinished.
    let trace = BeamSearch(beamSize: 2, topBeams: 2, maxLength: 3, endOfSentence: 5).trace(
      WorkedExample.table)
    #expect(trace.stopReason == .maxLength)
    #expect(trace.steps.count == 3)
    #expect(trace.best.map(\.words) == [[2, 1, 0], [2, 1, 4]])
    #expect(trace.best.allSatisfy { !$0.isFinished })
    let greedy = GreedyDecoder(maxLength: 2, endOfSentence: 5)(WorkedExample.table)
    #expect(greedy.words == [0, 4] && !greedy.isFinished)
  }

  @Test func probabilitiesAreTheExponentialOfTheLogProbabilities() {
    let model = randomModel(vocabularySize: 5, seed: 9)
    let p = model.probabilities(after: [1, 3])
    expectVector(
      p, equals: model.logProbabilities(after: [1, 3]).map { exp($0) }, tolerance: 0,
      "probabilities(after:) = exp(log-probabilities)")
    expectVector([p.reduce(0, +)], equals: [1], tolerance: 1e-12, "The distribution sums to 1")
  }
}
