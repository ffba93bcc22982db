import ExerciseSolutions
import Exercises
import Foundation
import TestSupport
import Testing

// Chapter 9's exercises, checked with Chapter 9's worked example, "je suis étudiant" decoded from
// a hand-made table (Sources/Decoding/WorkedExample.swift; Tests/Chapter9Tests/
// DecodingByHandTests.swift and TieBreakingTests.swift). The checks are written once and run
// twice:
//   swift test --filter Exercises9   your answers, in Sources/Exercises/Chapter9.swift
//   swift test --filter Solutions9   the worked answers, in Sources/ExerciseSolutions/Chapter9.swift
//
// Every ln is Python's math.log, to 10 decimals, so 1e-9 is the tolerance; summing the logs in
// another order moves them by about 1e-15.

/// The worked example's next-word probabilities after each prefix. Vocabulary: a 0, am 1, i 2,
/// thanks 3, student 4, <eos> 5.
private enum WorkedExample {
  //                                   a     am    i     thanks student <eos>
  static let start: [Double] = [0.5, 0.04, 0.4, 0.03, 0.02, 0.01]
  static let afterA: [Double] = [0.05, 0.2, 0.2, 0.15, 0.3, 0.1]  // a
  static let afterI: [Double] = [0.03, 0.9, 0.01, 0.02, 0.02, 0.02]  // i
  static let afterAStudent: [Double] = [0.1, 0.2, 0.05, 0.05, 0.1, 0.5]  // a student
  static let afterIAm: [Double] = [0.5, 0.01, 0.01, 0.03, 0.4, 0.05]  // i am
}

private typealias Beam = (words: [Int], logProbability: Double)

/// Your answers to Chapter 9's exercises, each skipped until you write it.
@Suite struct Exercises9 {
  @Test(
    "Exercise 9.1: one step of greedy decoding",
    .attempted(in: "Chapter9.swift") { try Exercises.greedyNextWord(WorkedExample.start) })
  func greedy() throws { try checkGreedyNextWord(Exercises.greedyNextWord) }

  @Test(
    "Exercise 9.2: one step of beam search",
    .attempted(in: "Chapter9.swift") {
      try Exercises.beamSearchStep(
        beams: [([], 0)], nextLogProbabilities: [WorkedExample.start.map { log($0) }],
        beamSize: 2)
    })
  func beamStep() throws { try checkBeamSearchStep(Exercises.beamSearchStep) }
}

/// The worked answers, through the same checks (CI runs these with every `swift test`).
@Suite struct Solutions9 {
  @Test func greedy() throws { try checkGreedyNextWord(ExerciseSolutions.greedyNextWord) }
  @Test func beamStep() throws { try checkBeamSearchStep(ExerciseSolutions.beamSearchStep) }
}

// The checks.

private func checkGreedyNextWord(_ greedyNextWord: ([Double]) throws -> Int) throws {
  // Greedy decoding of the worked example: a (0.5 > 0.4), then student (0.3), then <eos> (0.5).
  try #expect(greedyNextWord(WorkedExample.start) == 0, "Exercise 9.1, step 1: a")
  try #expect(greedyNextWord(WorkedExample.afterA) == 4, "Exercise 9.1, step 2: a student")
  try #expect(
    greedyNextWord(WorkedExample.afterAStudent) == 5, "Exercise 9.1, step 3: a student <eos>")
  // Ties go to the lowest index: the post's untrained "merci" output, four words at 0.2, gives
  // a (0); [0.1, 0.3, 0.3, 0.3] gives 1, not 3.
  try #expect(
    greedyNextWord([0.2, 0.2, 0.1, 0.2, 0.2, 0.1]) == 0,
    "Exercise 9.1: a four-way tie at 0.2 goes to word 0")
  try #expect(
    greedyNextWord([0.1, 0.3, 0.3, 0.3]) == 1, "Exercise 9.1: a tie goes to the lowest index")
}

private func checkBeamSearchStep(
  _ beamSearchStep: ([Beam], [[Double]], Int) throws -> [Beam]
) throws {
  typealias W = WorkedExample
  func logs(_ p: [Double]) -> [Double] { p.map { log($0) } }
  // Step 1: one beam, the start (ln 1 = 0), times 6 words: a (ln 0.5) and i (ln 0.4) are best.
  let step1 = try beamSearchStep([([], 0)], [logs(W.start)], 2)
  #expect(step1.map(\.words) == [[0], [2]], "Exercise 9.2, step 1: keeps a, i")
  expectVector(
    step1.map(\.logProbability), equals: [-0.6931471806, -0.9162907319], tolerance: 1e-9,
    "Exercise 9.2, step 1: ln 0.5, ln 0.4")

  // Step 2: 2 beams × 6 words = 12 candidates. Best: i am, ln 0.4 + ln 0.9 = ln 0.36;
  // a student, ln 0.5 + ln 0.3 = ln 0.15. (Greedy would have kept a alone.)
  let step2 = try beamSearchStep(
    [([0], log(0.5)), ([2], log(0.4))], [logs(W.afterA), logs(W.afterI)], 2)
  #expect(step2.map(\.words) == [[2, 1], [0, 4]], "Exercise 9.2, step 2: keeps i am, a student")
  expectVector(
    step2.map(\.logProbability),
    equals: [
      -1.0216512475,  // ln 0.4 + ln 0.9 = ln 0.36
      -1.8971199849,  // ln 0.5 + ln 0.3 = ln 0.15
    ], tolerance: 1e-9, "Exercise 9.2, step 2: ln P of the kept hypotheses")

  // Step 3: i am a, ln 0.36 + ln 0.5 = ln 0.18; i am student, ln 0.36 + ln 0.4 = ln 0.144.
  // a student <eos> (ln 0.15 + ln 0.5 = ln 0.075) comes third and is pruned.
  let step3 = try beamSearchStep(
    [([2, 1], log(0.36)), ([0, 4], log(0.15))], [logs(W.afterIAm), logs(W.afterAStudent)], 2)
  #expect(
    step3.map(\.words) == [[2, 1, 0], [2, 1, 4]], "Exercise 9.2, step 3: keeps i am a, i am student"
  )
  expectVector(
    step3.map(\.logProbability),
    equals: [
      -1.7147984281,  // ln 0.36 + ln 0.5 = ln 0.18
      -1.9379419794,  // ln 0.36 + ln 0.4 = ln 0.144
    ], tolerance: 1e-9, "Exercise 9.2, step 3: ln P of the kept hypotheses")

  // Ties: beams [1] (ln 0.5) and [0] (ln 0.3), next words after [1]: [0.3, 0.2, 0.5], after
  // [0]: [0.5, 0.3, 0.2]. Best: 1 2 (ln 0.5 + ln 0.5 = ln 0.25). Then 1 0 (ln 0.5 + ln 0.3) and
  // 0 0 (ln 0.3 + ln 0.5) tie, the same Double since addition commutes: 1 0 comes from the
  // first beam, but [0, 0] < [1, 0] wins the tie.
  let tie = try beamSearchStep(
    [([1], log(0.5)), ([0], log(0.3))], [logs([0.3, 0.2, 0.5]), logs([0.5, 0.3, 0.2])], 3)
  #expect(
    tie.map(\.words) == [[1, 2], [0, 0], [1, 0]],
    "Exercise 9.2: equal ln P put the smaller word list first")
}
