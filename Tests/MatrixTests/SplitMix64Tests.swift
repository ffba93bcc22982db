import Matrix
import TestSupport
import Testing

/// Reference outputs from an independent Python implementation of SplitMix64 (arithmetic
/// mod 2⁶⁴); seed 0's first output is the commonly published test vector 0xE220A8397B1DCDAF.
@Suite("SplitMix64: the same numbers on every platform")
struct SplitMix64Tests {
  @Test func seedZeroMatchesPublishedVector() {
    var generator = SplitMix64(seed: 0)
    let outputs = (0..<5).map { _ in generator.next() }
    #expect(
      outputs == [
        0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F,
        0xF88B_B8A8_724C_81EC, 0x1B39_896A_51A8_749B,
      ])
  }

  @Test func seed42() {
    var generator = SplitMix64(seed: 42)
    let outputs = (0..<5).map { _ in generator.next() }
    #expect(
      outputs == [
        13_679_457_532_755_275_413, 2_949_826_092_126_892_291, 5_139_283_748_462_763_858,
        6_349_198_060_258_255_764, 701_532_786_141_963_250,
      ])
  }

  @Test func uniformDoublesAreExact() {
    // u = (output >> 11) · 2⁻⁵³ is exact in Double; −1 + 2u is too (one rounding-free step).
    var generator = SplitMix64(seed: 42)
    #expect(generator.nextUnit() == 0x1.7bae644c5fd6dp-1)  // 0.7415648787718233
    #expect(generator.nextUnit() == 0x1.477f199d93378p-3)  // 0.1599103928769201
    var again = SplitMix64(seed: 42)
    let m = Matrix.random(rows: 1, columns: 3, in: -1, 1, using: &again)
    #expect(m.row(0) == [0.4831297575436466, -0.6801792142461598, -0.4427977394897227])
  }

  @Test func glorotLimit() {
    // √(6 / (4 + 2)) = 1: every weight is −1 + 2u, in [−1, 1); the first three as above.
    var generator = SplitMix64(seed: 42)
    let w = Matrix.glorotUniform(rows: 4, columns: 2, using: &generator)
    #expect(w.shape == Shape(rows: 4, columns: 2))
    #expect(
      Array(w.elements[0..<3]) == [0.4831297575436466, -0.6801792142461598, -0.4427977394897227])
    #expect(w.elements.allSatisfy { $0 >= -1 && $0 < 1 })
  }

}
