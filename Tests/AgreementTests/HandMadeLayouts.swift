import Embeddings
import Encoder
import Foundation
import Matrix
import MultiHeadAttention
import Output
import PyTorchWeights
import SafeTensors
import TestSupport
import Testing

/// PyTorch's layouts mapped by hand, on a file small enough to check every entry: d_model 2,
/// 2 heads (d_k = 1), d_ff 3, a vocabulary of 3. PyTorch stores a linear layer's weight as
/// [out, in] and computes x·Wᵀ; the project stores [in, out] and computes x·W.
@Suite("PyTorch's layouts, by hand")
struct HandMadeLayouts {
  static let tensors: [String: Tensor] = [
    // [W_q; W_k; W_v], each [out, in] = [2, 2]
    "attn.in_proj_weight": Tensor([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12]]),
    "attn.in_proj_bias": Tensor(vector: [0, 0, 0, 0, 0, 0]),
    "attn.out_proj.weight": Tensor([[1, -1], [2, 0]]),
    "attn.out_proj.bias": Tensor(vector: [0, 0]),
    "ffn.linear1.weight": Tensor([[1, 0], [0, 1], [1, -1]]),  // [d_ff, d_model]
    "ffn.linear1.bias": Tensor(vector: [0.5, -1, 0]),
    "ffn.linear2.weight": Tensor([[1, 2, 3], [0, -1, 1]]),  // [d_model, d_ff]
    "ffn.linear2.bias": Tensor(vector: [0.25, -0.5]),
    "norm.weight": Tensor(vector: [2, 0.5]),
    "norm.bias": Tensor(vector: [0, 1]),
    "embedding.weight": Tensor([[1, -1], [0, 2], [3, 0.5]]),  // [vocabulary, d_model]
    "generator.weight": Tensor([[1, 2], [3, 4], [5, 6]]),  // [vocabulary, d_model]
    "generator.bias": Tensor(vector: [0.5, -1, 2]),
  ]

  /// The tensors above, written to a scratch file and read back.
  func file() throws -> SafeTensorsFile {
    let directory = try makeScratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("hand.safetensors")
    try SafeTensors.write(Self.tensors, to: url)
    return try SafeTensors.read(from: url)
  }

  @Test func packedAttentionWeightsSplitIntoHeads() throws {
    let attention = try MultiHeadAttention(
      pyTorch: try file(), prefix: "attn", modelDimension: 2, headCount: 2)
    // W^Q = in_proj_weight rows 1–2, transposed: [[1, 2], [3, 4]]ᵀ = [[1, 3], [2, 4]];
    // head 1 takes column 1, head 2 column 2 (d_k = 2 / 2 = 1).
    expectMatrix(attention.heads[0].queryWeights, equals: [[1], [2]], "W^Q, head 1")
    expectMatrix(attention.heads[1].queryWeights, equals: [[3], [4]], "W^Q, head 2")
    // W^K = rows 3–4 transposed = [[5, 7], [6, 8]]; W^V = rows 5–6 transposed.
    expectMatrix(attention.heads[0].keyWeights, equals: [[5], [6]], "W^K, head 1")
    expectMatrix(attention.heads[1].keyWeights, equals: [[7], [8]], "W^K, head 2")
    expectMatrix(attention.heads[0].valueWeights, equals: [[9], [10]], "W^V, head 1")
    expectMatrix(attention.heads[1].valueWeights, equals: [[11], [12]], "W^V, head 2")
    // W^O = out_proj.weightᵀ = [[1, -1], [2, 0]]ᵀ
    expectMatrix(attention.outputWeights, equals: [[1, 2], [-1, 0]], "W^O")
  }

  @Test func attentionComputesWhatPyTorchComputes() throws {
    // One word x = [1, 0]: every weight is 1 (one key), so each head outputs its value.
    // PyTorch: v = x·W_vᵀ = [1·9 + 0·10, 1·11 + 0·12] = [9, 11];
    // out = v·out_proj.weightᵀ = [9·1 + 11·(−1), 9·2 + 11·0] = [−2, 18].
    let attention = try MultiHeadAttention(
      pyTorch: try file(), prefix: "attn", modelDimension: 2, headCount: 2)
    expectMatrix(attention([[1, 0]]), equals: [[-2, 18]], "Attention output of one word")
  }

  @Test func feedForwardNormEmbeddingAndFinalLinear() throws {
    let file = try file()
    let feedForward = try FeedForward(pyTorch: file, prefix: "ffn", modelDimension: 2)
    // W₁ = linear1.weightᵀ, W₂ = linear2.weightᵀ; biases as they are.
    expectMatrix(feedForward.firstWeights, equals: [[1, 0, 1], [0, 1, -1]], "W₁")
    expectVector(feedForward.firstBias, equals: [0.5, -1, 0], "b₁")
    expectMatrix(feedForward.secondWeights, equals: [[1, 0], [2, -1], [3, 1]], "W₂")
    expectVector(feedForward.secondBias, equals: [0.25, -0.5], "b₂")
    // x = [2, 1]: x·W₁ = [2, 1, 2 − 1], + b₁ = [2.5, 0, 1]; ReLU keeps it;
    // ·W₂ = [2.5·1 + 0·2 + 1·3, 2.5·0 + 0·(−1) + 1·1] = [5.5, 1]; + b₂ = [5.75, 0.5].
    expectMatrix(feedForward([[2, 1]]), equals: [[5.75, 0.5]], "FFN([2, 1])")
    let norm = try LayerNorm(pyTorch: file, prefix: "norm", modelDimension: 2)
    expectVector(norm.gain, equals: [2, 0.5], "LayerNorm gain γ = weight")
    expectVector(norm.bias, equals: [0, 1], "LayerNorm bias β = bias")
    #expect(norm.epsilon == 1e-5)
    let embedding = try Embedding(pyTorch: file, name: "embedding.weight")
    expectMatrix(embedding.table, equals: [[1, -1], [0, 2], [3, 0.5]], "Embedding table, as is")
    let generator = try FinalLinear(pyTorch: file, prefix: "generator", modelDimension: 2)
    expectMatrix(generator.weights, equals: [[1, 3, 5], [2, 4, 6]], "Final linear W = weightᵀ")
    expectVector(generator.bias, equals: [0.5, -1, 2], "Final linear bias")
  }
}
