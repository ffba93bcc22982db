import Embeddings
import Encoder
import Matrix
import Output
import SafeTensors

// The small layers, from PyTorch's names and layouts. PyTorch's nn.Linear stores its weight
// as [out, in] and computes x·Wᵀ + b; this project stores W as [in, out] and computes x·W + b.

extension LayerNorm {
  /// An `nn.LayerNorm` saved under `prefix`: `weight` → gain γ, `bias` → bias β. ε is not in
  /// the file: give the one the PyTorch model used (its default, 1e-5, is this project's too).
  /// Both normalize with the biased variance. Shape: weight, bias [d_model]
  public init(
    pyTorch file: SafeTensorsFile, prefix: String, modelDimension: Int,
    epsilon: Double = LayerNorm.defaultEpsilon
  ) throws {
    self.init(
      gain: try file.vector("\(prefix).weight", count: modelDimension),
      bias: try file.vector("\(prefix).bias", count: modelDimension), epsilon: epsilon)
  }
}

extension FeedForward {
  /// The feed-forward network of an `nn.TransformerEncoderLayer` or `nn.TransformerDecoderLayer`
  /// saved under `prefix`: W₁ = `linear1.weight`ᵀ, b₁ = `linear1.bias`, W₂ = `linear2.weight`ᵀ,
  /// b₂ = `linear2.bias`. d_ff is read from `linear1.weight`. The layer must use ReLU
  /// (PyTorch's default; the activation is not in the file).
  /// Shape: linear1.weight [d_ff, d_model], linear2.weight [d_model, d_ff]
  public init(pyTorch file: SafeTensorsFile, prefix: String, modelDimension d: Int) throws {
    let hidden = try matrixShape(file, "\(prefix).linear1.weight")[0]  // d_ff
    self.init(
      firstWeights: try file.matrix("\(prefix).linear1.weight", shape: [hidden, d]).transposed(),
      firstBias: try file.vector("\(prefix).linear1.bias", count: hidden),
      secondWeights: try file.matrix("\(prefix).linear2.weight", shape: [d, hidden]).transposed(),
      secondBias: try file.vector("\(prefix).linear2.bias", count: d))
  }
}

extension Embedding {
  /// An `nn.Embedding` table saved as `name`, as is: row i is word i's vector. PyTorch's layer
  /// does not multiply by √d_model; `encoderInput(embeddings:)` does, as the paper says.
  /// Shape: [vocabulary, d_model]
  public init(pyTorch file: SafeTensorsFile, name: String) throws {
    self.init(table: try file.matrix(name, shape: try matrixShape(file, name)))
  }
}

extension FinalLinear {
  /// An `nn.Linear(d_model, vocabulary)` saved under `prefix`: W = `weight`ᵀ, b = `bias`.
  /// Shape: weight [vocabulary, d_model] -> W [d_model, vocabulary]; bias [vocabulary]
  public init(pyTorch file: SafeTensorsFile, prefix: String, modelDimension d: Int) throws {
    let vocabulary = try matrixShape(file, "\(prefix).weight")[0]
    self.init(
      weights: try file.matrix("\(prefix).weight", shape: [vocabulary, d]).transposed(),
      bias: try file.vector("\(prefix).bias", count: vocabulary))
  }
}

/// The shape of the tensor named `name`; throws unless it is a matrix. Shape: -> [rows, columns]
func matrixShape(_ file: SafeTensorsFile, _ name: String) throws -> [Int] {
  let shape = try file.shape(of: name)
  guard shape.count == 2 else {
    throw PyTorchWeightsError.notAMatrix(path: file.path, tensor: name, shape: shape)
  }
  return shape
}
