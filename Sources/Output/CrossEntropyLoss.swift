import Matrix

/// The training loss of the post's section "The Loss Function": compare the model's
/// distribution at each position with the target distribution by cross-entropy, and average
/// over the positions. With `smoothing` ε > 0 the targets are label-smoothed (the paper uses
/// ε_ls = 0.1): 1 − ε on the right word, ε / (V − 1) on each other word.
///
///     let loss = CrossEntropyLoss(smoothing: 0.1)
///     let trace = loss.trace(logits: logits, targetWords: [2, 1, 0, 4, 5])   // "i am a student <eos>"
///     trace.mean       // the number training makes smaller
///     trace.gradient   // ∂ mean / ∂ logits, where Chapter 8's backward pass starts
///
/// Chapter 7; tests in Tests/Chapter7Tests/CrossEntropyLossTests.swift.
public struct CrossEntropyLoss: Sendable {
  /// ε, the probability moved off the right word; 0 for one-hot targets.
  public var smoothing: Double

  /// Traps unless 0 ≤ ε < 1.
  public init(smoothing: Double = 0) {
    checkPrecondition(
      smoothing >= 0 && smoothing < 1,
      "CrossEntropyLoss: ε = \(smoothing) is outside [0, 1)")
    self.smoothing = smoothing
  }

  /// The mean loss. Shape: logits [words, vocabulary], targetWords [words] -> a number
  public func callAsFunction(logits: Matrix, targetWords: [Int]) -> Double {
    trace(logits: logits, targetWords: targetWords).mean
  }

  /// Every intermediate, in the order the chapter computes them. Traps unless there is one
  /// target word per row of logits, at least one, each a column of the logits.
  /// Shape: logits [words, vocabulary], targetWords [words] -> see `Trace`
  public func trace(logits: Matrix, targetWords: [Int]) -> Trace {
    checkPrecondition(
      targetWords.count == logits.rows && logits.rows > 0,
      "CrossEntropyLoss: \(targetWords.count) target words for logits \(logits.shape); it "
        + "needs one per row, at least one")
    // Step 1: the target distribution of each position
    let targets = smoothedTargets(
      targetWords, vocabularySize: logits.columns, smoothing: smoothing)  // [words, vocabulary]
    // Step 2: the model's distribution, as log-probabilities (log-sum-exp) and probabilities
    let logProbabilities = logSoftmax(logits)  // [words, vocabulary]
    let probabilities = softmax(logits)  // [words, vocabulary]
    // Step 3: cross-entropy of each position, then the mean over positions
    let perPosition = crossEntropy(logits: logits, targets: targets)  // [words]
    let mean = perPosition.reduce(0, +) / Double(perPosition.count)
    // Step 4: the gradient of the mean with respect to the logits, (p − t) / words
    let gradient = crossEntropyGradient(logits: logits, targets: targets)  // [words, vocabulary]
    return Trace(
      targets: targets, logProbabilities: logProbabilities, probabilities: probabilities,
      perPosition: perPosition, mean: mean, perplexity: perplexity(meanLoss: mean),
      gradient: gradient)
  }

  /// Every intermediate of the loss.
  public struct Trace: Equatable, Sendable {
    /// One target distribution per position. Shape: [words, vocabulary]
    public var targets: Matrix
    /// logSoftmax(logits). Shape: [words, vocabulary]
    public var logProbabilities: Matrix
    /// softmax(logits). Shape: [words, vocabulary]
    public var probabilities: Matrix
    /// −Σ t · log p for each position. Shape: [words]
    public var perPosition: [Double]
    /// The mean of `perPosition`.
    public var mean: Double
    /// exp(mean).
    public var perplexity: Double
    /// ∂ mean / ∂ logits = (probabilities − targets) / words. Shape: [words, vocabulary]
    public var gradient: Matrix
  }
}
