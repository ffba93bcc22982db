import Embeddings
import Encoder
import Matrix
import Output

/// The encoder stack with the output layer and the loss on top: one predicted word per input
/// word. It is the smallest model in which every backward pass of the chapter runs, chained:
///
///     words → Embedding → × √d_model + PE → Encoder → FinalLinear → CrossEntropyLoss
///
/// With `tiesWeights` the final layer's W is the embedding table's transpose (the paper's
/// weight sharing) and `finalLinear.weights` is ignored; only its bias is used.
/// Chapter 8; tests in Tests/Chapter8Tests/ModelGradientCheckTests.swift.
public struct EncoderModel: Sendable {
  public var embedding: Embedding
  public var encoder: Encoder
  public var finalLinear: FinalLinear
  public var tiesWeights: Bool

  public init(embedding: Embedding, encoder: Encoder, finalLinear: FinalLinear, tiesWeights: Bool) {
    self.embedding = embedding
    self.encoder = encoder
    self.finalLinear = finalLinear
    self.tiesWeights = tiesWeights
  }

  /// The final layer in use: W = tableᵀ when tied (rebuilt from the current table), with this
  /// model's bias.
  public var outputLayer: FinalLinear {
    guard tiesWeights else { return finalLinear }
    var tied = FinalLinear(tiedTo: embedding)
    tied.bias = finalLinear.bias
    return tied
  }

  /// Every intermediate of the forward pass and the loss.
  public struct Trace: Equatable, Sendable {
    /// The looked-up rows of the table. Shape: [words, d_model]
    public var embedded: Matrix
    /// embedded · √d_model + PE, the encoder's input. Shape: [words, d_model]
    public var encoder: Encoder.Trace
    /// Logits and probabilities. Shape: [words, vocabulary]
    public var output: FinalLinear.Trace
    /// The loss and its gradient with respect to the logits.
    public var loss: CrossEntropyLoss.Trace
  }

  /// The forward pass and the loss. Shape: words [n], targets [n] -> see `Trace`
  public func trace(
    words: [Int], targets: [Int], smoothing: Double = 0, mask: Matrix? = nil
  ) -> Trace {
    let embedded = embedding(words)  // [words, d_model]
    let encoderTrace = encoder.trace(encoderInput(embeddings: embedded), mask: mask)
    let outputTrace = outputLayer.trace(encoderTrace.output)  // [words, vocabulary]
    let loss = CrossEntropyLoss(smoothing: smoothing).trace(
      logits: outputTrace.logits, targetWords: targets)
    return Trace(embedded: embedded, encoder: encoderTrace, output: outputTrace, loss: loss)
  }

  /// ∂ mean loss / ∂ every parameter.
  public struct Gradient: Equatable, Sendable {
    /// With tied weights, already the sum of both uses of the table.
    public var embedding: Embedding.Gradient
    public var encoder: Encoder.Gradient
    /// With tied weights, `weights` is the output layer's share, already added (transposed)
    /// into `embedding`: do not apply it again.
    public var finalLinear: FinalLinear.Gradient
    /// Whether the model ties W to the table (then `matrices` leaves out `finalLinear.weights`).
    public var tiesWeights: Bool
  }

  /// The backward pass, top down, from the loss's gradient (p − t) / words:
  ///
  ///     logits = encoderOutput · W + b          FinalLinear's backward
  ///     encoderOutput = Encoder(X)              Encoder's backward, layer by layer
  ///     X = embedded · √d_model + PE            dEmbedded = dX · √d_model
  ///     embedded = table[words]                 add each row into its word's row of dtable
  ///     (tied) W = tableᵀ                       dtable += dWᵀ
  public func backward(words: [Int], trace: Trace) -> Gradient {
    let (dEncoderOutput, dFinalLinear) = outputLayer.backward(
      trace.encoder.output, outputGradient: trace.loss.gradient)
    let (dInput, dEncoder) = encoder.backward(trace: trace.encoder, outputGradient: dEncoderOutput)
    let dEmbedded = encoderInputBackward(outputGradient: dInput)  // [words, d_model]
    var dEmbedding = embedding.backward(words, outputGradient: dEmbedded)
    if tiesWeights {
      dEmbedding = tiedEmbeddingGradient(embedding: dEmbedding, finalLinear: dFinalLinear)
    }
    return Gradient(
      embedding: dEmbedding, encoder: dEncoder, finalLinear: dFinalLinear,
      tiesWeights: tiesWeights)
  }
}

/// The table, the encoder's parameters, then the final layer's W (untied only) and bias.
extension EncoderModel: ParameterList {
  public var parameterMatrices: [Matrix] {
    get {
      embedding.parameterMatrices + encoder.parameterMatrices
        + (tiesWeights ? [] : [finalLinear.weights]) + [Matrix(row: finalLinear.bias)]
    }
    set {
      let output = tiesWeights ? 1 : 2
      let parts = pieces(newValue, sizes: [1, encoder.parameterMatrices.count, output])
      embedding.parameterMatrices = parts[0]
      encoder.parameterMatrices = parts[1]
      if !tiesWeights { finalLinear.weights = parts[2][0] }
      finalLinear.bias = parts[2][output - 1].row(0)
    }
  }
}

extension EncoderModel.Gradient: GradientList {
  public var matrices: [Matrix] {
    embedding.matrices + encoder.matrices + (tiesWeights ? [] : [finalLinear.weights])
      + [Matrix(row: finalLinear.bias)]
  }
}
