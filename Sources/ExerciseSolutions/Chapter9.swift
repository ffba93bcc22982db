import Foundation

// Worked answers to Chapter 9's exercises (Chapters/09-decoding.md). Each has the signature of its
// stub in Sources/Exercises/Chapter9.swift, so it can be pasted over it. The same checks run
// against these answers in CI: `swift test --filter Solutions9`.

/// Exercise 9.1: one step of greedy decoding.
///
/// Walk the probabilities once and keep the best so far, replacing it only on a strictly larger
/// value: a later word that merely ties never replaces an earlier one, so the lowest index wins.
/// (`>=` would give the highest index among equals.)
/// Shape: [vocabulary] -> an index
public func greedyNextWord(_ probabilities: [Double]) throws -> Int {
  var best = 0
  for word in 1..<probabilities.count where probabilities[word] > probabilities[best] {
    best = word
  }
  return best
}

/// Exercise 9.2: one step of beam search.
///
/// Every beam is extended by every word: beams × vocabulary candidates. A candidate's
/// log-probability is its beam's plus the next word's, since the probability of a sentence is the
/// product of its words' probabilities. All candidates compete together, whichever beam they come
/// from, and the best `beamSize` survive. Ties go to the smaller word list, compared word by word,
/// so the result does not depend on the order of the beams.
/// Shape: [beams] and [beams][vocabulary] -> [beamSize]
public func beamSearchStep(
  beams: [(words: [Int], logProbability: Double)], nextLogProbabilities: [[Double]],
  beamSize: Int
) throws -> [(words: [Int], logProbability: Double)] {
  var candidates: [(words: [Int], logProbability: Double)] = []
  for (b, beam) in beams.enumerated() {
    for (word, next) in nextLogProbabilities[b].enumerated() {
      candidates.append((beam.words + [word], beam.logProbability + next))
    }
  }
  candidates.sort { first, second in
    if first.logProbability != second.logProbability {
      return first.logProbability > second.logProbability
    }
    return first.words.lexicographicallyPrecedes(second.words)
  }
  return Array(candidates.prefix(beamSize))
}
