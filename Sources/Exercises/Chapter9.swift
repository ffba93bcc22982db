import Foundation

// Chapter 9's exercises: the questions are at the end of Chapters/09-decoding.md.
// Replace each `throw ExerciseNotAttempted(...)` line with your code, then check your answers:
//
//     swift test --filter Exercises9 --no-parallel --quiet
//
// Use plain loops over arrays. Worked answers, for when you are done:
// Sources/ExerciseSolutions/Chapter9.swift.

/// Exercise 9.1: one step of greedy decoding: the index of the most probable next word. When
/// several words tie for the largest probability, the lowest index wins.
/// Shape: [vocabulary] -> an index
public func greedyNextWord(_ probabilities: [Double]) throws -> Int {
  throw ExerciseNotAttempted("Exercise 9.1")
}

/// Exercise 9.2: one step of beam search. Extend every beam by every word: beam b followed by
/// word w has the words `beams[b].words + [w]` and the log-probability
/// `beams[b].logProbability + nextLogProbabilities[b][w]`. Return the best `beamSize` of these
/// candidates, higher log-probability first; equal log-probabilities put the lexicographically
/// smaller word list first ([0, 4] before [2, 1]).
/// Shape: [beams] and [beams][vocabulary] -> [beamSize]
public func beamSearchStep(
  beams: [(words: [Int], logProbability: Double)], nextLogProbabilities: [[Double]],
  beamSize: Int
) throws -> [(words: [Int], logProbability: Double)] {
  throw ExerciseNotAttempted("Exercise 9.2")
}
