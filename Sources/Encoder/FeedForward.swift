import Matrix

/// The position-wise feed-forward network: two linear layers with a ReLU between them, applied
/// to every word's vector separately and identically (paper, section 3.3):
///
///     FFN(x) = max(0, x·W₁ + b₁)·W₂ + b₂
///
/// The hidden layer is wider than the model: d_ff = 2048 against d_model = 512 in the paper.
/// Row i of the output depends on row i of the input alone: no word sees another here.
/// Shape: [words, d_model] -> [words, d_model]
public struct FeedForward: Sendable {
  /// W₁. Shape: [d_model, d_ff]
  public var firstWeights: Matrix
  /// b₁, added to every row of x·W₁. Shape: [d_ff]
  public var firstBias: [Double]
  /// W₂. Shape: [d_ff, d_model]
  public var secondWeights: Matrix
  /// b₂, added to every row of the output. Shape: [d_model]
  public var secondBias: [Double]

  /// Traps unless W₂ is [d_ff, d_model] for W₁ [d_model, d_ff], b₁ has d_ff entries and b₂
  /// d_model.
  public init(
    firstWeights: Matrix, firstBias: [Double], secondWeights: Matrix, secondBias: [Double]
  ) {
    checkPrecondition(
      secondWeights.rows == firstWeights.columns && secondWeights.columns == firstWeights.rows,
      "FeedForward: W₁ \(firstWeights.shape) needs W₂ [\(firstWeights.columns), "
        + "\(firstWeights.rows)], got W₂ \(secondWeights.shape)")
    checkPrecondition(
      firstBias.count == firstWeights.columns,
      "FeedForward: b₁ [\(firstBias.count)] needs d_ff = \(firstWeights.columns) entries, the "
        + "columns of W₁ \(firstWeights.shape)")
    checkPrecondition(
      secondBias.count == secondWeights.columns,
      "FeedForward: b₂ [\(secondBias.count)] needs d_model = \(secondWeights.columns) entries, "
        + "the columns of W₂ \(secondWeights.shape)")
    self.firstWeights = firstWeights
    self.firstBias = firstBias
    self.secondWeights = secondWeights
    self.secondBias = secondBias
  }

  /// Random weights, reproducible from `seed`. One `SplitMix64(seed:)` draws, in order:
  /// W₁ [d_model, d_ff] (Glorot uniform), b₁ uniform in ±1/√d_model, W₂ [d_ff, d_model]
  /// (Glorot uniform), b₂ uniform in ±1/√d_ff. The biases follow PyTorch's `nn.Linear`
  /// (uniform in ±1/√fan_in), so that they are not all zero and a test can see them.
  public init(modelDimension: Int, hiddenDimension: Int, seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    let w1 = Matrix.glorotUniform(
      rows: modelDimension, columns: hiddenDimension, using: &generator)
    let limit1 = 1 / Double(modelDimension).squareRoot()
    let b1 = Matrix.random(
      rows: 1, columns: hiddenDimension, in: -limit1, limit1, using: &generator)
    let w2 = Matrix.glorotUniform(
      rows: hiddenDimension, columns: modelDimension, using: &generator)
    let limit2 = 1 / Double(hiddenDimension).squareRoot()
    let b2 = Matrix.random(rows: 1, columns: modelDimension, in: -limit2, limit2, using: &generator)
    self.init(firstWeights: w1, firstBias: b1.row(0), secondWeights: w2, secondBias: b2.row(0))
  }

  /// d_model, the width of each word's vector in and out.
  public var modelDimension: Int { firstWeights.rows }
  /// d_ff, the width of the hidden layer.
  public var hiddenDimension: Int { firstWeights.columns }

  /// FFN(x). Shape: [words, d_model] -> [words, d_model]
  public func callAsFunction(_ x: Matrix) -> Matrix {
    trace(x).output
  }

  /// Every intermediate. Traps unless x has d_model columns.
  /// Shape: [words, d_model] -> hidden, activated [words, d_ff], output [words, d_model]
  public func trace(_ x: Matrix) -> Trace {
    checkPrecondition(
      x.columns == firstWeights.rows,
      "FeedForward: input \(x.shape) × W₁ \(firstWeights.shape): d_model \(x.columns) and "
        + "\(firstWeights.rows) differ")
    // Step 1: x·W₁ + b₁, the hidden layer before the ReLU
    let hidden = matmul(x, firstWeights).addingToEveryRow(firstBias)  // [words, d_ff]
    // Step 2: ReLU, max(0, ·), element by element
    let activated = hidden.map { max(0, $0) }  // [words, d_ff]
    // Step 3: back to d_model: ·W₂ + b₂
    let output = matmul(activated, secondWeights).addingToEveryRow(secondBias)  // [words, d_model]
    return Trace(hidden: hidden, activated: activated, output: output)
  }

  /// Every intermediate of the feed-forward network, in order.
  public struct Trace: Equatable, Sendable {
    /// x·W₁ + b₁, before the ReLU. Shape: [words, d_ff]
    public var hidden: Matrix
    /// max(0, x·W₁ + b₁): the negative entries of `hidden` set to 0. Shape: [words, d_ff]
    public var activated: Matrix
    /// max(0, x·W₁ + b₁)·W₂ + b₂. Shape: [words, d_model]
    public var output: Matrix
  }
}
