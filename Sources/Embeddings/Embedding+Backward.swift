import Matrix

extension Embedding {
  /// ∂L/∂ the embedding table.
  public struct Gradient: Equatable, Sendable {
    /// Row w is the sum of the gradients of every position where word w was looked up; rows of
    /// words not in the sentence are 0. Shape: [vocabulary size, d_model]
    public var table: Matrix

    public init(table: Matrix) {
      self.table = table
    }
  }

  /// The backward pass of the lookup `self(indices)`:
  ///
  ///     forward:  X[i] = table[indices[i]]
  ///     dtable[w] = Σ over positions i with indices[i] = w of dX[i]
  ///
  /// A lookup copies a row, so its backward adds the gradient back into that row; a word that
  /// appears twice collects both positions' gradients. (It is `oneHot(indices)ᵀ · dX`.)
  /// Shape: indices [tokens], dX [tokens, d_model] -> table [vocabulary size, d_model]
  public func backward(_ indices: [Int], outputGradient: Matrix) -> Gradient {
    checkPrecondition(
      outputGradient.rows == indices.count && outputGradient.columns == table.columns,
      "Embedding.backward: \(indices.count) tokens and a table \(table.shape) need an output "
        + "gradient [\(indices.count), \(table.columns)], got \(outputGradient.shape)")
    var dTable = Matrix(rows: table.rows, columns: table.columns)
    for (position, word) in indices.enumerated() {
      for j in 0..<table.columns { dTable[word, j] += outputGradient[position, j] }
    }
    return Gradient(table: dTable)
  }
}
