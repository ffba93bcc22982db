import Matrix

/// "Add & Normalize" as the paper and the post draw it (post-norm):
///
///     LayerNorm(x + Sublayer(x))
///
/// The sublayer's output is added to its own input (the residual connection), then the sum is
/// normalized. Shape: [words, d_model] -> [words, d_model]
public func postNormResidual(
  _ x: Matrix, norm: LayerNorm, sublayer: (Matrix) -> Matrix
) -> Matrix {
  norm(x + sublayer(x))
}

/// The variant most later models use (pre-norm, e.g. GPT-2): normalize the sublayer's input,
/// and add the un-normalized x back:
///
///     x + Sublayer(LayerNorm(x))
///
/// Not what this book's encoder and decoder use; here to compare. Shape: [words, d_model] ->
/// [words, d_model]
public func preNormResidual(
  _ x: Matrix, norm: LayerNorm, sublayer: (Matrix) -> Matrix
) -> Matrix {
  x + sublayer(norm(x))
}
