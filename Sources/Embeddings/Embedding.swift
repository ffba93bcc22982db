import Matrix

/// An embedding table: one learned vector of d_model numbers per vocabulary word. Turning a
/// sentence into the input matrix X is looking up one row per token.
///
///     let embedding = Embedding(table: [[0, 0], [1, -1], [2, 3]])   // 3 words, d_model = 2
///     embedding([2, 1])   // [[2, 3], [1, -1]]: X, one row per token
public struct Embedding: Sendable {
  /// The table. Shape: [vocabulary size, d_model]
  public var table: Matrix

  public init(table: Matrix) {
    self.table = table
  }

  /// A table of random numbers (Glorot uniform), reproducible from `seed`.
  public init(vocabularySize: Int, modelDimension: Int, seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    table = .glorotUniform(rows: vocabularySize, columns: modelDimension, using: &generator)
  }

  /// d_model: the length of each word's vector.
  public var modelDimension: Int { table.columns }

  /// The input matrix X: row i is the vector of token `indices[i]`. Traps on an index outside
  /// the table. Shape: [tokens] -> [tokens, d_model]
  public func callAsFunction(_ indices: [Int]) -> Matrix {
    var rows: [[Double]] = []
    for index in indices {
      checkPrecondition(
        index >= 0 && index < table.rows,
        "Embedding: token index \(index) is out of range for the table \(table.shape)")
      rows.append(table.row(index))
    }
    return Matrix(rows: indices.count, columns: table.columns, elements: rows.flatMap { $0 })
  }
}

/// One-hot rows: row i is all zeros except a 1 in column `indices[i]`. Multiplying them by an
/// embedding table picks out the same rows a lookup does. Shape: [tokens] -> [tokens, count]
public func oneHot(_ indices: [Int], count: Int) -> Matrix {
  var result = Matrix(rows: indices.count, columns: count)
  for (row, index) in indices.enumerated() {
    checkPrecondition(
      index >= 0 && index < count, "oneHot: index \(index) is out of range for \(count) columns")
    result[row, index] = 1
  }
  return result
}
