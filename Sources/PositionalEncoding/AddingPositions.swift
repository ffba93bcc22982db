import Matrix

/// X + PE: each word's embedding plus the encoding of its position, the input of the first
/// encoder. Row i of the result is row i of `embeddings` plus row i of `encoding`; an encoding
/// computed for more positions than there are words (a table for the longest sentence) is
/// cut to the first ones.
///
///     let x: Matrix = [[1, -1, 0, 2], [0, 2, 1, -1]]          // je suis
///     addingPositions(to: x, encoding: positionalEncoding(positions: 2, modelDimension: 4))
///     // [[1, 0, 0, 3], [sin 1, 2 + cos 1, 1 + sin 0.01, −1 + cos 0.01]]
///
/// Traps unless both have the same d_model and the encoding has a row for every word.
/// Shape: [tokens, d_model], [positions ≥ tokens, d_model] -> [tokens, d_model]
public func addingPositions(to embeddings: Matrix, encoding: Matrix) -> Matrix {
  checkPrecondition(
    embeddings.columns == encoding.columns,
    "addingPositions: embeddings \(embeddings.shape) and encoding \(encoding.shape): "
      + "d_model \(embeddings.columns) and \(encoding.columns) differ")
  checkPrecondition(
    encoding.rows >= embeddings.rows,
    "addingPositions: embeddings \(embeddings.shape) and encoding \(encoding.shape): "
      + "\(embeddings.rows) words but only \(encoding.rows) positions")
  return embeddings + encoding.rows(0..<embeddings.rows)  // [tokens, d_model]
}
