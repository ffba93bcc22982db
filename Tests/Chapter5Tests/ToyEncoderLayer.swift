import Encoder
import Matrix
import MultiHeadAttention
import SelfAttention

/// The worked encoder layer of Chapter 5: d_model 4, two heads of d_k = d_v = 2, d_ff 8, every
/// weight a small integer. The input is Chapter 1's toy "je suis étudiant".
///
/// Each projection reads different features (head 1: q = [x₁ + x₃, x₂ − x₄], head 2:
/// q = [x₂ − x₄, x₁ + x₄], …), no score matrix is symmetric, the two norms have different γ and
/// β, and the ReLU zeroes different entries in each row: swapping heads, norms or a transpose
/// changes the numbers. Values after the softmax come from Tests/Reference/encoder.py.
enum ToyEncoder {
  static let words = ["je", "suis", "étudiant"]
  static let x: Matrix = [
    [1, -1, 0, 2],  // je
    [0, 2, 1, -1],  // suis
    [2, 1, -1, 0],  // étudiant
  ]

  static let head1 = AttentionHead(
    queryWeights: [[1, 0], [0, 1], [1, 0], [0, -1]],  // q = [x₁ + x₃, x₂ − x₄]
    keyWeights: [[0, 1], [1, 0], [0, 0], [1, 1]],  // k = [x₂ + x₄, x₁ + x₄]
    valueWeights: [[1, 0], [0, 0], [0, 1], [1, 0]])  // v = [x₁ + x₄, x₃]
  static let head2 = AttentionHead(
    queryWeights: [[0, 1], [1, 0], [0, 0], [-1, 1]],  // q = [x₂ − x₄, x₁ + x₄]
    keyWeights: [[1, 0], [0, -1], [1, 1], [0, 0]],  // k = [x₁ + x₃, x₃ − x₂]
    valueWeights: [[0, 1], [1, 0], [0, -1], [0, 0]])  // v = [x₂, x₁ − x₃]
  /// out = [z1₁, −z2₁, z1₂, z2₂] (1-based columns of Z₁ and Z₂).
  static let outputWeights: Matrix = [[1, 0, 0, 0], [0, 0, 1, 0], [0, -1, 0, 0], [0, 0, 0, 1]]

  static let feedForward = FeedForward(
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
    secondBias: [1, 0, -1, 0])

  static let layer = EncoderLayer(
    selfAttention: MultiHeadAttention(heads: [head1, head2], outputWeights: outputWeights),
    firstNorm: LayerNorm(gain: [2, 1, 1, 1], bias: [0, 0, 1, 0]),
    feedForward: feedForward,
    secondNorm: LayerNorm(modelDimension: 4))

  // Step 1, head 1 (integers, by hand). je = [1 −1 0 2], suis = [0 2 1 −1], étudiant = [2 1 −1 0].
  static let queries1: Matrix = [
    [1, -3],  // [1 + 0, −1 − 2]
    [1, 3],  // [0 + 1, 2 + 1]
    [1, 1],  // [2 − 1, 1 − 0]
  ]
  static let keys1: Matrix = [
    [1, 3],  // [−1 + 2, 1 + 2]
    [1, -1],  // [2 − 1, 0 − 1]
    [1, 2],  // [1 + 0, 2 + 0]
  ]
  static let values1: Matrix = [[3, 0], [-1, 1], [2, -1]]  // [x₁ + x₄, x₃]
  static let scores1: Matrix = [
    [-8, 4, -5],  // [1 −3]·[1 3] = 1 − 9, [1 −3]·[1 −1] = 1 + 3, [1 −3]·[1 2] = 1 − 6
    [10, -2, 7],  // [1 3]·k: 1 + 9, 1 − 3, 1 + 6
    [4, 0, 3],  // [1 1]·k: 1 + 3, 1 − 1, 1 + 2
  ]
  // Step 1, head 2.
  static let queries2: Matrix = [
    [-3, 3],  // [−1 − 2, 1 + 2]
    [3, -1],  // [2 + 1, 0 − 1]
    [1, 2],  // [1 − 0, 2 + 0]
  ]
  static let keys2: Matrix = [
    [1, 1],  // [1 + 0, 0 + 1]
    [1, -1],  // [0 + 1, 1 − 2]
    [1, -2],  // [2 − 1, −1 − 1]
  ]
  static let values2: Matrix = [[-1, 1], [2, -1], [1, 3]]  // [x₂, x₁ − x₃]
  static let scores2: Matrix = [
    [0, -6, -9],  // [−3 3]·[1 1] = 0, ·[1 −1] = −6, ·[1 −2] = −9
    [2, 4, 5],  // [3 −1]·k: 3 − 1, 3 + 1, 3 + 2
    [3, -1, -3],  // [1 2]·k: 1 + 2, 1 − 2, 1 − 4
  ]

  // From here on, Tests/Reference/encoder.py (NumPy, from the paper's formulas).
  /// MultiHead(x) = [Z₁ Z₂]·W^O = [z1₁, −z2₁, z1₂, z2₂].
  static let attentionOutput: Matrix = [
    [-0.9940180076305416, 0.9541834372696157, 0.996355484662614, 0.9751064582091672],
    [2.8922405365825625, -1.1570559886069354, -0.10683771970010558, 1.628579734412063],
    [2.530019526282663, 0.8080473545320448, -0.27958387551106606, 0.9166517409501351],
  ]
  /// x + MultiHead(x).
  static let firstSum: Matrix = [
    [0.0059819923694584, -0.04581656273038426, 0.996355484662614, 2.9751064582091673],
    [2.8922405365825625, 0.8429440113930646, 0.8931622802998944, 0.6285797344120629],
    [4.530019526282663, 1.8080473545320448, -1.279583875511066, 0.9166517409501351],
  ]
  /// LayerNorm₁(x + MultiHead(x)), γ = [2 1 1 1], β = [0 0 1 0].
  static let firstNorm: Matrix = [
    [-1.597745465348157, -0.8412306000464378, 1.010997522486403, 1.6291058102341132],
    [3.4436606586498555, -0.5142412923215066, 0.5405539237980288, -0.74814296080145],
    [2.916377009156147, 0.15092887780441058, -0.3319428764666552, -0.2771745059158285],
  ]
  /// firstNorm·W₁ + b₁, before the ReLU.
  static let hidden: Matrix = [
    [
      -0.5867479428617541, 1.1697669224399652, 3.2268512755822703, 1.470336410280551,
      -2.438976065394595, 1.6181082877477102, -2.470336410280551, -1.5867479428617541,
    ],
    [
      3.9842145824478843, 1.026312631476522, -4.1918036194513055, -1.2339016684799433,
      2.9294193663283488, -0.28869688459947884, 0.23390166847994343, 2.9842145824478843,
    ],
    [
      2.584434132689492, 0.8189860013377553, -3.1935515150719755, -1.428103383720239,
      3.0673058869605576, 1.0547683705508266, 0.42810338372023904, 1.5844341326894922,
    ],
  ]
  /// FFN(firstNorm).
  static let feedForwardOutput: Matrix = [
    [1.0, 1.1697669224399652, 3.8449595633299802, -0.14777187746715925],
    [7.67973228029629, 1.0811078475960576, 1.9842145824478843, 0.23390166847994343],
    [6.223636635929811, -0.66388575293331, 1.6392025032403188, -0.6266649868305876],
  ]
  /// firstNorm + FFN(firstNorm).
  static let secondSum: Matrix = [
    [-0.5977454653481571, 0.32853632239352737, 4.855957085816383, 1.481333932766954],
    [11.123392938946145, 0.566866555274551, 2.524768506245913, -0.5142412923215066],
    [9.140013645085958, -0.5129568751288994, 1.3072596267736636, -0.9038394927464161],
  ]
  /// LayerNorm₂(secondSum): the layer's output.
  static let output: Matrix = [
    [-1.0247716125975888, -0.575914712659832, 1.617979278863332, -0.017292953605910967],
    [1.6822664492538781, -0.6246233144929658, -0.19676818440945623, -0.8608749503514562],
    [1.6950799115222785, -0.6823712223371388, -0.23406613560187445, -0.7786425535832656],
  ]
}
