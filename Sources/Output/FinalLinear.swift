import Embeddings
import Matrix

/// The final linear layer and softmax: they turn each row of the decoder's output into one score
/// per vocabulary word (the logits), then into probabilities, then into a word.
///
///     logits = X·W + b,  probabilities = softmax(logits) row by row
///
///     let layer = FinalLinear(weights: w, bias: b)   // W [d_model, vocabulary], b [vocabulary]
///     let trace = layer.trace(decoderOutput)         // [words, d_model]
///     trace.predictions                              // one vocabulary index per word
///
/// The paper (section 3.4) shares one matrix between the embedding layers and this layer:
/// `FinalLinear(tiedTo: embedding)` uses the embedding table's transpose as W.
///
/// Chapter 7; tests in Tests/Chapter7Tests/FinalLinearTests.swift.
public struct FinalLinear: Sendable {
  /// W. Row k is what feature k of a decoder output row adds to every word's score.
  /// Shape: [d_model, vocabulary]
  public var weights: Matrix
  /// b, one score added to each word whatever the input. Shape: [vocabulary]
  public var bias: [Double]
  /// True when W is the transpose of an embedding table (`init(tiedTo:)`): then W is not a
  /// parameter of its own, and training adds this layer's gradient to the embedding's.
  public let isTiedToEmbedding: Bool

  /// Traps unless the bias has one entry per column of W (per vocabulary word).
  public init(weights: Matrix, bias: [Double]) {
    self.init(weights: weights, bias: bias, tied: false)
  }

  private init(weights: Matrix, bias: [Double], tied: Bool) {
    checkPrecondition(
      bias.count == weights.columns,
      "FinalLinear: W \(weights.shape) has \(weights.columns) columns (one per vocabulary word) "
        + "but the bias has \(bias.count) entries")
    self.weights = weights
    self.bias = bias
    self.isTiedToEmbedding = tied
  }

  /// A layer with random (Glorot uniform) W drawn from `SplitMix64(seed:)`, row by row, and a
  /// zero bias.
  public init(modelDimension: Int, vocabularySize: Int, seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    let w = Matrix.glorotUniform(rows: modelDimension, columns: vocabularySize, using: &generator)
    self.init(weights: w, bias: Array(repeating: 0, count: vocabularySize))
  }

  /// Weight tying, as in the paper: W is the embedding table's transpose, so word j's score is
  /// the dot product of the decoder output with word j's own embedding. The bias starts at 0.
  /// Shape: table [vocabulary, d_model] -> W [d_model, vocabulary]
  public init(tiedTo embedding: Embedding) {
    self.init(
      weights: embedding.table.transposed(),
      bias: Array(repeating: 0, count: embedding.table.rows), tied: true)
  }

  /// d_model, the width of a decoder output row.
  public var modelDimension: Int { weights.rows }
  /// The number of words the model can output.
  public var vocabularySize: Int { weights.columns }

  /// The parameters this layer adds to the model: d_model·vocabulary + vocabulary, or only the
  /// vocabulary-long bias when W is the embedding table (one matrix, counted once).
  public var parameterCount: Int {
    (isTiedToEmbedding ? 0 : weights.rows * weights.columns) + bias.count
  }

  /// The probabilities. Shape: [words, d_model] -> [words, vocabulary]
  public func callAsFunction(_ decoderOutput: Matrix) -> Matrix {
    trace(decoderOutput).probabilities
  }

  /// Every intermediate, in the post's order.
  /// Shape: [words, d_model] -> logits, probabilities [words, vocabulary]; predictions [words]
  public func trace(_ decoderOutput: Matrix) -> Trace {
    checkPrecondition(
      decoderOutput.columns == weights.rows,
      "FinalLinear: the decoder output \(decoderOutput.shape) has \(decoderOutput.columns) "
        + "columns but W \(weights.shape) has \(weights.rows) rows (d_model)")
    // Step 1: the linear layer projects each row to one score per word
    var logits = matmul(decoderOutput, weights)  // [words, vocabulary]
    for i in 0..<logits.rows {
      for j in 0..<logits.columns { logits[i, j] += bias[j] }
    }
    // Step 2: softmax turns each row of scores into probabilities
    let probabilities = softmax(logits)  // [words, vocabulary]
    // Step 3: the word with the highest probability
    return Trace(
      logits: logits, probabilities: probabilities,
      predictions: mostProbableWords(probabilities))
  }

  /// Every intermediate of the final linear and softmax layer, in the post's order.
  public struct Trace: Equatable, Sendable {
    /// X·W + b, one score per vocabulary word. Shape: [words, vocabulary]
    public var logits: Matrix
    /// softmax(logits), each row summing to 1. Shape: [words, vocabulary]
    public var probabilities: Matrix
    /// The index of the most probable word in each row. Shape: [words]
    public var predictions: [Int]
  }
}

/// The column of the largest value in each row: the word greedy decoding outputs. A tie goes
/// to the lowest index (the word listed first in the vocabulary). Traps on a row with no
/// columns or a NaN. Shape: [words, vocabulary] -> [words]
public func mostProbableWords(_ probabilities: Matrix) -> [Int] {
  checkPrecondition(
    probabilities.columns > 0,
    "mostProbableWords: \(probabilities.shape) has no columns (no words) to choose from")
  return (0..<probabilities.rows).map { i in
    let row = probabilities.row(i)
    checkPrecondition(
      !row.contains(where: \.isNaN), "mostProbableWords: row \(i + 1) has a NaN: \(row)")
    var best = 0
    // Strictly greater: a tie keeps the first word.
    for j in 1..<row.count where row[j] > row[best] { best = j }
    return best
  }
}
