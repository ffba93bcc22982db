/// A tiny seedable random number generator (SplitMix64, Steele, Lea and Flood, 2014).
///
/// Its outputs depend only on the seed and integer arithmetic, so the same seed gives the same
/// numbers on every platform and Swift version: the book's random weights are reproducible.
///
///     var generator = SplitMix64(seed: 0)
///     generator.next()   // 0xE220A8397B1DCDAF
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    // &>> is >> for shifts below 64, without the generic code a debug build calls for >>
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z &>> 31)
  }

  /// A uniform Double in [0, 1): the top 53 bits of `next()`, times 2⁻⁵³ (exact, no rounding).
  public mutating func nextUnit() -> Double {
    Double(next() &>> 11) * 0x1.0p-53
  }

  /// A uniform Double in [lower, upper): lower + (upper − lower) · u.
  public mutating func nextUniform(_ lower: Double, _ upper: Double) -> Double {
    lower + (upper - lower) * nextUnit()
  }
}

extension Matrix {
  /// A matrix of uniform random numbers in [lower, upper), filled row by row.
  public static func random(
    rows: Int, columns: Int, in lower: Double, _ upper: Double, using generator: inout SplitMix64
  ) -> Matrix {
    var result = Matrix(rows: rows, columns: columns)
    for index in result.elements.indices {
      result.elements[index] = generator.nextUniform(lower, upper)
    }
    return result
  }

  /// Glorot (Xavier) uniform initialization: uniform in ±√(6 / (rows + columns)), which keeps
  /// the variance of activations roughly constant from layer to layer.
  public static func glorotUniform(
    rows: Int, columns: Int, using generator: inout SplitMix64
  ) -> Matrix {
    let limit = (6.0 / Double(rows + columns)).squareRoot()
    return random(rows: rows, columns: columns, in: -limit, limit, using: &generator)
  }
}
