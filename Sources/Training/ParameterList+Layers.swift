import Decoder
import Encoder
import Matrix

/// The stacks: each layer's list, part by part, in the order of the stored properties.
extension EncoderLayer: ParameterList {
  public var parameterMatrices: [Matrix] {
    get {
      selfAttention.parameterMatrices + firstNorm.parameterMatrices
        + feedForward.parameterMatrices + secondNorm.parameterMatrices
    }
    set {
      let parts = pieces(
        newValue, sizes: [selfAttention.parameterMatrices.count, 2, 4, 2])
      selfAttention.parameterMatrices = parts[0]
      firstNorm.parameterMatrices = parts[1]
      feedForward.parameterMatrices = parts[2]
      secondNorm.parameterMatrices = parts[3]
    }
  }
}
extension EncoderLayer.Gradient: GradientList {
  public var matrices: [Matrix] {
    selfAttention.matrices + firstNorm.matrices + feedForward.matrices + secondNorm.matrices
  }
}

extension DecoderLayer: ParameterList {
  public var parameterMatrices: [Matrix] {
    get {
      selfAttention.parameterMatrices + firstNorm.parameterMatrices
        + encoderDecoderAttention.parameterMatrices + secondNorm.parameterMatrices
        + feedForward.parameterMatrices + thirdNorm.parameterMatrices
    }
    set {
      let attention = selfAttention.parameterMatrices.count
      let parts = pieces(newValue, sizes: [attention, 2, attention, 2, 4, 2])
      selfAttention.parameterMatrices = parts[0]
      firstNorm.parameterMatrices = parts[1]
      encoderDecoderAttention.parameterMatrices = parts[2]
      secondNorm.parameterMatrices = parts[3]
      feedForward.parameterMatrices = parts[4]
      thirdNorm.parameterMatrices = parts[5]
    }
  }
}
extension DecoderLayer.Gradient: GradientList {
  public var matrices: [Matrix] {
    selfAttention.matrices + firstNorm.matrices + encoderDecoderAttention.matrices
      + secondNorm.matrices + feedForward.matrices + thirdNorm.matrices
  }
}

extension Encoder: ParameterList {
  public var parameterMatrices: [Matrix] {
    get { layers.flatMap(\.parameterMatrices) }
    set {
      let parts = pieces(newValue, sizes: layers.map { $0.parameterMatrices.count })
      for index in layers.indices { layers[index].parameterMatrices = parts[index] }
    }
  }
}
extension Encoder.Gradient: GradientList {
  public var matrices: [Matrix] { layers.flatMap(\.matrices) }
}

extension Decoder: ParameterList {
  public var parameterMatrices: [Matrix] {
    get { layers.flatMap(\.parameterMatrices) }
    set {
      let parts = pieces(newValue, sizes: layers.map { $0.parameterMatrices.count })
      for index in layers.indices { layers[index].parameterMatrices = parts[index] }
    }
  }
}
extension Decoder.Gradient: GradientList {
  public var matrices: [Matrix] { layers.flatMap(\.matrices) }
}

extension Transformer: ParameterList {
  public var parameterMatrices: [Matrix] {
    get {
      sourceEmbedding.parameterMatrices + targetEmbedding.parameterMatrices
        + encoder.parameterMatrices + decoder.parameterMatrices
    }
    set {
      let parts = pieces(
        newValue,
        sizes: [1, 1, encoder.parameterMatrices.count, decoder.parameterMatrices.count])
      sourceEmbedding.parameterMatrices = parts[0]
      targetEmbedding.parameterMatrices = parts[1]
      encoder.parameterMatrices = parts[2]
      decoder.parameterMatrices = parts[3]
    }
  }
}
extension Transformer.Gradient: GradientList {
  public var matrices: [Matrix] {
    sourceEmbedding.matrices + targetEmbedding.matrices + encoder.matrices + decoder.matrices
  }
}
