import Foundation
import Matrix
import Testing
import Training

/// The bound every gradient check in this chapter uses, per element, on the relative error
/// |a − n| / max(|a|, |n|, floor) (a analytic, n numerical by central differences, h = 1e-5).
///
/// The central difference's truncation error is h²/6 · L‴ ≈ 2e-11 for a gradient of size 1.
/// Rounding in L adds about ε_machine · |L| / h ≈ 2e-16 · |L| / 1e-5 ≈ 2e-11 · |L|, and that
/// is absolute: it does not shrink with the element. So for a gradient of size 1 the relative
/// error is near 1e-10, but for one of size 1e-5 it would be 1e-6, however right the backward
/// pass. (The first version of this check, with the floor at 1e-8, failed on a correct element
/// of size 2.7e-5: absolute error 9e-12, relative 3.3e-7.) Hence the floor of 1e-3: above it
/// the bound is a relative 1e-7, below it an absolute 1e-10. The worst measured in this
/// chapter's tiny-size checks is 3.2e-8 (an element of size 1.5e-3), a margin of 3. At the
/// paper's size rounding is larger; see `PaperSizeGradientTests`. A real bug (a wrong sign, a
/// missing 1/√d_k, a forgotten path) moves some element by 10% or more: a relative error of 0.1.
/// (The usual textbook bound, 1e-5, is set for single precision.)
let gradientTolerance = 1e-7
/// The `floor` of the relative error, see `gradientTolerance`.
let gradientFloor = 1e-3

/// Expects the hand-written gradient to match the finite differences element by element within
/// `gradientTolerance`; a failure opens with `label` and names the worst element.
func expectGradient(
  _ analytic: Matrix, matches numerical: Matrix, _ label: String,
  tolerance: Double = gradientTolerance, sourceLocation: SourceLocation = #_sourceLocation
) {
  guard analytic.shape == numerical.shape else {
    let message = "\(label): the shape is \(analytic.shape) where \(numerical.shape) was expected"
    Issue.record(WrongGradient(description: message), sourceLocation: sourceLocation)
    return
  }
  let worst = worstMismatch(analytic: analytic, numerical: numerical, floor: gradientFloor)
  if !(worst.worstRelativeError <= tolerance) {
    let message =
      "\(label): row \(worst.row + 1), column \(worst.column + 1) is \(short(worst.analytic)) "
      + "where \(short(worst.numerical)) was expected (relative error "
      + "\(short(worst.worstRelativeError)), more than \(tolerance))"
    Issue.record(WrongGradient(description: message), sourceLocation: sourceLocation)
  }
}

/// A gradient that differs from its finite differences. Recorded as an error so that the first
/// line of the report is the label and the worst element.
struct WrongGradient: Error, CustomStringConvertible {
  var description: String
}

/// The same for a vector (a bias or a gain).
func expectGradient(
  _ analytic: [Double], matches numerical: [Double], _ label: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expectGradient(
    Matrix(row: analytic), matches: Matrix(row: numerical), label, sourceLocation: sourceLocation)
}

/// Checks ∂loss/∂(the matrix at `path` inside `layer`) against finite differences.
func checkParameter<Layer>(
  _ label: String, of layer: Layer, _ path: WritableKeyPath<Layer, Matrix>, analytic: Matrix,
  loss: (Layer) -> Double, sourceLocation: SourceLocation = #_sourceLocation
) {
  let numerical = numericalGradient(at: layer[keyPath: path]) { value in
    var changed = layer
    changed[keyPath: path] = value
    return loss(changed)
  }
  expectGradient(analytic, matches: numerical, label, sourceLocation: sourceLocation)
}

/// Checks ∂loss/∂(the vector at `path` inside `layer`) against finite differences.
func checkParameter<Layer>(
  _ label: String, of layer: Layer, _ path: WritableKeyPath<Layer, [Double]>,
  analytic: [Double], loss: (Layer) -> Double, sourceLocation: SourceLocation = #_sourceLocation
) {
  let numerical = numericalGradient(at: layer[keyPath: path]) { value in
    var changed = layer
    changed[keyPath: path] = value
    return loss(changed)
  }
  expectGradient(analytic, matches: numerical, label, sourceLocation: sourceLocation)
}

/// Checks ∂loss/∂input against finite differences.
func checkInput(
  _ label: String, _ input: Matrix, analytic: Matrix, loss: (Matrix) -> Double,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expectGradient(
    analytic, matches: numericalGradient(at: input, loss), label, sourceLocation: sourceLocation)
}

/// A number with at most 7 significant digits, as the failure messages print it.
func short(_ value: Double) -> String {
  String(format: "%.7g", value)
}

/// Seeded uniform numbers in [−1, 1]: inputs and the probe's fixed R.
func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
  var generator = SplitMix64(seed: seed)
  return Matrix.random(rows: rows, columns: columns, in: -1, 1, using: &generator)
}
