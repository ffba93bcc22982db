import Matrix

/// An additive mask that hides padding: 0 in the columns of real words, −∞ in the columns
/// (keys) of `<pad>` tokens, the same for every query row. Added to the scaled scores before
/// softmax, it gives every padded key a weight of exactly 0, so a padded sentence's real words
/// come out as they would without the padding.
///
///     paddingMask(queries: 2, keyIsPadding: [false, false, true])
///     // [[0, 0, -inf], [0, 0, -inf]]
///
/// Shape: [n_k] -> [n_q, n_k]
public func paddingMask(queries: Int, keyIsPadding: [Bool]) -> Matrix {
  var mask = Matrix(rows: queries, columns: keyIsPadding.count)
  for i in 0..<queries {
    for (j, isPadding) in keyIsPadding.enumerated() where isPadding {
      mask[i, j] = -.infinity
    }
  }
  return mask
}
