import Matrix

/// Layer normalization (Ba, Kiros and Hinton, 2016), applied to each row (each word) on its own:
///
///     μ = mean of the row,  σ² = Σ (xⱼ − μ)² / d_model   (the biased estimator)
///     yⱼ = γⱼ · (xⱼ − μ) / √(σ² + ε) + βⱼ
///
///     let norm = LayerNorm(modelDimension: 4, epsilon: 0)
///     norm([[0, 0, 4, 4]])   // [[-1, -1, 1, 1]]: μ = 2, σ² = 4, √4 = 2
///
/// The paper does not give ε; the default, 1e-5, is PyTorch's `nn.LayerNorm` default. It sits
/// inside the square root, so a row whose entries are all equal gives 0 instead of 0 / 0.
/// Shape: [words, d_model] -> [words, d_model]
public struct LayerNorm: Sendable {
  /// γ, multiplied into each normalized column (1 to start with). Shape: [d_model]
  public var gain: [Double]
  /// β, added to each column after the gain (0 to start with). Shape: [d_model]
  public var bias: [Double]
  /// ε, added to the variance under the square root.
  public var epsilon: Double

  /// PyTorch's `nn.LayerNorm` default ε; the paper leaves ε unspecified.
  public static let defaultEpsilon = 1e-5

  /// Traps unless γ and β have the same length.
  public init(gain: [Double], bias: [Double], epsilon: Double = LayerNorm.defaultEpsilon) {
    checkPrecondition(
      gain.count == bias.count,
      "LayerNorm: gain [\(gain.count)] and bias [\(bias.count)] must both have d_model entries")
    self.gain = gain
    self.bias = bias
    self.epsilon = epsilon
  }

  /// A fresh layer norm: γ = 1 and β = 0, so it only normalizes.
  public init(modelDimension: Int, epsilon: Double = LayerNorm.defaultEpsilon) {
    self.init(
      gain: Array(repeating: 1, count: modelDimension),
      bias: Array(repeating: 0, count: modelDimension), epsilon: epsilon)
  }

  /// d_model, the length of the rows it normalizes.
  public var modelDimension: Int { gain.count }

  /// The normalized rows. Shape: [words, d_model] -> [words, d_model]
  public func callAsFunction(_ x: Matrix) -> Matrix {
    trace(x).output
  }

  /// Every intermediate, row by row. Traps unless x has d_model columns.
  /// Shape: [words, d_model] -> mean, variance [words], normalized, output [words, d_model]
  public func trace(_ x: Matrix) -> Trace {
    checkPrecondition(
      x.columns == gain.count,
      "LayerNorm: input \(x.shape) has \(x.columns) columns but gain and bias have d_model = "
        + "\(gain.count) entries")
    let width = Double(x.columns)
    var means: [Double] = []
    var variances: [Double] = []
    for i in 0..<x.rows {
      // Step 1: the mean of the row
      var sum = 0.0
      for j in 0..<x.columns { sum += x[i, j] }
      let mean = sum / width
      // Step 2: the variance, dividing by d_model (not d_model − 1)
      var squares = 0.0
      for j in 0..<x.columns { squares += (x[i, j] - mean) * (x[i, j] - mean) }
      let variance = squares / width
      means.append(mean)
      variances.append(variance)
    }
    // Step 3: subtract the mean, divide by √(σ² + ε)
    let deviations = variances.map { ($0 + epsilon).squareRoot() }
    let normalized = Matrix(rows: x.rows, columns: x.columns) { i, j in
      (x[i, j] - means[i]) / deviations[i]
    }
    // Step 4: scale by γ, shift by β
    let output = Matrix(rows: x.rows, columns: x.columns) { i, j in
      gain[j] * normalized[i, j] + bias[j]
    }
    return Trace(mean: means, variance: variances, normalized: normalized, output: output)
  }

  /// Every intermediate of layer normalization, in order.
  public struct Trace: Equatable, Sendable {
    /// μ of each row. Shape: [words]
    public var mean: [Double]
    /// σ² of each row, Σ (xⱼ − μ)² / d_model. Shape: [words]
    public var variance: [Double]
    /// (x − μ) / √(σ² + ε): each row with mean 0 and variance just under 1.
    /// Shape: [words, d_model]
    public var normalized: Matrix
    /// γ · normalized + β. Shape: [words, d_model]
    public var output: Matrix
  }
}
