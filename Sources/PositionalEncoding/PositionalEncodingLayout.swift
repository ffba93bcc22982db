import Foundation
import Matrix

/// Where the sines and cosines of a sinusoidal positional encoding go, and which frequencies
/// they use. The paper and the code behind the post's first figure differ in both.
/// (Chapter 4; tests in Tests/Chapter4Tests/.)
///
/// - `interleaved`, the paper (section 3.5): column 2i holds sin(pos · ω_i) and column 2i + 1
///   holds cos(pos · ω_i), with ω_i = 1 / 10000^(2i / d_model).
/// - `concatenated`, tensor2tensor's `get_timing_signal_1d`: all the sines in the left half,
///   all the cosines in the right half (column i and column d_model/2 + i share ω_i), with
///   ω_i = exp(−i · ln(10000) / max(d_model/2 − 1, 1)).
///
/// For i = 0, 1, …, d_model/2 − 1 the paper's ω_i falls from 1 towards 1/10000 without reaching
/// it; tensor2tensor's reaches 1/10000 at the last i.
public enum PositionalEncodingLayout: Equatable, Sendable, CaseIterable {
  /// The paper's layout: sin, cos, sin, cos, … one pair per frequency.
  case interleaved
  /// tensor2tensor's layout (the post's first figure): every sine, then every cosine.
  case concatenated

  /// The d_model/2 angular frequencies ω_0, ω_1, … of this layout's source, fastest first.
  /// Traps unless d_model is positive and even. Shape: d_model -> [d_model / 2]
  public func frequencies(modelDimension: Int) -> [Double] {
    checkPrecondition(
      modelDimension > 0 && modelDimension % 2 == 0,
      "positional encoding: d_model \(modelDimension) must be positive and even "
        + "(sines and cosines come in pairs)")
    let count = modelDimension / 2
    switch self {
    case .interleaved:
      // ω_i = 1 / 10000^(2i / d_model)
      return (0..<count).map { i in
        1 / pow(10000, Double(2 * i) / Double(modelDimension))
      }
    case .concatenated:
      // log_timescale_increment = ln(10000) / max(num_timescales − 1, 1); ω_i = e^(−i · increment)
      let increment = log(10000.0) / Double(max(count - 1, 1))
      return (0..<count).map { i in exp(-Double(i) * increment) }
    }
  }
}
