import Encoder
import Matrix
import PositionalEncoding
import TestSupport
import Testing

/// Six encoder layers at the paper's size on "je suis étudiant", against the NumPy reference.
@Suite("The encoder at the paper's size")
struct PaperSizeEncoderTests {
  /// Chapter 1's embedding of "je suis étudiant": rows 1, 2, 3 of the [6, 512] Glorot table.
  static let embeddings: Matrix = {
    var generator = SplitMix64(seed: 1)
    return Matrix.glorotUniform(rows: 6, columns: 512, using: &generator).rows(1..<4)
  }()

  @Test func theInputIsScaledEmbeddingsPlusPositions() {
    let input = encoderInput(embeddings: Self.embeddings)
    // Row 1 (position 0): E·√512 + [sin 0, cos 0, …] = E·√512 + [0 1 0 1 …].
    let scaled = Self.embeddings.rows(0..<1) * 512.0.squareRoot()
    let encoding = positionalEncoding(positions: 1, modelDimension: 512)
    expectVector(input.row(0), equals: (scaled + encoding).row(0), tolerance: 0, "X, row 1")
    expectVector(
      Array(input.row(0)[0..<4]),
      equals: [
        -2.3018218892265403, 0.6157620307936839, 2.3354201713168097, -0.013544007703835792,
      ], tolerance: 1e-15, "X = E·√d_model + PE, row 1, columns 1–4 (encoder.py)")
  }

  @Test func sixLayersMatchAnIndependentReference() {
    // Encoder(seed 3): SplitMix64(3) gives each layer's seed; each layer's SplitMix64 gives an
    // attention seed and a feed-forward seed (see Tests/Reference/encoder.py, which draws the
    // same numbers in Python). Biases of the FFN are seeded (PyTorch's ±1/√fan_in), norms
    // start at γ = 1, β = 0. Weights agree exactly (same IEEE operations); products differ
    // only in summation order: measured, at most 5e-15 on values of order 1 after 6 layers.
    // 1e-12 is 200 times that and far below what a wrong draw order, head order or norm
    // placement does (changes of order 0.1 to 1).
    let encoder = Encoder(
      layerCount: 6, modelDimension: 512, headCount: 8, hiddenDimension: 2048, seed: 3)
    #expect(encoder.layers.count == 6)
    expectVector(
      Array(encoder.layers[0].feedForward.firstWeights.row(0)[0..<4]),
      equals: [
        0.0169429667166643, 0.03444228245519744, -0.029686339736563008, 0.012337140008991235,
      ], tolerance: 0, "Layer 1: W₁, row 1, columns 1–4")
    expectVector(
      Array(encoder.layers[0].feedForward.firstBias[0..<4]),
      equals: [
        -0.021520003277349008, -0.014333872354843413, 0.024714365715273107,
        0.0006172899464218992,
      ], tolerance: 0, "Layer 1: b₁, entries 1–4")
    expectVector(
      Array(encoder.layers[5].feedForward.secondBias[508..<512]),
      equals: [
        0.012322394711146316, 0.011333282869549925, -0.0071146199810073075,
        -0.015407406812160556,
      ], tolerance: 0, "Layer 6: b₂, entries 509–512")

    let trace = encoder.trace(encoderInput(embeddings: Self.embeddings))
    let first = trace.layers[0]
    expectVector(
      Array(first.attention.output.row(0)[0..<4]),
      equals: [-1.878164312534986, -1.0098985622763617, 1.4118554596453954, 1.357671557440861],
      tolerance: 1e-12, "Layer 1: self-attention Z, row 1, columns 1–4")
    expectVector(
      Array(first.firstNorm.output.row(1)[0..<4]),
      equals: [
        -0.6267966682137345, -0.5970380447345807, 0.4152559982265596, -0.6049865055578821,
      ], tolerance: 1e-12, "Layer 1: LayerNorm(x + Z), row 2, columns 1–4")
    expectVector(
      Array(first.feedForward.hidden.row(2)[0..<4]),
      equals: [
        -0.6340840230588141, -0.4716973717244227, 0.3394317926425714, 0.0959641316032516,
      ], tolerance: 1e-12, "Layer 1: FFN hidden layer, row 3, columns 1–4")
    expectVector(
      Array(first.output.row(0)[0..<4]),
      equals: [-1.156725061471069, -0.3941030107569864, 1.0669397701764827, 0.5521769862372238],
      tolerance: 1e-12, "Layer 1: output, row 1, columns 1–4")
    let output = trace.output
    #expect(output.shape == Shape(rows: 3, columns: 512))
    expectVector(
      Array(output.row(0)[0..<4]),
      equals: [0.4492298455102713, 0.20340519420911082, -1.5226708937421476, -1.0497745116064647],
      tolerance: 1e-12, "Encoder output (layer 6), row 1, columns 1–4")
    expectVector(
      Array(output.row(1)[254..<258]),
      equals: [
        -0.39961388354597743, -2.0772100570754373, -0.4912480015821483, 1.3069997962000095,
      ], tolerance: 1e-12, "Encoder output, row 2, columns 255–258")
    expectVector(
      Array(output.row(2)[508..<512]),
      equals: [-0.6874813390473581, -0.7762779349106508, -0.7510008315433002, 0.5995661415386263],
      tolerance: 1e-12, "Encoder output, row 3, columns 509–512")
    // Each output row is a layer norm's output with γ = 1, β = 0: mean 0, variance just
    // under 1 (σ² / (σ² + ε)).
    for i in 0..<3 {
      let row = output.row(i)
      #expect(abs(row.reduce(0, +) / 512) < 1e-14)
    }
  }
}
