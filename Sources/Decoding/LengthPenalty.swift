import Foundation

/// How finished translations of different lengths are compared.
///
/// Every word multiplies a sentence's probability by a number below 1, so ln P favours short
/// sentences. The paper (section 6.1, citing Wu et al. 2016, "GNMT") divides ln P by
///
///     lp(Y) = (5 + |Y|)^α / (5 + 1)^α = ((5 + |Y|) / 6)^α,   with α = 0.6,
///
/// where |Y| counts the words including `<eos>`. lp(1) = 1 and lp grows with the length, so a
/// longer sentence's (negative) ln P is shrunk more: lp(4) = 1.5^0.6 ≈ 1.2754,
/// lp(5) = (10/6)^0.6 ≈ 1.3587.
public enum LengthPenalty: Equatable, Sendable {
  /// Rank by ln P alone.
  case none
  /// Rank by ln P / ((5 + |Y|) / 6)^alpha.
  case gnmt(alpha: Double)

  /// The paper's setting: α = 0.6.
  public static let paper = LengthPenalty.gnmt(alpha: 0.6)

  /// lp(Y) for a sentence of `length` words: 1 for `.none`.
  public func divisor(length: Int) -> Double {
    switch self {
    case .none: return 1
    case .gnmt(let alpha): return pow((5 + Double(length)) / 6, alpha)
    }
  }

  /// ln P / lp(Y); exactly `logProbability` for `.none`.
  public func score(logProbability: Double, length: Int) -> Double {
    self == .none ? logProbability : logProbability / divisor(length: length)
  }
}
