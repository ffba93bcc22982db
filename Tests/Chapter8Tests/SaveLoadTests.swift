import Foundation
import Matrix
import SafeTensors
import Testing
import Training

/// Saving a model to a safetensors file and loading it back: the same bits, and a bad file
/// throws an error naming the file and the tensor.
@Suite("Chapter 8 saving and loading a model")
struct SaveLoadTests {
  static func scratch() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("training-tests-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The error's description, or "no error".
  static func message(loading url: URL) -> String {
    do {
      _ = try TranslationModel(loading: url)
      return "no error"
    } catch {
      return "\(error)"
    }
  }

  @Test func roundTripIsBitExact() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    for tied in [false, true] {
      var model = PostExample.untrainedModel()
      model.tiesWeights = tied
      let url = directory.appendingPathComponent("model-\(tied).safetensors")
      try model.save(to: url)
      let loaded = try TranslationModel(loading: url)
      #expect(loaded.tiesWeights == tied)
      #expect(loaded.parameterNames == model.parameterNames)
      #expect(loaded.parameterMatrices == model.parameterMatrices, "Loaded weights, tied: \(tied)")
      #expect(loaded.configuration == model.configuration)
    }
  }

  @Test func namesAreUniqueAndOnePerParameter() {
    let model = PostExample.untrainedModel()
    let names = model.parameterNames
    #expect(names.count == model.parameterMatrices.count)
    #expect(Set(names).count == names.count)
    #expect(names.contains("encoder.layers.0.selfAttention.heads.1.queryWeights"))
    #expect(names.contains("decoder.layers.0.encoderDecoderAttention.outputWeights"))
    #expect(names.last == "finalLinear.bias")
  }

  @Test func missingFileNamesTheFile() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("absent.safetensors")
    #expect(Self.message(loading: url) == "\(url.path): cannot be opened: no such file")
  }

  @Test func truncatedFileNamesTheFile() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("cut.safetensors")
    try PostExample.untrainedModel().save(to: url)
    let bytes = try Data(contentsOf: url)
    try bytes.prefix(bytes.count - 100).write(to: url)
    let message = Self.message(loading: url)
    #expect(message.hasPrefix("\(url.path): truncated"), "Truncated file: \(message)")
  }

  @Test func wronglyShapedTensorNamesTheFileAndTensor() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("shape.safetensors")
    let model = PostExample.untrainedModel()
    var tensors = Dictionary(
      uniqueKeysWithValues: zip(model.parameterNames, model.parameterMatrices))
    let name = "decoder.layers.0.feedForward.firstWeights"  // [16, 32] in the book's model
    tensors[name] = Matrix(rows: 16, columns: 31)
    try SafeTensors.write(tensors, metadata: model.configuration, to: url)
    #expect(
      Self.message(loading: url)
        == "\(url.path): tensor \"\(name)\" has shape [16, 31], expected [16, 32]")
  }

  @Test func missingTensorNamesTheFileAndTensor() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("missing.safetensors")
    let model = PostExample.untrainedModel()
    var tensors = Dictionary(
      uniqueKeysWithValues: zip(model.parameterNames, model.parameterMatrices))
    tensors["encoder.layers.0.secondNorm.gain"] = nil
    try SafeTensors.write(tensors, metadata: model.configuration, to: url)
    #expect(
      Self.message(loading: url).hasPrefix(
        "\(url.path): no tensor named \"encoder.layers.0.secondNorm.gain\""))
  }

  @Test func missingConfigurationNamesTheFileAndKey() throws {
    let directory = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("metadata.safetensors")
    let model = PostExample.untrainedModel()
    var metadata = model.configuration
    metadata["headCount"] = nil
    try SafeTensors.write(
      Dictionary(uniqueKeysWithValues: zip(model.parameterNames, model.parameterMatrices)),
      metadata: metadata, to: url)
    let message = Self.message(loading: url)
    #expect(message.hasPrefix("\(url.path): malformed header"), "\(message)")
    #expect(message.contains("\"headCount\" is missing"), "\(message)")
  }
}
