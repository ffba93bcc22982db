import Matrix

/// The backward pass of a residual sum s = x + Sublayer(x): ∂s/∂x = 1 and ∂s/∂Sublayer(x) = 1,
/// so the sum hands the same gradient to both branches, unchanged. The input's total gradient
/// is this plus what comes back through the sublayer:
///
///     dx = ds + (the sublayer's backward of ds)
///
/// This is why residual connections help training: the first term reaches x however small the
/// sublayer's gradient is. Shape: ds [words, d_model] -> input, sublayer [words, d_model]
public func residualBackward(outputGradient: Matrix) -> (input: Matrix, sublayer: Matrix) {
  (outputGradient, outputGradient)
}
