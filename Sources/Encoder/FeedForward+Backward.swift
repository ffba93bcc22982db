import Matrix

extension FeedForward {
  /// ∂L/∂ each parameter of the feed-forward network, the same shapes as the parameters.
  public struct Gradient: Equatable, Sendable {
    /// ∂L/∂W₁. Shape: [d_model, d_ff]
    public var firstWeights: Matrix
    /// ∂L/∂b₁. Shape: [d_ff]
    public var firstBias: [Double]
    /// ∂L/∂W₂. Shape: [d_ff, d_model]
    public var secondWeights: Matrix
    /// ∂L/∂b₂. Shape: [d_model]
    public var secondBias: [Double]

    public init(
      firstWeights: Matrix, firstBias: [Double], secondWeights: Matrix, secondBias: [Double]
    ) {
      self.firstWeights = firstWeights
      self.firstBias = firstBias
      self.secondWeights = secondWeights
      self.secondBias = secondBias
    }
  }

  /// The backward pass of `trace(x)`, given the same x, the trace and ∂L/∂output:
  ///
  ///     output = activated · W₂ + b₂          dW₂ = activatedᵀ · dOutput,  db₂ = Σ rows of dOutput
  ///                                           dActivated = dOutput · W₂ᵀ
  ///     activated = max(0, hidden)            dHidden = dActivated where hidden > 0, else 0
  ///     hidden = x · W₁ + b₁                  dW₁ = xᵀ · dHidden,  db₁ = Σ rows of dHidden
  ///                                           dx = dHidden · W₁ᵀ
  ///
  /// ReLU has no derivative at exactly 0; we use 0 there (the unit counts as off), as PyTorch
  /// does. Shape: x [words, d_model], dOutput [words, d_model] -> input [words, d_model]
  public func backward(_ x: Matrix, trace: Trace, outputGradient: Matrix) -> (
    input: Matrix, parameters: Gradient
  ) {
    // Step 3: output = matmul(activated, secondWeights).addingToEveryRow(secondBias)
    let (dActivated, dSecondWeights) = matmulBackward(
      trace.activated, secondWeights, outputGradient: outputGradient)
    // Step 2: activated = hidden.map { max(0, $0) }; the slope is 1 above 0 and 0 at or below
    var dHidden = dActivated  // [words, d_ff]
    for i in 0..<dHidden.rows {
      for j in 0..<dHidden.columns where trace.hidden[i, j] <= 0 { dHidden[i, j] = 0 }
    }
    // Step 1: hidden = matmul(x, firstWeights).addingToEveryRow(firstBias)
    let (dx, dFirstWeights) = matmulBackward(x, firstWeights, outputGradient: dHidden)
    let parameters = Gradient(
      firstWeights: dFirstWeights, firstBias: dHidden.columnSums(),
      secondWeights: dSecondWeights, secondBias: outputGradient.columnSums())
    return (dx, parameters)
  }
}
