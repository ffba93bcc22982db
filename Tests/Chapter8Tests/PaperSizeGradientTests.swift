import Encoder
import Matrix
import Testing
import Training

/// One encoder layer at the paper's size (d_model 512, 8 heads, d_k 64, d_ff 2048), 4 words:
/// the backward pass against central differences at 2 sampled elements of each parameter and of
/// the input (a full check would take 2 forward passes for each of 3.15 million numbers).
/// The finite differences are the independent reference: they use only the forward pass.
/// The bound is 1e-6, ten times looser than at the tiny size: here every number of the forward
/// pass is a sum of 512 to 2048 products and the probe loss a sum of 2048 terms of size 1, so
/// the rounding in L, divided by 2h, reaches about 6e-9 (measured; 2e-11 at the tiny size).
/// On the smallest sampled element, 0.046, that is a relative error of 1.4e-7. A real bug
/// still gives 0.1 or more.
@Suite("Chapter 8 gradient check at the paper's size")
struct PaperSizeGradientTests {
  @Test func oneEncoderLayerSampled() {
    let layer = EncoderLayer(modelDimension: 512, headCount: 8, hiddenDimension: 2048, seed: 80)
    let x = randomMatrix(4, 512, seed: 81)
    let r = randomMatrix(4, 512, seed: 82)
    let d = layer.backward(x, trace: layer.trace(x), outputGradient: r)
    var generator = SplitMix64(seed: 83)
    func sampled(
      _ label: String, _ analytic: Matrix, _ value: Matrix, _ loss: (Matrix) -> Double
    ) {
      for _ in 0..<2 {
        let i = Int(generator.next() % UInt64(value.rows))
        let j = Int(generator.next() % UInt64(value.columns))
        let h = 1e-5
        var probe = value
        probe[i, j] = value[i, j] + h
        let above = loss(probe)
        probe[i, j] = value[i, j] - h
        let below = loss(probe)
        expectGradient(
          [[analytic[i, j]]], matches: [[(above - below) / (2 * h)]],
          "Paper size: \(label) at (\(i + 1), \(j + 1))", tolerance: 1e-6)
      }
    }
    func parameter(_ path: WritableKeyPath<EncoderLayer, Matrix>) -> (Matrix) -> Double {
      { value in
        var changed = layer
        changed[keyPath: path] = value
        return probeLoss(changed(x), r)
      }
    }
    let p = d.parameters
    sampled(
      "head 3 ∂L/∂W^Q", p.selfAttention.heads[2].queryWeights,
      layer.selfAttention.heads[2].queryWeights, parameter(\.selfAttention.heads[2].queryWeights))
    sampled(
      "head 8 ∂L/∂W^V", p.selfAttention.heads[7].valueWeights,
      layer.selfAttention.heads[7].valueWeights, parameter(\.selfAttention.heads[7].valueWeights))
    sampled(
      "∂L/∂W^O", p.selfAttention.outputWeights, layer.selfAttention.outputWeights,
      parameter(\.selfAttention.outputWeights))
    sampled(
      "∂L/∂W₁", p.feedForward.firstWeights, layer.feedForward.firstWeights,
      parameter(\.feedForward.firstWeights))
    sampled(
      "∂L/∂W₂", p.feedForward.secondWeights, layer.feedForward.secondWeights,
      parameter(\.feedForward.secondWeights))
    sampled("∂L/∂x", d.input, x) { probeLoss(layer($0), r) }
  }
}
