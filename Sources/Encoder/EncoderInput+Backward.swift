import Matrix

/// The backward pass of `encoderInput`: X = E · √d_model + PE. The positional encoding is a
/// constant, so the embeddings' gradient is X's gradient times the same √d_model.
/// Shape: dX [words, d_model] -> dE [words, d_model]
public func encoderInputBackward(outputGradient: Matrix) -> Matrix {
  outputGradient * Double(outputGradient.columns).squareRoot()  // [words, d_model]
}
