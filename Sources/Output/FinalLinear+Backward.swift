import Embeddings
import Matrix

extension FinalLinear {
  /// ∂L/∂W and ∂L/∂b.
  public struct Gradient: Equatable, Sendable {
    /// ∂L/∂W. When W is tied to the embedding, this is not a parameter of its own: add its
    /// transpose into the embedding's gradient (`tiedEmbeddingGradient`). Shape: [d_model, vocabulary]
    public var weights: Matrix
    /// ∂L/∂b. Shape: [vocabulary]
    public var bias: [Double]

    public init(weights: Matrix, bias: [Double]) {
      self.weights = weights
      self.bias = bias
    }
  }

  /// The backward pass of `trace(decoderOutput)` from ∂L/∂logits (for the loss, the
  /// `CrossEntropyLoss` trace's `gradient`, (p − t) / words). It needs only the input:
  ///
  ///     logits = X · W + b                    dW = Xᵀ · dLogits,  db = Σ rows of dLogits
  ///                                           dX = dLogits · Wᵀ
  ///
  /// Shape: X [words, d_model], dLogits [words, vocabulary] -> input [words, d_model]
  public func backward(_ decoderOutput: Matrix, outputGradient: Matrix) -> (
    input: Matrix, parameters: Gradient
  ) {
    // Step 1: logits = matmul(decoderOutput, weights) + bias in every row
    let (dInput, dWeights) = matmulBackward(decoderOutput, weights, outputGradient: outputGradient)
    return (dInput, Gradient(weights: dWeights, bias: outputGradient.columnSums()))
  }
}

/// With tied weights (`FinalLinear(tiedTo:)`), one table T is used twice: as the lookup table
/// and, transposed, as W. Its gradient is the sum of both uses:
///
///     dT = dT(lookup) + dWᵀ
///
/// Shape: [vocabulary, d_model], [d_model, vocabulary] -> [vocabulary, d_model]
public func tiedEmbeddingGradient(
  embedding: Embedding.Gradient, finalLinear: FinalLinear.Gradient
) -> Embedding.Gradient {
  Embedding.Gradient(table: embedding.table + finalLinear.weights.transposed())
}
