/// Why weights saved from PyTorch cannot become this project's layers, beyond what
/// `SafeTensorsError` already says (a missing tensor, a wrong shape). Every description opens
/// with the file's path and names the tensor:
///
///     model.safetensors: tensor "encoder.layers.0.self_attn.in_proj_bias" is not zero (largest
///     entry 0.25): this project's attention has no biases, as in the paper's equations
public enum PyTorchWeightsError: Error, Equatable, CustomStringConvertible {
  /// An attention bias (`in_proj_bias`, `out_proj.bias`) that is not all zeros: the project's
  /// attention, like the paper's equations, has none, so the layer would compute something else.
  case nonzeroAttentionBias(path: String, tensor: String, largest: Double)
  /// A tensor the paper's model has no place for, such as the final LayerNorm `nn.Transformer`
  /// puts after each stack (`encoder.norm.weight`).
  case unsupportedTensor(path: String, tensor: String, reason: String)
  /// A tensor that should be a matrix has another number of dimensions.
  case notAMatrix(path: String, tensor: String, shape: [Int])
  /// h does not divide d_model, so the packed projections cannot be split into heads.
  case headCount(path: String, tensor: String, headCount: Int, modelDimension: Int)

  public var description: String {
    switch self {
    case .nonzeroAttentionBias(let path, let tensor, let largest):
      return "\(path): tensor \"\(tensor)\" is not zero (largest entry \(largest)): this "
        + "project's attention has no biases, as in the paper's equations"
    case .unsupportedTensor(let path, let tensor, let reason):
      return "\(path): tensor \"\(tensor)\" has no place in this model: \(reason)"
    case .notAMatrix(let path, let tensor, let shape):
      return "\(path): tensor \"\(tensor)\" has shape \(shape), expected a matrix [rows, columns]"
    case .headCount(let path, let tensor, let headCount, let modelDimension):
      return "\(path): tensor \"\(tensor)\" cannot be split into \(headCount) heads: d_model "
        + "\(modelDimension) is not a multiple of \(headCount)"
    }
  }
}
