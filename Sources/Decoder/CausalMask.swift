import Matrix

/// The decoder's look-ahead mask: word i may attend to words 1 … i only. 0 on and below the
/// diagonal, `maskedValue` (−∞, as the post says) above it. Added to the scaled scores before
/// softmax, −∞ gives every later word a weight of exactly 0.
///
///     causalMask(size: 3)
///     // [[0, -inf, -inf],
///     //  [0,    0, -inf],
///     //  [0,    0,    0]]
///
/// `maskedValue: -1e9` builds the large-negative variant some code uses instead (see
/// Chapter 6). Shape: -> [size, size] (queries × keys)
public func causalMask(size: Int, maskedValue: Double = -.infinity) -> Matrix {
  checkPrecondition(size >= 0, "causalMask: the size \(size) is negative")
  var mask = Matrix(rows: size, columns: size)
  for i in 0..<size {
    for j in 0..<size where j > i {
      mask[i, j] = maskedValue  // key j comes after query i
    }
  }
  return mask
}
