import Matrix
import SelfAttention

/// Multi-head attention: h attention heads side by side, each with its own W^Q, W^K and W^V,
/// their outputs Z₀ … Z_{h−1} joined along the columns and multiplied by W^O.
///
///     MultiHead(X) = [Z₀ Z₁ … Z_{h−1}] · W^O,  Zᵢ = softmax(Q_i·K_iᵀ / √d_k) · V_i
///
///     let layer = MultiHeadAttention(heads: [head0, head1], outputWeights: wO)
///     let z = layer(x)   // [words, d_model] -> [words, d_model]
///
/// Chapter 3; tests in Tests/Chapter3Tests/MultiHeadAttentionTests.swift. The combined view of
/// the weights (one [d_model, h·d_k] W^Q) is in MultiHeadAttention+CombinedWeights.swift.
public struct MultiHeadAttention: Sendable {
  /// The h heads, in order: head i's output is column block i of the concatenation.
  public var heads: [AttentionHead]
  /// W^O, which maps the concatenated heads back to d_model. Shape: [h·d_v, d_model]
  public var outputWeights: Matrix

  /// Traps unless there is at least one head, all heads have the same shapes, and W^O has
  /// h·d_v rows and d_model columns.
  public init(heads: [AttentionHead], outputWeights: Matrix) {
    checkPrecondition(!heads.isEmpty, "MultiHeadAttention: needs at least one head")
    let first = heads[0]
    for (index, head) in heads.enumerated() {
      checkPrecondition(
        head.queryWeights.shape == first.queryWeights.shape
          && head.valueWeights.shape == first.valueWeights.shape,
        "MultiHeadAttention: head 1 has W^Q \(first.queryWeights.shape) and W^V "
          + "\(first.valueWeights.shape) but head \(index + 1) has W^Q "
          + "\(head.queryWeights.shape) and W^V \(head.valueWeights.shape)")
    }
    let concatenatedWidth = heads.count * first.valueWeights.columns
    checkPrecondition(
      outputWeights.rows == concatenatedWidth,
      "MultiHeadAttention: W^O \(outputWeights.shape) needs h·d_v = \(heads.count) × "
        + "\(first.valueWeights.columns) = \(concatenatedWidth) rows to multiply the "
        + "concatenation [words, \(concatenatedWidth)]")
    checkPrecondition(
      outputWeights.columns == first.queryWeights.rows,
      "MultiHeadAttention: W^O \(outputWeights.shape) needs d_model = "
        + "\(first.queryWeights.rows) columns, the rows of W^Q \(first.queryWeights.shape)")
    self.heads = heads
    self.outputWeights = outputWeights
  }

  /// A layer with random (Glorot uniform) weights and d_k = d_v = d_model / h, as in the paper
  /// (512 / 8 = 64). One `SplitMix64(seed:)` draws, in order: for each head, W^Q, W^K, W^V
  /// ([d_model, d_k] each, so head 1 equals Chapter 2's `AttentionHead(modelDimension:
  /// keyDimension:seed:)` with the same seed); then W^O [d_model, d_model].
  /// Traps unless h divides d_model.
  public init(modelDimension: Int, headCount: Int, seed: UInt64) {
    checkPrecondition(
      headCount > 0 && modelDimension % headCount == 0,
      "MultiHeadAttention: d_model \(modelDimension) cannot be split among \(headCount) heads: "
        + "\(modelDimension) is not a multiple of \(headCount)")
    let keyDimension = modelDimension / headCount
    var generator = SplitMix64(seed: seed)
    var heads: [AttentionHead] = []
    for _ in 0..<headCount {
      let wQ = Matrix.glorotUniform(rows: modelDimension, columns: keyDimension, using: &generator)
      let wK = Matrix.glorotUniform(rows: modelDimension, columns: keyDimension, using: &generator)
      let wV = Matrix.glorotUniform(rows: modelDimension, columns: keyDimension, using: &generator)
      heads.append(AttentionHead(queryWeights: wQ, keyWeights: wK, valueWeights: wV))
    }
    let wO = Matrix.glorotUniform(
      rows: headCount * keyDimension, columns: modelDimension, using: &generator)
    self.init(heads: heads, outputWeights: wO)
  }

  /// h, the number of heads.
  public var headCount: Int { heads.count }
  /// d_model, the width of a word's vector going in and coming out.
  public var modelDimension: Int { outputWeights.columns }

  /// The output of the layer. Shape: [n_q, d_model], memory [n_k, d_model] -> [n_q, d_model]
  public func callAsFunction(_ x: Matrix, attendingTo memory: Matrix? = nil, mask: Matrix? = nil)
    -> Matrix
  {
    trace(x, attendingTo: memory, mask: mask).output
  }

  /// Every intermediate, in the post's order. The queries come from `x`; the keys and values
  /// from `memory` if given (encoder-decoder attention), else from `x` (self-attention). `mask`
  /// is added to every head's scaled scores before softmax.
  /// Shape: [n_q, d_model], memory [n_k, d_model], mask [n_q, n_k] -> output [n_q, d_model]
  public func trace(_ x: Matrix, attendingTo memory: Matrix? = nil, mask: Matrix? = nil)
    -> Trace
  {
    if let mask {
      let keyCount = (memory ?? x).rows
      checkPrecondition(
        mask.shape == Shape(rows: x.rows, columns: keyCount),
        "MultiHeadAttention: mask \(mask.shape) must have the shape of the scores "
          + "[\(x.rows), \(keyCount)] (queries from \(x.shape), keys from \((memory ?? x).shape))"
      )
    }
    // Steps 1 to 6 in every head, each with its own weights
    // (`concurrentMap` is `map` spread over the cores: the heads are independent, and each
    // gives the same numbers on any thread.)
    let headTraces = heads.concurrentMap { $0.trace(x, attendingTo: memory, mask: mask) }
    // Concatenate Z₀ … Z_{h−1} side by side
    let concatenated = Matrix(concatenatingColumns: headTraces.map(\.output))  // [n_q, h·d_v]
    // Multiply by W^O to come back to d_model
    let output = matmul(concatenated, outputWeights)  // [n_q, d_model]
    return Trace(heads: headTraces, concatenated: concatenated, output: output)
  }

  /// Every intermediate of multi-head attention, in the post's order.
  public struct Trace: Equatable, Sendable {
    /// Each head's steps 1 to 6 (queries, keys, values, scores, …, its output Z_i), in order.
    public var heads: [AttentionHead.Trace]
    /// [Z₀ Z₁ … Z_{h−1}], the heads' outputs side by side. Shape: [n_q, h·d_v]
    public var concatenated: Matrix
    /// The concatenation times W^O. Shape: [n_q, d_model]
    public var output: Matrix
  }
}
