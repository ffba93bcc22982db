import Decoding
import Foundation
import Testing

@Suite("Ties are broken by the lower word index")
struct TieBreakingTests {
  // Words 0, 1, 2 (<eos>). After the start, 0 and 1 are equally likely (ln 0.4 both, the same
  // Double); after either, <eos> has 0.5. Every other prefix ends at once.
  let model = NextWordTable(
    rows: [[]: [0.4, 0.4, 0.2], [0]: [0.25, 0.25, 0.5], [1]: [0.25, 0.25, 0.5]],
    otherwise: [0, 0, 1])

  @Test func greedyTakesTheLowestIndexAmongEquals() {
    let trace = GreedyDecoder(maxLength: 5, endOfSentence: 2).trace(model)
    #expect(trace.steps[0].word == 0)
    #expect(trace.translation.words == [0, 2])
  }

  @Test func beamSearchRanksEqualScoresByTheirWords() {
    let trace = BeamSearch(beamSize: 2, topBeams: 2, maxLength: 5, endOfSentence: 2).trace(model)
    // 0 <eos> and 1 <eos> both have ln 0.4 + ln 0.5 = ln 0.2: [0, 2] comes before [1, 2].
    #expect(trace.steps[0].kept.map(\.words) == [[0], [1]])
    #expect(trace.best.map(\.words) == [[0, 2], [1, 2]])
    #expect(trace.best[0].score == trace.best[1].score)
    let one = BeamSearch(beamSize: 1, topBeams: 1, maxLength: 5, endOfSentence: 2)(model)
    #expect(one.map(\.words) == [[0, 2]])
  }

  @Test func theOrderOfTheTieIsTheWordsNotTheBeams() {
    // Step 1 keeps 1 (0.5), 0 (0.3) and <eos> (0.2), which finishes: room for 2 at step 2.
    // There 1 <eos> (0.5 · 0.5) is best, then 1 0 (ln 0.5 + ln 0.3) and 0 0 (ln 0.3 + ln 0.5)
    // tie: the same Double, since floating-point addition commutes. 1 0 comes from the first
    // beam and is listed first among the candidates, but [0, 0] < [1, 0] wins the tie.
    let model = NextWordTable(
      rows: [[]: [0.3, 0.5, 0.2], [0]: [0.5, 0.3, 0.2], [1]: [0.3, 0.2, 0.5]],
      otherwise: [0, 0, 1])
    let trace = BeamSearch(beamSize: 3, topBeams: 1, maxLength: 5, endOfSentence: 2).trace(model)
    #expect(trace.steps[1].beams.map(\.words) == [[1], [0]])
    #expect(trace.steps[1].kept.map(\.words) == [[1, 2], [0, 0]])
  }
}
