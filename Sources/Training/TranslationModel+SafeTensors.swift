import Decoder
import Embeddings
import Encoder
import Foundation
import Matrix
import MultiHeadAttention
import Output
import SafeTensors

extension TranslationModel {
  /// The name of every parameter matrix, in the order of `parameterMatrices`: the path of
  /// stored properties that leads to it, layers and heads counted from 0, e.g.
  /// "encoder.layers.0.selfAttention.heads.1.queryWeights" or "finalLinear.bias". Vectors
  /// (biases, gains) are one-row matrices, as in `parameterMatrices`.
  public var parameterNames: [String] {
    func attention(_ prefix: String, _ attention: MultiHeadAttention) -> [String] {
      attention.heads.indices.flatMap { head in
        ["queryWeights", "keyWeights", "valueWeights"].map { "\(prefix).heads.\(head).\($0)" }
      } + ["\(prefix).outputWeights"]
    }
    func norm(_ prefix: String) -> [String] { ["\(prefix).gain", "\(prefix).bias"] }
    func feedForward(_ prefix: String) -> [String] {
      ["firstWeights", "firstBias", "secondWeights", "secondBias"].map { "\(prefix).\($0)" }
    }
    var names = ["sourceEmbedding.table", "targetEmbedding.table"]
    for (index, layer) in transformer.encoder.layers.enumerated() {
      let prefix = "encoder.layers.\(index)"
      names += attention("\(prefix).selfAttention", layer.selfAttention)
      names += norm("\(prefix).firstNorm")
      names += feedForward("\(prefix).feedForward")
      names += norm("\(prefix).secondNorm")
    }
    for (index, layer) in transformer.decoder.layers.enumerated() {
      let prefix = "decoder.layers.\(index)"
      names += attention("\(prefix).selfAttention", layer.selfAttention)
      names += norm("\(prefix).firstNorm")
      names += attention("\(prefix).encoderDecoderAttention", layer.encoderDecoderAttention)
      names += norm("\(prefix).secondNorm")
      names += feedForward("\(prefix).feedForward")
      names += norm("\(prefix).thirdNorm")
    }
    return names + (tiesWeights ? [] : ["finalLinear.weights"]) + ["finalLinear.bias"]
  }

  /// The shape of the model, as `save(to:)` writes it in the file's metadata.
  public var configuration: [String: String] {
    let firstLayer = transformer.encoder.layers[0]
    return [
      "modelDimension": "\(transformer.sourceEmbedding.modelDimension)",
      "headCount": "\(firstLayer.selfAttention.headCount)",
      "hiddenDimension": "\(firstLayer.feedForward.hiddenDimension)",
      "encoderLayerCount": "\(transformer.encoder.layers.count)",
      "decoderLayerCount": "\(transformer.decoder.layers.count)",
      "sourceVocabularySize": "\(transformer.sourceEmbedding.table.rows)",
      "targetVocabularySize": "\(transformer.targetEmbedding.table.rows)",
      "tiesWeights": "\(tiesWeights)",
    ]
  }

  /// Writes every parameter, as F64 tensors named by `parameterNames`, and the configuration
  /// as metadata, atomically (see `SafeTensors.write`). Throws `SafeTensorsError`.
  public func save(to url: URL) throws {
    let tensors = Dictionary(uniqueKeysWithValues: zip(parameterNames, parameterMatrices))
    try SafeTensors.write(tensors, metadata: configuration, to: url)
  }

  /// Reads a model written by `save(to:)`: the configuration from the metadata, then every
  /// parameter by name, checked against the shape the configuration implies. Throws
  /// `SafeTensorsError` naming the file, and the tensor or metadata key, when the file is
  /// missing or truncated, a tensor is missing or has the wrong shape, or the metadata lacks
  /// a key. The loaded model is bit for bit the saved one.
  public init(loading url: URL) throws {
    let file = try SafeTensors.read(from: url)
    func number(_ key: String) throws -> Int {
      guard let text = file.metadata[key], let value = Int(text), value > 0 else {
        throw SafeTensorsError.malformedHeader(
          path: file.path, tensor: nil,
          reason: "metadata \"\(key)\" is \(file.metadata[key].map { "\"\($0)\"" } ?? "missing"), "
            + "expected a positive whole number")
      }
      return value
    }
    let (dimension, heads) = (try number("modelDimension"), try number("headCount"))
    let hidden = try number("hiddenDimension")
    guard let ties = file.metadata["tiesWeights"].flatMap(Bool.init), dimension % heads == 0
    else {
      throw SafeTensorsError.malformedHeader(
        path: file.path, tensor: nil,
        reason: "metadata \"tiesWeights\" must be \"true\" or \"false\", and headCount must "
          + "divide modelDimension")
    }
    // A model of the saved shape (the seed does not matter: every weight is replaced).
    let transformer = Transformer(
      sourceEmbedding: Embedding(
        vocabularySize: try number("sourceVocabularySize"), modelDimension: dimension, seed: 0),
      targetEmbedding: Embedding(
        vocabularySize: try number("targetVocabularySize"), modelDimension: dimension, seed: 0),
      encoder: Encoder(
        layerCount: try number("encoderLayerCount"), modelDimension: dimension,
        headCount: heads, hiddenDimension: hidden, seed: 0),
      decoder: Decoder(
        layerCount: try number("decoderLayerCount"), modelDimension: dimension,
        headCount: heads, hiddenDimension: hidden, seed: 0))
    let vocabulary = transformer.targetEmbedding.table.rows
    var model = TranslationModel(
      transformer: transformer,
      finalLinear: FinalLinear(modelDimension: dimension, vocabularySize: vocabulary, seed: 0),
      tiesWeights: ties)
    var parameters: [Matrix] = []
    for (name, template) in zip(model.parameterNames, model.parameterMatrices) {
      parameters.append(
        try file.matrix(name, shape: [template.shape.rows, template.shape.columns]))
    }
    model.parameterMatrices = parameters
    self = model
  }
}
