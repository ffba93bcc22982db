import Decoding
import Foundation
import TestSupport
import Testing

@Suite("The paper's length penalty")
struct LengthPenaltyTests {
  @Test func theDivisorGrowsWithTheLength() {
    // lp(Y) = ((5 + |Y|) / 6)^0.6: lp(1) = 1; lp(4) = 1.5^0.6; lp(5) = (10/6)^0.6.
    // Python: (9/6)**0.6 = 1.2754245006, (10/6)**0.6 = 1.3586551827.
    let penalty = LengthPenalty.paper
    expectVector(
      [penalty.divisor(length: 1), penalty.divisor(length: 4), penalty.divisor(length: 5)],
      equals: [1, 1.2754245006, 1.3586551827], tolerance: 1e-9,
      "Length penalty: lp(1), lp(4), lp(5) with α = 0.6")
    #expect(LengthPenalty.none.divisor(length: 7) == 1)
    #expect(LengthPenalty.none.score(logProbability: -2.5, length: 9) == -2.5)
  }

  @Test func thePenaltyPutsTheLongerTranslationFirst() {
    let search = BeamSearch(
      beamSize: 2, topBeams: 2, maxLength: 10, endOfSentence: 5, lengthPenalty: .paper)
    let best = search(WorkedExample.table)
    // i am a student <eos>: ln 0.1215 / lp(5) = −2.1078410162 / 1.3586551827 = −1.5514171977
    // i am student <eos>:   ln 0.1296 / lp(4) = −2.0433024951 / 1.2754245006 = −1.6020568007
    // Without the penalty the order is the other way round (ln 0.1296 > ln 0.1215).
    #expect(
      best.map { WorkedExample.sentence($0.words) } == [
        "i am a student <eos>", "i am student <eos>",
      ])
    expectVector(
      best.map(\.score), equals: [-1.5514171977, -1.6020568007], tolerance: 1e-9,
      "Length penalty: the top two scores, ln P / lp(Y)")
    expectVector(
      best.map(\.logProbability), equals: [-2.1078410162, -2.0433024951], tolerance: 1e-9,
      "Length penalty: ln P itself is unchanged")
  }

  @Test func thePenaltyNeverChangesWhichCandidatesAreKept() {
    // All candidates of one step have the same length, so they share one divisor.
    let plain = BeamSearch(beamSize: 2, topBeams: 2, maxLength: 10, endOfSentence: 5)
    var penalized = plain
    penalized.lengthPenalty = .paper
    let a = plain.trace(WorkedExample.table).steps.map { $0.kept.map(\.words) }
    let b = penalized.trace(WorkedExample.table).steps.map { $0.kept.map(\.words) }
    #expect(a == b)
  }
}
