import Encoder
import Matrix
import MultiHeadAttention
import SelfAttention
import Testing
import Training

/// Every backward pass against central finite differences (h = 1e-5, relative error ≤ 1e-7 per
/// element, see `gradientTolerance`), on seeded random inputs, for every parameter and input.
/// The probe loss is L = Σ output ⊙ R with a fixed random R, so each backward starts from R.
/// Attention comes first: the chapter's "Try this" quotes its first failure.
@Suite("Chapter 8 gradient checks, layer by layer")
struct LayerGradientCheckTests {
  // A padding-style mask: no query may look at key 4 (−∞ in column 4), and query 1 may not
  // look at key 3 either, so the rows differ.
  static let mask: Matrix = [
    [0, 0, -.infinity, -.infinity],
    [0, 0, 0, -.infinity],
    [0, 0, 0, -.infinity],
  ]

  @Test func scaledDotProductAttentionWithAMask() {
    let (q, k, v) = (
      randomMatrix(3, 4, seed: 1), randomMatrix(4, 4, seed: 2), randomMatrix(4, 2, seed: 3)
    )
    let r = randomMatrix(3, 2, seed: 4)
    func loss(_ q: Matrix, _ k: Matrix, _ v: Matrix) -> Double {
      probeLoss(
        scaledDotProductAttention(queries: q, keys: k, values: v, mask: Self.mask).output, r)
    }
    let steps = scaledDotProductAttention(queries: q, keys: k, values: v, mask: Self.mask)
    let d = scaledDotProductAttentionBackward(
      queries: q, keys: k, values: v, steps: steps, outputGradient: r)
    checkInput("Attention backward: ∂L/∂Q", q, analytic: d.queries) { loss($0, k, v) }
    checkInput("Attention backward: ∂L/∂K", k, analytic: d.keys) { loss(q, $0, v) }
    checkInput("Attention backward: ∂L/∂V", v, analytic: d.values) { loss(q, k, $0) }
    // Key 4 is masked for every query: it had no effect, so its gradients are exactly 0.
    #expect(d.keys.row(3) == [0, 0, 0, 0])
    #expect(d.values.row(3) == [0, 0])
  }

  @Test func matmulAndSoftmax() {
    let (a, b, r) = (
      randomMatrix(3, 4, seed: 5), randomMatrix(4, 2, seed: 6), randomMatrix(3, 2, seed: 7)
    )
    let d = matmulBackward(a, b, outputGradient: r)
    checkInput("Matmul backward: ∂L/∂A", a, analytic: d.a) { probeLoss(matmul($0, b), r) }
    checkInput("Matmul backward: ∂L/∂B", b, analytic: d.b) { probeLoss(matmul(a, $0), r) }
    let x = randomMatrix(3, 4, seed: 8) * 3
    let rSoftmax = randomMatrix(3, 4, seed: 9)
    checkInput(
      "Softmax backward: ∂L/∂x", x,
      analytic: softmaxBackward(output: softmax(x), outputGradient: rSoftmax)
    ) { probeLoss(softmax($0), rSoftmax) }
  }

  @Test func oneHeadSelfAttention() {
    let head = AttentionHead(modelDimension: 4, keyDimension: 2, seed: 10)
    let x = randomMatrix(3, 4, seed: 11)
    let r = randomMatrix(3, 2, seed: 12)
    let d = head.backward(x, trace: head.trace(x), outputGradient: r)
    #expect(d.memory == nil)
    let loss = { (h: AttentionHead) in probeLoss(h(x), r) }
    checkParameter(
      "Head backward: ∂L/∂W^Q", of: head, \.queryWeights, analytic: d.parameters.queryWeights,
      loss: loss)
    checkParameter(
      "Head backward: ∂L/∂W^K", of: head, \.keyWeights, analytic: d.parameters.keyWeights,
      loss: loss)
    checkParameter(
      "Head backward: ∂L/∂W^V", of: head, \.valueWeights, analytic: d.parameters.valueWeights,
      loss: loss)
    checkInput("Head backward: ∂L/∂x", x, analytic: d.input) { probeLoss(head($0), r) }
  }

  @Test func oneHeadEncoderDecoderAttention() {
    let head = AttentionHead(modelDimension: 4, keyDimension: 2, seed: 13)
    let x = randomMatrix(2, 4, seed: 14)
    let memory = randomMatrix(3, 4, seed: 15)
    let r = randomMatrix(2, 2, seed: 16)
    let d = head.backward(
      x, attendingTo: memory, trace: head.trace(x, attendingTo: memory), outputGradient: r)
    let loss = { (h: AttentionHead) in probeLoss(h(x, attendingTo: memory), r) }
    checkParameter(
      "Cross-attention head: ∂L/∂W^Q", of: head, \.queryWeights,
      analytic: d.parameters.queryWeights, loss: loss)
    checkParameter(
      "Cross-attention head: ∂L/∂W^K", of: head, \.keyWeights, analytic: d.parameters.keyWeights,
      loss: loss)
    checkParameter(
      "Cross-attention head: ∂L/∂W^V", of: head, \.valueWeights,
      analytic: d.parameters.valueWeights, loss: loss)
    checkInput("Cross-attention head: ∂L/∂x", x, analytic: d.input) {
      probeLoss(head($0, attendingTo: memory), r)
    }
    checkInput(
      "Cross-attention head: ∂L/∂memory", memory, analytic: d.memory ?? Matrix(rows: 0, columns: 0)
    ) {
      probeLoss(head(x, attendingTo: $0), r)
    }
  }

  @Test func multiHeadAttention() {
    let layer = MultiHeadAttention(modelDimension: 4, headCount: 2, seed: 17)
    let x = randomMatrix(3, 4, seed: 18)
    let r = randomMatrix(3, 4, seed: 19)
    let d = layer.backward(
      x, trace: layer.trace(x, mask: Self.mask.columns(0..<3)), outputGradient: r)
    let loss = { (l: MultiHeadAttention) in probeLoss(l(x, mask: Self.mask.columns(0..<3)), r) }
    for i in 0..<2 {
      checkParameter(
        "Multi-head: head \(i + 1) ∂L/∂W^Q", of: layer, \.heads[i].queryWeights,
        analytic: d.parameters.heads[i].queryWeights, loss: loss)
      checkParameter(
        "Multi-head: head \(i + 1) ∂L/∂W^K", of: layer, \.heads[i].keyWeights,
        analytic: d.parameters.heads[i].keyWeights, loss: loss)
      checkParameter(
        "Multi-head: head \(i + 1) ∂L/∂W^V", of: layer, \.heads[i].valueWeights,
        analytic: d.parameters.heads[i].valueWeights, loss: loss)
    }
    checkParameter(
      "Multi-head: ∂L/∂W^O", of: layer, \.outputWeights, analytic: d.parameters.outputWeights,
      loss: loss)
    checkInput("Multi-head: ∂L/∂x", x, analytic: d.input) {
      probeLoss(layer($0, mask: Self.mask.columns(0..<3)), r)
    }
  }

  @Test func multiHeadEncoderDecoderAttention() {
    let layer = MultiHeadAttention(modelDimension: 4, headCount: 2, seed: 20)
    let x = randomMatrix(2, 4, seed: 21)
    let memory = randomMatrix(3, 4, seed: 22)
    let r = randomMatrix(2, 4, seed: 23)
    let d = layer.backward(
      x, attendingTo: memory, trace: layer.trace(x, attendingTo: memory), outputGradient: r)
    let loss = { (l: MultiHeadAttention) in probeLoss(l(x, attendingTo: memory), r) }
    checkParameter(
      "Multi-head cross-attention: head 2 ∂L/∂W^K", of: layer, \.heads[1].keyWeights,
      analytic: d.parameters.heads[1].keyWeights, loss: loss)
    checkParameter(
      "Multi-head cross-attention: ∂L/∂W^O", of: layer, \.outputWeights,
      analytic: d.parameters.outputWeights, loss: loss)
    checkInput("Multi-head cross-attention: ∂L/∂x", x, analytic: d.input) {
      probeLoss(layer($0, attendingTo: memory), r)
    }
    checkInput(
      "Multi-head cross-attention: ∂L/∂memory", memory,
      analytic: d.memory ?? Matrix(rows: 0, columns: 0)
    ) {
      probeLoss(layer(x, attendingTo: $0), r)
    }
  }

  @Test func layerNorm() {
    var generator = SplitMix64(seed: 24)
    let norm = LayerNorm(
      gain: Matrix.random(rows: 1, columns: 4, in: 0.5, 1.5, using: &generator).row(0),
      bias: Matrix.random(rows: 1, columns: 4, in: -1, 1, using: &generator).row(0))
    let x = randomMatrix(3, 4, seed: 25) * 2
    let r = randomMatrix(3, 4, seed: 26)
    let d = norm.backward(trace: norm.trace(x), outputGradient: r)
    let loss = { (n: LayerNorm) in probeLoss(n(x), r) }
    checkParameter(
      "Layer norm backward: ∂L/∂γ", of: norm, \.gain, analytic: d.parameters.gain, loss: loss)
    checkParameter(
      "Layer norm backward: ∂L/∂β", of: norm, \.bias, analytic: d.parameters.bias, loss: loss)
    checkInput("Layer norm backward: ∂L/∂x", x, analytic: d.input) { probeLoss(norm($0), r) }
  }

  @Test func feedForward() {
    let network = FeedForward(modelDimension: 4, hiddenDimension: 8, seed: 27)
    let x = randomMatrix(3, 4, seed: 28)
    let r = randomMatrix(3, 4, seed: 29)
    let trace = network.trace(x)
    // Some hidden units are off (negative) and some on, so both sides of the ReLU are tested.
    #expect(trace.hidden.elements.contains { $0 < 0 } && trace.hidden.elements.contains { $0 > 0 })
    let d = network.backward(x, trace: trace, outputGradient: r)
    let loss = { (f: FeedForward) in probeLoss(f(x), r) }
    checkParameter(
      "Feed-forward backward: ∂L/∂W₁", of: network, \.firstWeights,
      analytic: d.parameters.firstWeights, loss: loss)
    checkParameter(
      "Feed-forward backward: ∂L/∂b₁", of: network, \.firstBias, analytic: d.parameters.firstBias,
      loss: loss)
    checkParameter(
      "Feed-forward backward: ∂L/∂W₂", of: network, \.secondWeights,
      analytic: d.parameters.secondWeights, loss: loss)
    checkParameter(
      "Feed-forward backward: ∂L/∂b₂", of: network, \.secondBias, analytic: d.parameters.secondBias,
      loss: loss)
    checkInput("Feed-forward backward: ∂L/∂x", x, analytic: d.input) { probeLoss(network($0), r) }
  }

  @Test func encoderLayerEveryParameter() {
    let layer = ToyLayers.encoderLayer(seed: 30)
    let x = randomMatrix(3, 4, seed: 31)
    let r = randomMatrix(3, 4, seed: 32)
    let mask = Self.mask.columns(0..<3)
    let d = layer.backward(x, trace: layer.trace(x, mask: mask), outputGradient: r)
    let loss = { (l: EncoderLayer) in probeLoss(l(x, mask: mask), r) }
    let p = d.parameters
    for i in 0..<2 {
      checkParameter(
        "Encoder layer: head \(i + 1) ∂L/∂W^Q", of: layer, \.selfAttention.heads[i].queryWeights,
        analytic: p.selfAttention.heads[i].queryWeights, loss: loss)
      checkParameter(
        "Encoder layer: head \(i + 1) ∂L/∂W^K", of: layer, \.selfAttention.heads[i].keyWeights,
        analytic: p.selfAttention.heads[i].keyWeights, loss: loss)
      checkParameter(
        "Encoder layer: head \(i + 1) ∂L/∂W^V", of: layer, \.selfAttention.heads[i].valueWeights,
        analytic: p.selfAttention.heads[i].valueWeights, loss: loss)
    }
    checkParameter(
      "Encoder layer: ∂L/∂W^O", of: layer, \.selfAttention.outputWeights,
      analytic: p.selfAttention.outputWeights, loss: loss)
    checkParameter(
      "Encoder layer: first norm ∂L/∂γ", of: layer, \.firstNorm.gain, analytic: p.firstNorm.gain,
      loss: loss)
    checkParameter(
      "Encoder layer: first norm ∂L/∂β", of: layer, \.firstNorm.bias, analytic: p.firstNorm.bias,
      loss: loss)
    checkParameter(
      "Encoder layer: ∂L/∂W₁", of: layer, \.feedForward.firstWeights,
      analytic: p.feedForward.firstWeights, loss: loss)
    checkParameter(
      "Encoder layer: ∂L/∂b₁", of: layer, \.feedForward.firstBias,
      analytic: p.feedForward.firstBias, loss: loss)
    checkParameter(
      "Encoder layer: ∂L/∂W₂", of: layer, \.feedForward.secondWeights,
      analytic: p.feedForward.secondWeights, loss: loss)
    checkParameter(
      "Encoder layer: ∂L/∂b₂", of: layer, \.feedForward.secondBias,
      analytic: p.feedForward.secondBias, loss: loss)
    checkParameter(
      "Encoder layer: second norm ∂L/∂γ", of: layer, \.secondNorm.gain, analytic: p.secondNorm.gain,
      loss: loss)
    checkParameter(
      "Encoder layer: second norm ∂L/∂β", of: layer, \.secondNorm.bias, analytic: p.secondNorm.bias,
      loss: loss)
    checkInput("Encoder layer: ∂L/∂x", x, analytic: d.input) { probeLoss(layer($0, mask: mask), r) }
  }
}
