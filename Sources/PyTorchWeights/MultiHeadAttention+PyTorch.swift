import Matrix
import MultiHeadAttention
import SafeTensors
import SelfAttention

extension MultiHeadAttention {
  /// The weights of a PyTorch `nn.MultiheadAttention` (the `self_attn` or `multihead_attn` of
  /// a Transformer layer) saved under `prefix`:
  ///
  ///     in_proj_weight [3·d_model, d_model]  = [W_q; W_k; W_v] stacked, each [out, in]
  ///     W^Q = in_proj_weight[0 ..< d].T,  W^K = [d ..< 2d].T,  W^V = [2d ..< 3d].T
  ///     head i = column block i of each (columns i·d_k ..< (i + 1)·d_k), d_k = d_model / h
  ///     out_proj.weight [d_model, d_model]:  W^O = out_proj.weight.T
  ///
  /// PyTorch stores a linear layer's weight as [out, in] and computes x·Wᵀ; this project stores
  /// [in, out] and computes x·W, hence the transposes. PyTorch splits Q into heads by reshaping
  /// [n, d_model] to [n, h, d_k]: the same column blocks.
  ///
  /// `in_proj_bias` and `out_proj.bias` must be absent or zero (PyTorch has them by default,
  /// this project's attention, like the paper's equations, does not); `h` is not in the file.
  /// Throws a `SafeTensorsError` for a missing or wrongly shaped tensor, a
  /// `PyTorchWeightsError` for a nonzero bias or an h that does not divide d_model.
  /// Shape: in_proj_weight [3·d_model, d_model], out_proj.weight [d_model, d_model]
  public init(
    pyTorch file: SafeTensorsFile, prefix: String, modelDimension d: Int, headCount: Int
  ) throws {
    let packedName = "\(prefix).in_proj_weight"
    guard headCount > 0, d % headCount == 0 else {
      throw PyTorchWeightsError.headCount(
        path: file.path, tensor: packedName, headCount: headCount, modelDimension: d)
    }
    let packed = try file.matrix(packedName, shape: [3 * d, d])  // [3·d_model, d_model]
    let outputName = "\(prefix).out_proj.weight"
    let output = try file.matrix(outputName, shape: [d, d])  // [d_model, d_model], [out, in]
    try requireZeroIfPresent(file, "\(prefix).in_proj_bias", count: 3 * d)
    try requireZeroIfPresent(file, "\(prefix).out_proj.bias", count: d)
    self.init(
      queryWeights: packed.rows(0..<d).transposed(),  // [d_model, h·d_k]
      keyWeights: packed.rows(d..<2 * d).transposed(),  // [d_model, h·d_k]
      valueWeights: packed.rows(2 * d..<3 * d).transposed(),  // [d_model, h·d_v]
      outputWeights: output.transposed(),  // [h·d_v, d_model]
      headCount: headCount)
  }
}

/// Throws unless the bias named `name` is absent or all zeros. Shape: [count]
private func requireZeroIfPresent(_ file: SafeTensorsFile, _ name: String, count: Int) throws {
  guard file.names.contains(name) else { return }
  let bias = try file.vector(name, count: count)
  let largest = bias.map(abs).max() ?? 0
  guard largest == 0 else {
    throw PyTorchWeightsError.nonzeroAttentionBias(path: file.path, tensor: name, largest: largest)
  }
}
