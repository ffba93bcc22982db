import Decoder
import Embeddings
import Encoder
import Matrix
import Output

/// The whole model of the post and the paper: Chapter 6's Transformer, the final linear layer
/// and the loss. The decoder reads the target shifted right (`shiftedRight`) and is scored
/// against the target itself. With `tiesWeights` the final layer's W is the target embedding's
/// transpose (the paper shares it) and `finalLinear.weights` is ignored.
///
///     source → Encoder ─┐
///     targetInput → Decoder → FinalLinear → CrossEntropyLoss(targets)
///
/// Chapter 8; tests in Tests/Chapter8Tests/TransformerGradientCheckTests.swift.
public struct TranslationModel: Sendable {
  public var transformer: Transformer
  public var finalLinear: FinalLinear
  public var tiesWeights: Bool

  public init(transformer: Transformer, finalLinear: FinalLinear, tiesWeights: Bool) {
    self.transformer = transformer
    self.finalLinear = finalLinear
    self.tiesWeights = tiesWeights
  }

  /// The final layer in use: W = target tableᵀ when tied, with this model's bias.
  public var outputLayer: FinalLinear {
    guard tiesWeights else { return finalLinear }
    var tied = FinalLinear(tiedTo: transformer.targetEmbedding)
    tied.bias = finalLinear.bias
    return tied
  }

  /// Every intermediate of the forward pass and the loss.
  public struct Trace: Equatable, Sendable {
    public var transformer: Transformer.Trace
    /// Logits and probabilities. Shape: [target words, vocabulary]
    public var output: FinalLinear.Trace
    /// The loss and ∂ mean loss / ∂ logits.
    public var loss: CrossEntropyLoss.Trace
  }

  /// The forward pass and the loss. `sourcePadding` is the padding word, if any (see
  /// `Transformer.trace`). Shape: source [n_s], targetInput [n_t], targets [n_t] -> `Trace`
  public func trace(
    source: [Int], targetInput: [Int], targets: [Int], smoothing: Double = 0,
    sourcePadding: Int? = nil
  ) -> Trace {
    let transformerTrace = transformer.trace(
      source: source, target: targetInput, sourcePadding: sourcePadding)
    let outputTrace = outputLayer.trace(transformerTrace.output)  // [n_t, vocabulary]
    let loss = CrossEntropyLoss(smoothing: smoothing).trace(
      logits: outputTrace.logits, targetWords: targets)
    return Trace(transformer: transformerTrace, output: outputTrace, loss: loss)
  }

  /// ∂ mean loss / ∂ every parameter.
  public struct Gradient: Equatable, Sendable {
    /// With tied weights, `targetEmbedding` already holds both uses of the table.
    public var transformer: Transformer.Gradient
    /// With tied weights, `weights` is already in the target embedding's gradient.
    public var finalLinear: FinalLinear.Gradient
    public var tiesWeights: Bool
  }

  /// The backward pass from the loss's gradient, (p − t) / words, down to both embeddings.
  public func backward(source: [Int], targetInput: [Int], trace: Trace) -> Gradient {
    let (dDecoderOutput, dFinalLinear) = outputLayer.backward(
      trace.transformer.output, outputGradient: trace.loss.gradient)
    var dTransformer = transformer.backward(
      source: source, target: targetInput, trace: trace.transformer,
      outputGradient: dDecoderOutput)
    if tiesWeights {
      dTransformer.targetEmbedding = tiedEmbeddingGradient(
        embedding: dTransformer.targetEmbedding, finalLinear: dFinalLinear)
    }
    return Gradient(
      transformer: dTransformer, finalLinear: dFinalLinear, tiesWeights: tiesWeights)
  }
}

/// The Transformer's parameters, then the final layer's W (untied only) and bias.
extension TranslationModel: ParameterList {
  public var parameterMatrices: [Matrix] {
    get {
      transformer.parameterMatrices + (tiesWeights ? [] : [finalLinear.weights])
        + [Matrix(row: finalLinear.bias)]
    }
    set {
      let output = tiesWeights ? 1 : 2
      let parts = pieces(newValue, sizes: [transformer.parameterMatrices.count, output])
      transformer.parameterMatrices = parts[0]
      if !tiesWeights { finalLinear.weights = parts[1][0] }
      finalLinear.bias = parts[1][output - 1].row(0)
    }
  }
}

extension TranslationModel.Gradient: GradientList {
  public var matrices: [Matrix] {
    transformer.matrices + (tiesWeights ? [] : [finalLinear.weights])
      + [Matrix(row: finalLinear.bias)]
  }
}
