import Foundation
import Matrix

/// Adam (Kingma and Ba, 2015) with the paper's settings (section 5.3): β₁ = 0.9, β₂ = 0.98,
/// ε = 1e-9. It keeps two running averages per parameter element, of the gradient (m) and of
/// its square (v), and moves each element by the first over the root of the second:
///
///     m ← β₁·m + (1 − β₁)·g          m̂ = m / (1 − β₁ᵗ)      (bias correction: m starts at 0)
///     v ← β₂·v + (1 − β₂)·g²         v̂ = v / (1 − β₂ᵗ)
///     θ ← θ − lr · m̂ / (√v̂ + ε)
///
///     var adam = Adam(shapes: [Shape(rows: 1, columns: 1)])
///     var theta: [Matrix] = [[[1]]]
///     adam.update(&theta, gradients: [[[0.5]]], learningRate: 0.1)   // theta ≈ [[[0.9]]]
///
/// The parameters are a list of matrices (a bias is a one-row matrix); the list must keep its
/// order from step to step. Chapter 8; tests in Tests/Chapter8Tests/AdamTests.swift.
public struct Adam: Sendable {
  public var beta1: Double
  public var beta2: Double
  public var epsilon: Double
  /// t, the number of updates made so far.
  public private(set) var step = 0
  /// m, one matrix per parameter.
  public private(set) var firstMoments: [Matrix]
  /// v, one matrix per parameter.
  public private(set) var secondMoments: [Matrix]

  /// m and v start at 0, one matrix of each shape.
  public init(shapes: [Shape], beta1: Double = 0.9, beta2: Double = 0.98, epsilon: Double = 1e-9) {
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    firstMoments = shapes.map { Matrix(rows: $0.rows, columns: $0.columns) }
    secondMoments = firstMoments
  }

  /// One step: updates m, v and every parameter in place. Traps unless there is one gradient
  /// per parameter, each of the shape Adam was made for.
  public mutating func update(
    _ parameters: inout [Matrix], gradients: [Matrix], learningRate: Double
  ) {
    checkPrecondition(
      parameters.count == firstMoments.count && gradients.count == firstMoments.count,
      "Adam: made for \(firstMoments.count) parameters, got \(parameters.count) parameters "
        + "and \(gradients.count) gradients")
    step += 1
    let t = Double(step)
    let correction1 = 1 - pow(beta1, t)  // 1 − β₁ᵗ
    let correction2 = 1 - pow(beta2, t)  // 1 − β₂ᵗ
    for k in parameters.indices {
      let g = gradients[k]
      checkPrecondition(
        g.shape == firstMoments[k].shape && parameters[k].shape == g.shape,
        "Adam: parameter \(k + 1) is \(parameters[k].shape) and its gradient \(g.shape), "
          + "but Adam was made for \(firstMoments[k].shape)")
      firstMoments[k] = beta1 * firstMoments[k] + (1 - beta1) * g
      secondMoments[k] = beta2 * secondMoments[k] + (1 - beta2) * (g * g)
      let mHat = firstMoments[k] / correction1
      let vHat = secondMoments[k] / correction2
      parameters[k] = parameters[k] - learningRate * mHat / (vHat.map { $0.squareRoot() } + epsilon)
    }
  }
}
