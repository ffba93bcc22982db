import Matrix

extension LayerNorm {
  /// ∂L/∂γ and ∂L/∂β.
  public struct Gradient: Equatable, Sendable {
    /// ∂L/∂γ = Σ over rows of dy ⊙ x̂. Shape: [d_model]
    public var gain: [Double]
    /// ∂L/∂β = Σ over rows of dy. Shape: [d_model]
    public var bias: [Double]

    public init(gain: [Double], bias: [Double]) {
      self.gain = gain
      self.bias = bias
    }
  }

  /// The backward pass of `trace(x)`, from its trace and ∂L/∂y. Row by row, with n = d_model,
  /// x̂ = `trace.normalized` and s = √(σ² + ε):
  ///
  ///     y = γ ⊙ x̂ + β                         dγ += dy ⊙ x̂,  dβ += dy,  dx̂ = dy ⊙ γ
  ///     x̂ = (x − μ) / s                       dx = (dx̂ − mean(dx̂) − x̂ · mean(dx̂ ⊙ x̂)) / s
  ///
  /// The second line collects three paths from x to x̂: directly (1/s), through the mean μ (every
  /// xⱼ moves μ by 1/n) and through s (∂s/∂xⱼ = x̂ⱼ / n). It holds with ε inside the root, since
  /// x̂ and s are the forward's own. Each row of dx sums to 0 and is orthogonal to x̂: shifting or
  /// scaling a row does not change the output, so those directions get no gradient.
  /// Shape: dy [words, d_model] -> input [words, d_model]
  public func backward(trace: Trace, outputGradient dy: Matrix) -> (
    input: Matrix, parameters: Gradient
  ) {
    let xHat = trace.normalized
    let n = Double(xHat.columns)
    var dx = Matrix(rows: xHat.rows, columns: xHat.columns)
    for i in 0..<xHat.rows {
      let s = (trace.variance[i] + epsilon).squareRoot()
      // Step 4 back: dx̂ = dy ⊙ γ
      let dxHat = (0..<xHat.columns).map { dy[i, $0] * gain[$0] }
      let meanDxHat = dxHat.reduce(0, +) / n
      let meanDxHatXHat = dot(dxHat, xHat.row(i)) / n
      // Steps 3, 2, 1 back: through x − μ and s = √(σ² + ε)
      for j in 0..<xHat.columns {
        dx[i, j] = (dxHat[j] - meanDxHat - xHat[i, j] * meanDxHatXHat) / s
      }
    }
    return (dx, Gradient(gain: (dy * xHat).columnSums(), bias: dy.columnSums()))
  }
}
