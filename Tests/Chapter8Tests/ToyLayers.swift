import Encoder
import Matrix

/// The chapter's tiny layers: d_model 4, 2 heads, d_ff 8, with norms whose γ and β are not
/// 1 and 0 (so a gradient that ignored γ would show).
enum ToyLayers {
  static func encoderLayer(seed: UInt64) -> EncoderLayer {
    var layer = EncoderLayer(modelDimension: 4, headCount: 2, hiddenDimension: 8, seed: seed)
    var generator = SplitMix64(seed: seed + 1000)
    for norm in [\EncoderLayer.firstNorm, \EncoderLayer.secondNorm] {
      layer[keyPath: norm].gain =
        Matrix.random(rows: 1, columns: 4, in: 0.5, 1.5, using: &generator).row(0)
      layer[keyPath: norm].bias =
        Matrix.random(rows: 1, columns: 4, in: -0.5, 0.5, using: &generator).row(0)
    }
    return layer
  }
}
