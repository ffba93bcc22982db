import Decoder
import Foundation
import Matrix
import PyTorchWeights
import SafeTensors
import Testing

/// A PyTorch file the model cannot use throws an error naming the file and the tensor. Each
/// test writes a modified copy of the fixture with the SafeTensors writer and loads it.
@Suite("Weight files the model cannot use")
struct WeightFileErrors {
  /// Writes the fixture's tensors, changed by `change`, to a scratch file, and returns the
  /// error `Transformer(pyTorch:headCount:)` throws for it (nil if none) and the file's path.
  func loadError(headCount: Int = 2, _ change: (inout [String: Tensor]) -> Void) throws
    -> (error: (any Error)?, path: String)
  {
    var tensors = try allTensors(of: try SafeTensors.read(from: fixture()))
    change(&tensors)
    let directory = try makeScratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("model.safetensors")
    try SafeTensors.write(tensors, to: url)
    let file = try SafeTensors.read(from: url)
    do {
      _ = try Transformer(pyTorch: file, headCount: headCount)
      return (nil, url.path)
    } catch {
      return (error, url.path)
    }
  }

  @Test func theUnchangedCopyLoads() throws {
    let (error, _) = try loadError { _ in }
    #expect(error == nil)
  }

  @Test func aMissingTensorIsNamed() throws {
    let (error, path) = try loadError { $0["decoder.layers.1.norm3.bias"] = nil }
    let description = "\(error.map { "\($0)" } ?? "no error")"
    #expect(description.hasPrefix("\(path): no tensor named \"decoder.layers.1.norm3.bias\""))
  }

  @Test func aWronglyShapedTensorIsNamed() throws {
    let (error, path) = try loadError {
      $0["encoder.layers.0.linear2.weight"] = Tensor(Matrix(rows: 16, columns: 16))
    }
    #expect(
      "\(error.map { "\($0)" } ?? "no error")"
        == "\(path): tensor \"encoder.layers.0.linear2.weight\" has shape [16, 16], expected "
        + "[16, 32]")
  }

  @Test func aNonzeroAttentionBiasIsRefused() throws {
    let (error, path) = try loadError {
      var bias = Array(repeating: 0.0, count: 48)
      bias[5] = -0.25
      $0["decoder.layers.0.multihead_attn.in_proj_bias"] = Tensor(vector: bias)
    }
    #expect(
      error as? PyTorchWeightsError
        == .nonzeroAttentionBias(
          path: path, tensor: "decoder.layers.0.multihead_attn.in_proj_bias", largest: 0.25))
    #expect(
      "\(error.map { "\($0)" } ?? "no error")"
        == "\(path): tensor \"decoder.layers.0.multihead_attn.in_proj_bias\" is not zero "
        + "(largest entry 0.25): this project's attention has no biases, as in the paper's "
        + "equations")
  }

  @Test func nnTransformersFinalNormIsRefused() throws {
    // nn.Transformer puts a LayerNorm after each stack; the paper does not.
    let (error, path) = try loadError {
      $0["encoder.norm.weight"] = Tensor(vector: Array(repeating: 1, count: 16))
      $0["encoder.norm.bias"] = Tensor(vector: Array(repeating: 0, count: 16))
    }
    #expect(
      "\(error.map { "\($0)" } ?? "no error")"
        == "\(path): tensor \"encoder.norm.weight\" has no place in this model: nn.Transformer's "
        + "final LayerNorm after the stack, which the paper does not have (build the stack with "
        + "norm=None)")
  }

  @Test func aHeadCountThatDoesNotDivideDModelIsRefused() throws {
    let (error, path) = try loadError(headCount: 3) { _ in }
    #expect(
      error as? PyTorchWeightsError
        == .headCount(
          path: path, tensor: "encoder.layers.0.self_attn.in_proj_weight", headCount: 3,
          modelDimension: 16))
  }
}
