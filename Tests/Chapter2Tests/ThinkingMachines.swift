import Matrix

/// The worked example of Chapter 2, "Thinking Machines", with small integers so that every
/// number can be redone on paper.
///
/// d_model = 4 (the post's four boxes). d_k = d_v = 64 as in the paper, so that √d_k = 8 as in
/// the post: each weight matrix is a 4 × 4 tile repeated 16 times side by side, so every
/// q, k and v is its 4-wide tile repeated 16 times, and each 64-wide dot product is 16 times
/// the dot product of the tiles.
enum ThinkingMachines {
  static let x1: [Double] = [1, 0, 1, 0]  // "Thinking"
  static let x2: [Double] = [0, 1, 0, 1]  // "Machines"
  static let x = Matrix([x1, x2])  // [2, 4]

  static let queryTile: Matrix = [[1, 0, 1, 0], [0, 1, 0, 1], [0, 1, 1, 0], [1, 0, 1, 0]]
  static let keyTile: Matrix = [[1, 1, 1, 0], [1, 0, 1, 1], [0, 1, 1, 1], [1, 0, 1, 2]]
  static let valueTile: Matrix = [[1, 0, 1, 0], [0, 2, 0, 1], [1, 0, 0, 1], [0, 2, 1, 1]]

  /// W = [tile tile … tile], 16 copies: [4, 4] -> [4, 64]
  static func repeated(_ tile: Matrix) -> Matrix {
    Matrix(concatenatingColumns: Array(repeating: tile, count: 16))
  }
  /// A vector of 4 repeated 16 times: [4] -> [64]
  static func repeated(_ tile: [Double]) -> [Double] {
    Array([[Double]](repeating: tile, count: 16).joined())
  }

  static let queryWeights = repeated(queryTile)  // W^Q [4, 64]
  static let keyWeights = repeated(keyTile)  // W^K [4, 64]
  static let valueWeights = repeated(valueTile)  // W^V [4, 64]

  // Step 1, by hand: x1 = [1 0 1 0] picks rows 0 and 2 of a tile, x2 = [0 1 0 1] rows 1 and 3.
  static let q1Tile: [Double] = [1, 1, 2, 0]  // [1 0 1 0] + [0 1 1 0]
  static let q2Tile: [Double] = [1, 1, 1, 1]  // [0 1 0 1] + [1 0 1 0]
  static let k1Tile: [Double] = [1, 2, 2, 1]  // [1 1 1 0] + [0 1 1 1]
  static let k2Tile: [Double] = [2, 0, 2, 3]  // [1 0 1 1] + [1 0 1 2]
  static let v1Tile: [Double] = [2, 0, 1, 1]  // [1 0 1 0] + [1 0 0 1]
  static let v2Tile: [Double] = [0, 4, 1, 2]  // [0 2 0 1] + [0 2 1 1]

  // Step 4: softmax(14, 12) = (1, e^-2) / (1 + e^-2), e^-2 = 0.1353352832366127:
  static let a = 0.8807970779778824441  // 1 / (1 + e^-2) = σ(2)
  static let b = 0.1192029220221175559  // e^-2 / (1 + e^-2) = σ(−2) = 1 − a
}
