import Matrix

/// The gradient of the mean cross-entropy with respect to the logits:
///
///     ∂ loss / ∂ logitsᵢⱼ = (softmax(logits)ᵢⱼ − targetsᵢⱼ) / words
///
/// For one position, loss = −Σⱼ tⱼ · log pⱼ with log pⱼ = zⱼ − log Σₖ exp(zₖ), so
/// ∂ loss / ∂ zₖ = −tₖ + (Σⱼ tⱼ) · pₖ = pₖ − tₖ, because each target row sums to 1. This holds
/// for one-hot and label-smoothed targets alike. The mean over positions divides every row by
/// the number of positions. Chapter 8 starts its backward pass here.
/// Shape: logits [words, vocabulary], targets [words, vocabulary] -> [words, vocabulary]
public func crossEntropyGradient(logits: Matrix, targets: Matrix) -> Matrix {
  checkTargets(targets, against: logits, "crossEntropyGradient")
  return (softmax(logits) - targets) / Double(logits.rows)  // [words, vocabulary]
}
