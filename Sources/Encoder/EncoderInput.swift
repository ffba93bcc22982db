import Foundation
import Matrix
import PositionalEncoding

/// The input of the first encoder (and, for the target, of the first decoder): each word's
/// embedding times √d_model, plus the positional encoding of its position (paper, sections 3.4
/// and 3.5):
///
///     X = E · √d_model + PE
///
/// The scaling brings embeddings (Glorot values of about ±0.1 at d_model 512) up to the size of
/// the encoding's ±1. Shape: [words, d_model] -> [words, d_model]
public func encoderInput(
  embeddings: Matrix, layout: PositionalEncodingLayout = .interleaved
) -> Matrix {
  let scale = Double(embeddings.columns).squareRoot()
  let encoding = positionalEncoding(
    positions: embeddings.rows, modelDimension: embeddings.columns, layout: layout)
  return addingPositions(to: embeddings * scale, encoding: encoding)  // [words, d_model]
}
