import Matrix
import SelfAttention

// The paper's view of the weights: one W^Q of shape [d_model, h·d_k] whose column blocks are the
// heads' W^Q_i (and likewise W^K, W^V). Q = X·W^Q is then every head's queries side by side.

extension MultiHeadAttention {
  /// A layer from the combined matrices: column block i of each is head i's weights.
  /// Traps unless the three have the same rows, W^Q and W^K the same shape, and h divides the
  /// columns of each. Shape: W^Q, W^K [d_model, h·d_k], W^V [d_model, h·d_v],
  /// W^O [h·d_v, d_model]
  public init(
    queryWeights: Matrix, keyWeights: Matrix, valueWeights: Matrix, outputWeights: Matrix,
    headCount: Int
  ) {
    for (name, weights) in [("W^Q", queryWeights), ("W^K", keyWeights), ("W^V", valueWeights)] {
      checkPrecondition(
        headCount > 0 && weights.columns % headCount == 0,
        "MultiHeadAttention: \(name) \(weights.shape) cannot be split into \(headCount) heads: "
          + "\(weights.columns) columns is not a multiple of \(headCount)")
    }
    let queryBlocks = queryWeights.splitColumns(into: headCount)  // h × [d_model, d_k]
    let keyBlocks = keyWeights.splitColumns(into: headCount)  // h × [d_model, d_k]
    let valueBlocks = valueWeights.splitColumns(into: headCount)  // h × [d_model, d_v]
    let heads = (0..<headCount).map {
      AttentionHead(
        queryWeights: queryBlocks[$0], keyWeights: keyBlocks[$0], valueWeights: valueBlocks[$0])
    }
    self.init(heads: heads, outputWeights: outputWeights)
  }

  /// W^Q = [W^Q_0 W^Q_1 … W^Q_{h−1}]. Shape: [d_model, h·d_k]
  public var queryWeights: Matrix { Matrix(concatenatingColumns: heads.map(\.queryWeights)) }
  /// W^K = [W^K_0 W^K_1 … W^K_{h−1}]. Shape: [d_model, h·d_k]
  public var keyWeights: Matrix { Matrix(concatenatingColumns: heads.map(\.keyWeights)) }
  /// W^V = [W^V_0 W^V_1 … W^V_{h−1}]. Shape: [d_model, h·d_v]
  public var valueWeights: Matrix { Matrix(concatenatingColumns: heads.map(\.valueWeights)) }
}
