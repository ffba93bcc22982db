import Foundation
import Matrix
import Testing
import Training

/// Tests of the checker itself: it must pass a right gradient and catch a wrong one.
@Suite("Chapter 8 the gradient checker")
struct GradientCheckerTests {
  @Test func aKnownSlope() {
    // L = Σ x³ has ∂L/∂x = 3x²; the central difference's error is exactly h² · x⁰ = 1e-10 per
    // element ((x + h)³ − (x − h)³ = 6x²h + 2h³), so it agrees to 1e-9 with 3x² = [3, 12, 0.75].
    let x: Matrix = [[1, -2, 0.5]]
    let numerical = numericalGradient(at: x) { ($0 * $0 * $0).sum() }
    #expect(worstRelativeError(analytic: [[3, 12, 0.75]], numerical: numerical) < 1e-9)
  }

  @Test func aSignFlipIsCaught() {
    // Softmax's backward with the sign of the shared term flipped: y ⊙ (dy + rowsum(dy ⊙ y)).
    let x: Matrix = [[0.5, -1, 2], [1, 0, 0.25]]
    let r: Matrix = [[1, -0.5, 0.25], [0, 2, -1]]
    let y = softmax(x)
    var wrong = Matrix(rows: 2, columns: 3)
    for i in 0..<2 {
      let shared = dot(r.row(i), y.row(i))
      for j in 0..<3 { wrong[i, j] = y[i, j] * (r[i, j] + shared) }
    }
    let numerical = numericalGradient(at: x) { probeLoss(softmax($0), r) }
    #expect(worstRelativeError(analytic: wrong, numerical: numerical) > 0.1)
    let right = softmaxBackward(output: y, outputGradient: r)
    #expect(worstRelativeError(analytic: right, numerical: numerical) < 1e-7)
  }

  @Test func relativeErrorDefinition() {
    #expect(relativeError(1, 1) == 0)
    #expect(relativeError(2, 1) == 0.5)  // |2 − 1| / 2
    #expect(relativeError(0, 0) == 0)
    #expect(abs(relativeError(1e-12, 0) - 1e-4) < 1e-18)  // below the floor: 1e-12 / 1e-8
    #expect(abs(relativeError(1e-12, 0, floor: 1e-3) - 1e-9) < 1e-22)
    let mismatch = worstMismatch(analytic: [[1, 2], [3, 4]], numerical: [[1, 2], [3, 5]])
    #expect(mismatch.row == 1 && mismatch.column == 1 && mismatch.worstRelativeError == 0.2)
  }
}
