import Matrix

/// Checking a hand-written backward pass against the definition of a derivative.
///
///     let x: Matrix = [[1, 2]]
///     let n = numericalGradient(at: x) { ($0 * $0).sum() }   // ≈ [[2, 4]], the slope of Σ x²
///     worstRelativeError(analytic: x * 2, numerical: n)     // ≈ 1e-11
///
/// Chapter 8; tests in Tests/Chapter8Tests/GradientCheckerTests.swift.

/// The central finite difference of `loss` at `x`, element by element:
///
///     ∂L/∂xᵢⱼ ≈ (L(x + h·eᵢⱼ) − L(x − h·eᵢⱼ)) / 2h
///
/// Its truncation error is h²/6 · ∂³L/∂xᵢⱼ³ (about 1e-10 relative for h = 1e-5 and a smooth L),
/// and rounding in L adds about ε_machine · |L| / h ≈ 1e-11 · |L|.
/// Shape: x [r, c] -> [r, c]
public func numericalGradient(
  at x: Matrix, step h: Double = 1e-5, _ loss: (Matrix) -> Double
) -> Matrix {
  var gradient = Matrix(rows: x.rows, columns: x.columns)
  var probe = x
  for i in 0..<x.rows {
    for j in 0..<x.columns {
      probe[i, j] = x[i, j] + h
      let above = loss(probe)
      probe[i, j] = x[i, j] - h
      let below = loss(probe)
      probe[i, j] = x[i, j]
      gradient[i, j] = (above - below) / (2 * h)
    }
  }
  return gradient
}

/// The same for a vector (a bias or a gain). Shape: [n] -> [n]
public func numericalGradient(
  at x: [Double], step h: Double = 1e-5, _ loss: ([Double]) -> Double
) -> [Double] {
  numericalGradient(at: Matrix(row: x), step: h) { loss($0.row(0)) }.row(0)
}

/// |a − n| / max(|a|, |n|, floor): how far the analytic value a is from the numerical n,
/// relative to their size. The floor (1e-8 unless given) keeps two values that are both
/// (nearly) 0 from dividing by 0; exact zeros on both sides give 0. Below the floor the
/// comparison is in effect absolute: |a − n| / floor.
public func relativeError(_ a: Double, _ n: Double, floor: Double = 1e-8) -> Double {
  abs(a - n) / max(abs(a), abs(n), floor)
}

/// Where the analytic and numerical gradients disagree most.
public struct GradientMismatch: Equatable, Sendable {
  /// The worst `relativeError` over all elements (0 for two empty matrices).
  public var worstRelativeError: Double
  /// Its row and column, counted from 0.
  public var row: Int
  public var column: Int
  /// The two values there.
  public var analytic: Double
  public var numerical: Double
}

/// The element where `analytic` and `numerical` differ most, relatively. A pure function: the
/// tests use it both to pass correct gradients and to catch a deliberately wrong one.
/// `floor` is `relativeError`'s. Traps unless the shapes agree.
/// Shape: [r, c], [r, c] -> one element
public func worstMismatch(
  analytic: Matrix, numerical: Matrix, floor: Double = 1e-8
) -> GradientMismatch {
  checkPrecondition(
    analytic.shape == numerical.shape,
    "worstMismatch: analytic \(analytic.shape) and numerical \(numerical.shape) gradients "
      + "differ in shape")
  var worst = GradientMismatch(
    worstRelativeError: 0, row: 0, column: 0, analytic: analytic.elements.first ?? 0,
    numerical: numerical.elements.first ?? 0)
  for i in 0..<analytic.rows {
    for j in 0..<analytic.columns {
      let error = relativeError(analytic[i, j], numerical[i, j], floor: floor)
      if error > worst.worstRelativeError || error.isNaN {
        worst = GradientMismatch(
          worstRelativeError: error, row: i, column: j, analytic: analytic[i, j],
          numerical: numerical[i, j])
      }
    }
  }
  return worst
}

/// `worstMismatch(analytic:numerical:floor:).worstRelativeError`.
public func worstRelativeError(analytic: Matrix, numerical: Matrix, floor: Double = 1e-8)
  -> Double
{
  worstMismatch(analytic: analytic, numerical: numerical, floor: floor).worstRelativeError
}

/// The probe loss of a gradient check: L = Σ output ⊙ R for a fixed matrix R. Its gradient with
/// respect to the output is R itself, so any layer's backward can start from R, and a random R
/// weighs every output element differently (a sum with all weights 1 would hide errors that
/// cancel, and layer norm's output sums to a constant). Traps unless the shapes agree.
public func probeLoss(_ output: Matrix, _ r: Matrix) -> Double {
  (output * r).sum()
}
