import Decoder
import Embeddings
import Encoder
import Matrix
import Output
import Testing
import Training

/// The decoder's backward passes against finite differences (see `gradientTolerance`), on the
/// chapter's tiny configuration: d_model 4, 2 heads, d_ff 8; 3 target words, 4 source words.
@Suite("Chapter 8 gradient checks, the decoder and the whole Transformer")
struct TransformerGradientCheckTests {
  static func decoderLayer(seed: UInt64) -> DecoderLayer {
    var layer = DecoderLayer(modelDimension: 4, headCount: 2, hiddenDimension: 8, seed: seed)
    var generator = SplitMix64(seed: seed + 1000)
    for norm in [\DecoderLayer.firstNorm, \DecoderLayer.secondNorm, \DecoderLayer.thirdNorm] {
      layer[keyPath: norm].gain =
        Matrix.random(rows: 1, columns: 4, in: 0.5, 1.5, using: &generator).row(0)
      layer[keyPath: norm].bias =
        Matrix.random(rows: 1, columns: 4, in: -0.5, 0.5, using: &generator).row(0)
    }
    return layer
  }

  @Test func decoderLayerEveryParameterAndBothInputs() {
    let layer = Self.decoderLayer(seed: 50)
    let y = randomMatrix(3, 4, seed: 51)
    let memory = randomMatrix(4, 4, seed: 52)
    let r = randomMatrix(3, 4, seed: 53)
    let d = layer.backward(
      y, attendingTo: memory, trace: layer.trace(y, attendingTo: memory), outputGradient: r)
    let loss = { (l: DecoderLayer) in probeLoss(l(y, attendingTo: memory), r) }
    let p = d.parameters
    for i in 0..<2 {
      checkParameter(
        "Decoder layer: masked head \(i + 1) ∂L/∂W^Q", of: layer,
        \.selfAttention.heads[i].queryWeights, analytic: p.selfAttention.heads[i].queryWeights,
        loss: loss)
      checkParameter(
        "Decoder layer: masked head \(i + 1) ∂L/∂W^K", of: layer,
        \.selfAttention.heads[i].keyWeights, analytic: p.selfAttention.heads[i].keyWeights,
        loss: loss)
      checkParameter(
        "Decoder layer: masked head \(i + 1) ∂L/∂W^V", of: layer,
        \.selfAttention.heads[i].valueWeights, analytic: p.selfAttention.heads[i].valueWeights,
        loss: loss)
      checkParameter(
        "Decoder layer: cross head \(i + 1) ∂L/∂W^Q", of: layer,
        \.encoderDecoderAttention.heads[i].queryWeights,
        analytic: p.encoderDecoderAttention.heads[i].queryWeights, loss: loss)
      checkParameter(
        "Decoder layer: cross head \(i + 1) ∂L/∂W^K", of: layer,
        \.encoderDecoderAttention.heads[i].keyWeights,
        analytic: p.encoderDecoderAttention.heads[i].keyWeights, loss: loss)
      checkParameter(
        "Decoder layer: cross head \(i + 1) ∂L/∂W^V", of: layer,
        \.encoderDecoderAttention.heads[i].valueWeights,
        analytic: p.encoderDecoderAttention.heads[i].valueWeights, loss: loss)
    }
    checkParameter(
      "Decoder layer: masked ∂L/∂W^O", of: layer, \.selfAttention.outputWeights,
      analytic: p.selfAttention.outputWeights, loss: loss)
    checkParameter(
      "Decoder layer: cross ∂L/∂W^O", of: layer, \.encoderDecoderAttention.outputWeights,
      analytic: p.encoderDecoderAttention.outputWeights, loss: loss)
    let norms: [(String, WritableKeyPath<DecoderLayer, LayerNorm>, LayerNorm.Gradient)] = [
      ("first", \DecoderLayer.firstNorm, p.firstNorm),
      ("second", \DecoderLayer.secondNorm, p.secondNorm),
      ("third", \DecoderLayer.thirdNorm, p.thirdNorm),
    ]
    for (name, norm, gradient) in norms {
      checkParameter(
        "Decoder layer: \(name) norm ∂L/∂γ", of: layer, norm.appending(path: \.gain),
        analytic: gradient.gain, loss: loss)
      checkParameter(
        "Decoder layer: \(name) norm ∂L/∂β", of: layer, norm.appending(path: \.bias),
        analytic: gradient.bias, loss: loss)
    }
    checkParameter(
      "Decoder layer: ∂L/∂W₁", of: layer, \.feedForward.firstWeights,
      analytic: p.feedForward.firstWeights, loss: loss)
    checkParameter(
      "Decoder layer: ∂L/∂b₁", of: layer, \.feedForward.firstBias,
      analytic: p.feedForward.firstBias, loss: loss)
    checkParameter(
      "Decoder layer: ∂L/∂W₂", of: layer, \.feedForward.secondWeights,
      analytic: p.feedForward.secondWeights, loss: loss)
    checkParameter(
      "Decoder layer: ∂L/∂b₂", of: layer, \.feedForward.secondBias,
      analytic: p.feedForward.secondBias, loss: loss)
    checkInput("Decoder layer: ∂L/∂y", y, analytic: d.input) {
      probeLoss(layer($0, attendingTo: memory), r)
    }
    checkInput("Decoder layer: ∂L/∂memory", memory, analytic: d.memory) {
      probeLoss(layer(y, attendingTo: $0), r)
    }
  }

  @Test func noGradientFromTheFuture() {
    // A loss on output row 1 alone: word 1 saw only itself (the causal mask), so words 2 and 3
    // of the input get exactly 0.
    let layer = Self.decoderLayer(seed: 54)
    let y = randomMatrix(3, 4, seed: 55)
    let memory = randomMatrix(4, 4, seed: 56)
    let r = Matrix(concatenatingRows: [randomMatrix(1, 4, seed: 57), Matrix(rows: 2, columns: 4)])
    let d = layer.backward(
      y, attendingTo: memory, trace: layer.trace(y, attendingTo: memory), outputGradient: r)
    #expect(d.input.row(1) == [0, 0, 0, 0] && d.input.row(2) == [0, 0, 0, 0])
    #expect(d.input.row(0).contains { $0 != 0 })
  }

  @Test func wholeTransformerWithTheLoss() {
    // source "je suis étudiant <eos>"-sized (4 words), target 3 words with word 1 twice, two
    // layers of each, the final linear layer and label smoothing ε = 0.1.
    let source = [0, 3, 2, 5]
    let target = [1, 4, 1]
    let targets = [4, 1, 5]
    var transformer = Transformer(
      sourceVocabularySize: 6, targetVocabularySize: 6, modelDimension: 4, headCount: 2,
      hiddenDimension: 8, layerCount: 2, seed: 60)
    transformer.decoder.layers = [Self.decoderLayer(seed: 61), Self.decoderLayer(seed: 62)]
    let output = FinalLinear(
      weights: randomMatrix(4, 6, seed: 63), bias: randomMatrix(1, 6, seed: 64).row(0))
    func loss(_ model: Transformer) -> Double {
      CrossEntropyLoss(smoothing: 0.1)(
        logits: output.trace(model(source: source, target: target)).logits, targetWords: targets)
    }
    let trace = transformer.trace(source: source, target: target)
    let lossTrace = CrossEntropyLoss(smoothing: 0.1).trace(
      logits: output.trace(trace.output).logits, targetWords: targets)
    let dDecoderOutput = output.backward(trace.output, outputGradient: lossTrace.gradient).input
    let d = transformer.backward(
      source: source, target: target, trace: trace, outputGradient: dDecoderOutput)
    checkParameter(
      "Transformer: ∂L/∂source embedding", of: transformer, \.sourceEmbedding.table,
      analytic: d.sourceEmbedding.table, loss: loss)
    checkParameter(
      "Transformer: ∂L/∂target embedding", of: transformer, \.targetEmbedding.table,
      analytic: d.targetEmbedding.table, loss: loss)
    checkParameter(
      "Transformer: encoder layer 1 ∂L/∂W^O", of: transformer,
      \.encoder.layers[0].selfAttention.outputWeights,
      analytic: d.encoder.layers[0].selfAttention.outputWeights, loss: loss)
    checkParameter(
      "Transformer: encoder layer 2 ∂L/∂W₁", of: transformer,
      \.encoder.layers[1].feedForward.firstWeights,
      analytic: d.encoder.layers[1].feedForward.firstWeights, loss: loss)
    checkParameter(
      "Transformer: decoder layer 1 cross head 2 ∂L/∂W^K", of: transformer,
      \.decoder.layers[0].encoderDecoderAttention.heads[1].keyWeights,
      analytic: d.decoder.layers[0].encoderDecoderAttention.heads[1].keyWeights, loss: loss)
    checkParameter(
      "Transformer: decoder layer 2 masked head 1 ∂L/∂W^Q", of: transformer,
      \.decoder.layers[1].selfAttention.heads[0].queryWeights,
      analytic: d.decoder.layers[1].selfAttention.heads[0].queryWeights, loss: loss)
    checkParameter(
      "Transformer: decoder layer 2 third norm ∂L/∂γ", of: transformer,
      \.decoder.layers[1].thirdNorm.gain, analytic: d.decoder.layers[1].thirdNorm.gain, loss: loss)
  }

  @Test func translationModelWithTiedWeights() {
    // The target table is used three ways: looked up for the decoder's input, and (transposed)
    // as the final layer's W. Perturbing it moves both; the gradient must be the sum.
    let model = TranslationModel(
      transformer: Transformer(
        sourceVocabularySize: 6, targetVocabularySize: 6, modelDimension: 4, headCount: 2,
        hiddenDimension: 8, layerCount: 1, seed: 65),
      finalLinear: FinalLinear(
        weights: Matrix(rows: 4, columns: 6), bias: randomMatrix(1, 6, seed: 66).row(0)),
      tiesWeights: true)
    let (source, targetInput, targets) = ([0, 3, 2, 5], [5, 1, 4], [1, 4, 5])
    let trace = model.trace(
      source: source, targetInput: targetInput, targets: targets, smoothing: 0.1)
    let d = model.backward(source: source, targetInput: targetInput, trace: trace)
    let loss = { (m: TranslationModel) in
      m.trace(source: source, targetInput: targetInput, targets: targets, smoothing: 0.1).loss.mean
    }
    checkParameter(
      "Translation model, tied: ∂L/∂target table", of: model, \.transformer.targetEmbedding.table,
      analytic: d.transformer.targetEmbedding.table, loss: loss)
    checkParameter(
      "Translation model, tied: ∂L/∂source table", of: model, \.transformer.sourceEmbedding.table,
      analytic: d.transformer.sourceEmbedding.table, loss: loss)
    checkParameter(
      "Translation model, tied: ∂L/∂b", of: model, \.finalLinear.bias,
      analytic: d.finalLinear.bias, loss: loss)
  }
}
