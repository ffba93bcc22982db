import Decoding
import Foundation
import TestSupport
import Testing

// The worked example, "je suis étudiant", decoded from `WorkedExample.table` (see
// Sources/Decoding/WorkedExample.swift). Indices: a 0, am 1, i 2, thanks 3, student 4, <eos> 5.
// Every ln below is Python's math.log, to 10 decimals; Tests/Reference/beam_search.py
// recomputes the whole search independently. Sums of two or three logs agree with the ln of
// the product to about 1e-15, so 1e-9 (the 10 printed decimals) is the tolerance.

@Suite("Decoding \"je suis étudiant\" by hand")
struct DecodingByHandTests {
  let model = WorkedExample.table

  @Test func greedyDecodingStepByStep() {
    let trace = GreedyDecoder(maxLength: 10, endOfSentence: 5).trace(model)
    #expect(trace.steps.map(\.prefix) == [[], [0], [0, 4]])
    // exp(ln p) returns p to within a few units in the last place: tolerance 1e-15.
    expectVector(
      trace.steps[0].probabilities, equals: [0.5, 0.04, 0.4, 0.03, 0.02, 0.01], tolerance: 1e-15,
      "Greedy, step 1: P(next | start)")
    expectVector(
      trace.steps[1].probabilities, equals: [0.05, 0.2, 0.2, 0.15, 0.3, 0.1], tolerance: 1e-15,
      "Greedy, step 2: P(next | a)")
    expectVector(
      trace.steps[2].probabilities, equals: [0.1, 0.2, 0.05, 0.05, 0.1, 0.5], tolerance: 1e-15,
      "Greedy, step 3: P(next | a student)")
    // a (0.5 > 0.4), student (0.3), <eos> (0.5).
    #expect(trace.steps.map(\.word) == [0, 4, 5])
    #expect(trace.translation.words == [0, 4, 5])
    #expect(trace.translation.isFinished)
    // ln 0.5 + ln 0.3 + ln 0.5 = ln 0.075 = −2.5902671654
    expectVector(
      [trace.translation.logProbability], equals: [-2.5902671654], tolerance: 1e-9,
      "Greedy: ln P(a student <eos>)")
  }

  @Test func beamSearchStepByStep() {
    let trace = BeamSearch(beamSize: 2, topBeams: 2, maxLength: 10, endOfSentence: 5).trace(model)
    #expect(trace.steps.count == 5)
    let steps = trace.steps

    // Step 1: one beam, the start, expanded by all 6 words; the best two are a and i.
    #expect(steps[0].beams.map(\.words) == [[]])
    #expect(steps[0].candidates.count == 6)
    #expect(steps[0].kept.map(\.words) == [[0], [2]])
    expectVector(
      steps[0].kept.map(\.logProbability),
      equals: [
        -0.6931471806,  // ln 0.5
        -0.9162907319,  // ln 0.4
      ], tolerance: 1e-9, "Beam search, step 1: kept hypotheses' ln P")

    // Step 2: 2 beams × 6 words = 12 candidates. Best: i am, ln 0.4 + ln 0.9 = ln 0.36;
    // a student, ln 0.5 + ln 0.3 = ln 0.15. Next would be a am and a i, ln 0.1 each.
    #expect(steps[1].beams.map(\.words) == [[0], [2]])
    #expect(steps[1].candidates.count == 12)
    #expect(steps[1].kept.map(\.words) == [[2, 1], [0, 4]])
    expectVector(
      steps[1].kept.map(\.logProbability),
      equals: [
        -1.0216512475,  // ln 0.4 + ln 0.9 = ln 0.36
        -1.8971199849,  // ln 0.5 + ln 0.3 = ln 0.15
      ], tolerance: 1e-9, "Beam search, step 2: kept hypotheses' ln P")

    // Step 3: i am a, ln 0.36 + ln 0.5 = ln 0.18; i am student, ln 0.36 + ln 0.4 = ln 0.144.
    // Greedy's a student <eos> (ln 0.15 + ln 0.5 = ln 0.075) is third, and is pruned.
    #expect(steps[2].beams.map(\.words) == [[2, 1], [0, 4]])
    #expect(steps[2].kept.map(\.words) == [[2, 1, 0], [2, 1, 4]])
    expectVector(
      steps[2].kept.map(\.logProbability),
      equals: [
        -1.7147984281,  // ln 0.36 + ln 0.5 = ln 0.18
        -1.9379419794,  // ln 0.36 + ln 0.4 = ln 0.144
      ], tolerance: 1e-9, "Beam search, step 3: kept hypotheses' ln P")
    let pruned = steps[2].candidates.first { $0.hypothesis.words == [0, 4, 5] }
    #expect(pruned?.isKept == false)
    #expect(steps[2].finished.isEmpty)

    // Step 4: i am a student, ln 0.18 + ln 0.9 = ln 0.162, stays live; i am student <eos>,
    // ln 0.144 + ln 0.9 = ln 0.1296, finishes.
    #expect(steps[3].kept.map(\.words) == [[2, 1, 0, 4], [2, 1, 4, 5]])
    #expect(steps[3].kept.map(\.isFinished) == [false, true])
    expectVector(
      steps[3].kept.map(\.logProbability),
      equals: [
        -1.8201589437,  // ln 0.18 + ln 0.9 = ln 0.162
        -2.0433024951,  // ln 0.144 + ln 0.9 = ln 0.1296
      ], tolerance: 1e-9, "Beam search, step 4: kept hypotheses' ln P")

    // Step 5: one translation has finished, so the beam has room for 2 − 1 = 1: the one live
    // hypothesis makes 6 candidates and the best, <eos> (ln 0.162 + ln 0.75 = ln 0.1215), is kept.
    #expect(steps[4].beams.map(\.words) == [[2, 1, 0, 4]])
    #expect(steps[4].candidates.count == 6)
    #expect(steps[4].kept.map(\.words) == [[2, 1, 0, 4, 5]])
    expectVector(
      steps[4].kept.map(\.logProbability),
      equals: [-2.1078410162],  // ln 0.162 + ln 0.75 = ln 0.1215
      tolerance: 1e-9, "Beam search, step 5: kept hypotheses' ln P")

    // Two translations have finished: the beam is empty and the search stops.
    #expect(steps[4].finished.map(\.words) == [[2, 1, 4, 5], [2, 1, 0, 4, 5]])
    #expect(trace.stopReason == .beamFinished)
  }

  @Test func beamSearchReturnsTheTopTwoByLogProbability() {
    let best = BeamSearch(beamSize: 2, topBeams: 2, maxLength: 10, endOfSentence: 5)(model)
    // "i am student <eos>" (0.1296) before "i am a student <eos>" (0.1215): with no length
    // penalty the score is ln P itself.
    #expect(
      best.map { WorkedExample.sentence($0.words) } == [
        "i am student <eos>", "i am a student <eos>",
      ])
    expectVector(
      best.map(\.score), equals: [-2.0433024951, -2.1078410162], tolerance: 1e-9,
      "Beam search: the top two scores (ln 0.1296, ln 0.1215)")
    #expect(best.map(\.score) == best.map(\.logProbability))
  }

  @Test func beamSearchFindsAMoreProbableTranslationThanGreedy() {
    let greedy = GreedyDecoder(maxLength: 10, endOfSentence: 5)(model)
    let beam = BeamSearch(beamSize: 2, topBeams: 1, maxLength: 10, endOfSentence: 5)(model)
    #expect(greedy.words == [0, 4, 5])
    #expect(beam[0].words == [2, 1, 4, 5])
    #expect(beam[0].logProbability > greedy.logProbability)  // ln 0.1296 > ln 0.075
  }

  @Test func theSearchTreeHasTheStartAndEveryCandidate() {
    let trace = BeamSearch(beamSize: 2, topBeams: 2, maxLength: 10, endOfSentence: 5).trace(model)
    let tree = trace.tree
    #expect(tree.count == 1 + 6 + 12 + 12 + 12 + 6)
    #expect(tree.filter(\.isKept).count == 1 + 2 + 2 + 2 + 2 + 1)
    for (index, node) in tree.enumerated() {
      #expect((node.parent ?? -1) < index)
    }
    // Step 2's "am" after "i": its parent is step 1's "i", node 1 + 2 = 3.
    let iAm = tree.firstIndex { $0.parent == 3 && $0.word == 1 }
    #expect(iAm != nil)
    #expect(tree[3].word == 2 && tree[3].parent == 0)
    // Step 5's candidates hang from step 4's "student" after "i am a".
    let lastParents = Set(tree.suffix(6).compactMap(\.parent))
    #expect(lastParents.count == 1)
    let parent = tree[lastParents.first!]
    #expect(parent.word == 4 && parent.isKept)
    expectVector(
      [parent.logProbability], equals: [-1.8201589437], tolerance: 1e-9,
      "Search tree: ln P(i am a student) = ln 0.162")
  }
}
