import Decoder
import Embeddings
import Encoder
import Matrix
import MultiHeadAttention
import Output
import SelfAttention

/// A layer's parameters as one flat list of matrices, in a fixed order, readable and writable:
/// what `Adam` updates. A vector (a bias, a gain) is a one-row matrix. The layer's `Gradient`
/// lists its matrices in the same order (`GradientList`), so element k of one is the gradient of
/// element k of the other.
///
///     var adam = Adam(shapes: layer.parameterMatrices.map(\.shape))
///     adam.update(&layer.parameterMatrices, gradients: gradient.matrices, learningRate: lr)
///
/// Chapter 8; tests in Tests/Chapter8Tests/ParameterListTests.swift.
public protocol ParameterList {
  /// The parameters, in the order of the struct's stored properties (heads in order).
  var parameterMatrices: [Matrix] { get set }
}

/// A gradient type, listed in the order of its layer's `parameterMatrices`.
public protocol GradientList {
  var matrices: [Matrix] { get }
}

/// Cuts `list` into consecutive pieces of the given sizes. Traps unless the sizes add up.
func pieces(_ list: [Matrix], sizes: [Int]) -> [[Matrix]] {
  checkPrecondition(
    sizes.reduce(0, +) == list.count,
    "parameterMatrices: \(list.count) matrices given where \(sizes.reduce(0, +)) were expected")
  var start = 0
  return sizes.map { size in
    defer { start += size }
    return Array(list[start..<start + size])
  }
}

extension AttentionHead: ParameterList {
  public var parameterMatrices: [Matrix] {
    get { [queryWeights, keyWeights, valueWeights] }
    set { (queryWeights, keyWeights, valueWeights) = (newValue[0], newValue[1], newValue[2]) }
  }
}
extension AttentionHead.Gradient: GradientList {
  public var matrices: [Matrix] { [queryWeights, keyWeights, valueWeights] }
}

extension MultiHeadAttention: ParameterList {
  public var parameterMatrices: [Matrix] {
    get { heads.flatMap(\.parameterMatrices) + [outputWeights] }
    set {
      let parts = pieces(newValue, sizes: Array(repeating: 3, count: heads.count) + [1])
      for index in heads.indices { heads[index].parameterMatrices = parts[index] }
      outputWeights = parts[heads.count][0]
    }
  }
}
extension MultiHeadAttention.Gradient: GradientList {
  public var matrices: [Matrix] { heads.flatMap(\.matrices) + [outputWeights] }
}

extension LayerNorm: ParameterList {
  public var parameterMatrices: [Matrix] {
    get { [Matrix(row: gain), Matrix(row: bias)] }
    set { (gain, bias) = (newValue[0].row(0), newValue[1].row(0)) }
  }
}
extension LayerNorm.Gradient: GradientList {
  public var matrices: [Matrix] { [Matrix(row: gain), Matrix(row: bias)] }
}

extension FeedForward: ParameterList {
  public var parameterMatrices: [Matrix] {
    get { [firstWeights, Matrix(row: firstBias), secondWeights, Matrix(row: secondBias)] }
    set {
      (firstWeights, firstBias) = (newValue[0], newValue[1].row(0))
      (secondWeights, secondBias) = (newValue[2], newValue[3].row(0))
    }
  }
}
extension FeedForward.Gradient: GradientList {
  public var matrices: [Matrix] {
    [firstWeights, Matrix(row: firstBias), secondWeights, Matrix(row: secondBias)]
  }
}

extension Embedding: ParameterList {
  public var parameterMatrices: [Matrix] {
    get { [table] }
    set { table = newValue[0] }
  }
}
extension Embedding.Gradient: GradientList {
  public var matrices: [Matrix] { [table] }
}

/// With a tied W, only the bias is this layer's own parameter.
extension FinalLinear: ParameterList {
  public var parameterMatrices: [Matrix] {
    get { (isTiedToEmbedding ? [] : [weights]) + [Matrix(row: bias)] }
    set {
      if !isTiedToEmbedding { weights = newValue[0] }
      bias = newValue[newValue.count - 1].row(0)
    }
  }
}
