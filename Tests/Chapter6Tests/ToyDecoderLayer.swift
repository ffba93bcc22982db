import Decoder
import Encoder
import Matrix
import MultiHeadAttention
import SelfAttention

/// The worked decoder layer of Chapter 6: d_model 4, two heads of d_k 2, d_ff 8, integer
/// weights borrowed from Chapter 5's worked encoder layer. The masked self-attention uses
/// Chapter 5's heads and W^O; the encoder-decoder attention uses the same two heads in the
/// other order and another W^O; the three norms have different γ and β. Two target words
/// ("<eos>", "i") attend over three source words (Chapter 1's toy "je suis étudiant").
/// Values past the first softmax come from Tests/Reference/transformer.py.
enum ToyDecoder {
  static let head1 = AttentionHead(
    queryWeights: [[1, 0], [0, 1], [1, 0], [0, -1]],  // q = [x₁ + x₃, x₂ − x₄]
    keyWeights: [[0, 1], [1, 0], [0, 0], [1, 1]],  // k = [x₂ + x₄, x₁ + x₄]
    valueWeights: [[1, 0], [0, 0], [0, 1], [1, 0]])  // v = [x₁ + x₄, x₃]
  static let head2 = AttentionHead(
    queryWeights: [[0, 1], [1, 0], [0, 0], [-1, 1]],  // q = [x₂ − x₄, x₁ + x₄]
    keyWeights: [[1, 0], [0, -1], [1, 1], [0, 0]],  // k = [x₁ + x₃, x₃ − x₂]
    valueWeights: [[0, 1], [1, 0], [0, -1], [0, 0]])  // v = [x₂, x₁ − x₃]

  static let layer = DecoderLayer(
    selfAttention: MultiHeadAttention(
      heads: [head1, head2],
      // out = [z1₁, −z2₁, z1₂, z2₂]
      outputWeights: [[1, 0, 0, 0], [0, 0, 1, 0], [0, -1, 0, 0], [0, 0, 0, 1]]),
    firstNorm: LayerNorm(gain: [1, 1, 1, 2], bias: [0, 1, 0, 0]),
    encoderDecoderAttention: MultiHeadAttention(
      heads: [head2, head1],
      // out = [z2₂, z2₁, −z1₂, z1₁] (head 2 is first here)
      outputWeights: [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, -1, 0]]),
    secondNorm: LayerNorm(gain: [1, -1, 1, 1], bias: [0, 0, 0, 0]),
    feedForward: FeedForward(
      firstWeights: [
        [1, 0, -1, 0, 1, 0, 0, 1],
        [0, 1, 0, -1, 1, 0, 1, 0],
        [1, 1, 0, 0, 0, -1, 0, 1],
        [0, 0, 1, 1, 0, 1, -1, 0],
      ],
      firstBias: [0, 1, 0, -1, 0, 1, 0, -1],
      secondWeights: [
        [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1],
        [1, -1, 0, 0], [0, 0, 1, -1], [-1, 0, 0, 1], [0, 1, 1, 0],
      ],
      secondBias: [1, 0, -1, 0]),
    thirdNorm: LayerNorm(modelDimension: 4))

  static let y: Matrix = [[1, 0, 0, -1], [-1, -1, 0, 0]]  // "<eos>", "i"
  static let memory: Matrix = [[1, -1, 0, 2], [0, 2, 1, -1], [2, 1, -1, 0]]  // je suis étudiant

  // Masked self-attention, step 1 and 2 by hand. y₁ = [1 0 0 −1], y₂ = [−1 −1 0 0].
  static let queries1: Matrix = [[1, 1], [-1, -1]]  // [x₁ + x₃, x₂ − x₄]
  static let keys1: Matrix = [[-1, 0], [-1, -1]]  // [x₂ + x₄, x₁ + x₄]
  static let values1: Matrix = [[0, 0], [-1, 0]]  // [x₁ + x₄, x₃]
  static let scores1: Matrix = [[-1, -2], [1, 2]]  // [1 1]·[−1 0], [1 1]·[−1 −1], …
  static let queries2: Matrix = [[1, 0], [-1, -1]]  // [x₂ − x₄, x₁ + x₄]
  static let keys2: Matrix = [[1, 0], [-1, 1]]  // [x₁ + x₃, x₃ − x₂]
  static let values2: Matrix = [[0, 1], [-1, -1]]  // [x₂, x₁ − x₃]
  static let scores2: Matrix = [[1, -1], [-1, 0]]
  // Word 1 sees only itself (weights [1 0]): z1 = v1₁ = [0 0], z2 = v2₁ = [0 1], so its
  // output is [z1₁, −z2₁, z1₂, z2₂] = [0 0 0 1]. Word 2's row is from the reference.
  static let maskedAttention: Matrix = [
    [0, 0, 0, 1],
    [-0.6697615493266569, 0.6697615493266569, 0.0, -0.33952309865331376],
  ]
  // y + that. Row 1: [1 0 0 −1] + [0 0 0 1] = [1 0 0 0].
  static let firstSum: Matrix = [
    [1, 0, 0, 0],
    [-1.6697615493266569, -0.3302384506733431, 0.0, -0.33952309865331376],
  ]
  // Row 1: μ = 1/4, deviations [3/4 −1/4 −1/4 −1/4], σ² = (9 + 1 + 1 + 1) / 64 = 3/16;
  // normalized = deviations / √(3/16 + ε) ≈ [√3 −1/√3 −1/√3 −1/√3], then γ = [1 1 1 2],
  // β = [0 1 0 0]: ≈ [1.7320, 0.4227, −0.5773, −1.1547].
  static let firstNorm: Matrix = [
    [1.7320046213947808, 0.4226651262017397, -0.5773348737982603, -1.1546697475965206],
    [-1.692167237243334, 1.3971841034836994, 0.9122809692022836, 0.7654043291147021],
  ]
  static let encoderDecoderAttention: Matrix = [
    [0.829309538540584, 0.10243879253601773, 0.23612665903605848, 2.7207686057728977],
    [1.5794313144610819, 1.1441774315037967, 0.26131346577506726, 2.2753377132507904],
  ]
  static let secondSum: Matrix = [
    [2.561314159935365, 0.5251039187377574, -0.34120821476220187, 1.566098858176377],
    [-0.1127359227822522, 2.5413615349874963, 1.1735944349773508, 3.0407420423654923],
  ]
  static let secondNorm: Matrix = [
    [1.3601464293841874, 0.5067685671568075, -1.3010534995247232, 0.4476756372973427],
    [-1.4405578584265388, -0.7153100473663558, -0.39569858755736764, 1.120946398617551],
  ]
  static let hidden: Matrix = [
    [
      0.05909292985946424, 0.20571506763208436, -0.9124707920868447, -1.0590929298594647,
      1.866914996540995, 2.7487291368220657, 0.05909292985946479, -0.9409070701405358,
    ],
    [
      -1.8362564459839064, -0.11100863492372337, 2.56150425704409, 0.8362564459839068,
      -2.1558679057928947, 2.5166449861749185, -1.8362564459839068, -2.8362564459839064,
    ],
  ]
  static let feedForwardOutput: Matrix = [
    [2.8669149965409946, -1.6611999289089106, 1.7487291368220657, -2.689636206962601],
    [1.0, 0.0, 4.078149243219008, -1.6803885401910117],
  ]
  static let thirdSum: Matrix = [
    [4.227061425925182, -1.1544313617521031, 0.4476756372973425, -2.2419605696652583],
    [-0.44055785842653883, -0.7153100473663558, 3.6824506556616408, -0.5594421415734607],
  ]
  static let output: Matrix = [
    [1.59458701642366, -0.6015263852541214, 0.052271508815499114, -1.045332139985038],
    [-0.5054146379718146, -0.6543552923673007, 1.7296306533360049, -0.5698607229968892],
  ]
}
