import Matrix

/// The worked example of Chapter 3: "je suis étudiant" through two heads, small enough for paper.
///
/// d_model = 4 (the post's four boxes), h = 2 heads, d_k = d_v = 4 so that √d_k = 2, and every
/// weight a small integer. Head 1 puts most of every word's weight on "je"; head 2 hardly looks
/// at "je" at all. No matrix is symmetric and the two heads differ, so a missing transpose or a
/// swapped head order changes the numbers. Cross-checked by Tests/Reference/multi_head.py.
enum JeSuisEtudiant {
  // Chapter 1's toy embeddings, one word per row.
  static let x: Matrix = [
    [1, -1, 0, 2],  // je
    [0, 2, 1, -1],  // suis
    [2, 1, -1, 0],  // étudiant
  ]

  // Head 1. Row k of a weight matrix is what feature k of a word adds to its q, k or v.
  static let queryWeights1: Matrix = [[-1, 1, 0, 0], [0, 0, 1, 1], [0, 1, 0, -1], [1, 0, 1, 0]]
  static let keyWeights1: Matrix = [[0, 0, 0, 0], [0, 0, 0, 0], [-1, 0, 0, 1], [0, 1, 1, 0]]
  static let valueWeights1: Matrix = [[1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [0, 1, 0, 0]]
  // Head 2.
  static let queryWeights2: Matrix = [[0, 0, 0, 1], [1, 0, -1, 0], [0, -1, 1, 1], [0, 0, 0, 1]]
  static let keyWeights2: Matrix = [[0, 0, 0, 0], [1, 0, 0, 1], [0, -1, 1, -1], [0, 0, 0, 0]]
  static let valueWeights2: Matrix = [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, -1], [0, 0, 1, 0]]

  /// W^O [h·d_v, d_model] = [8, 4]: rows 1–4 read head 1's Z, rows 5–8 head 2's. Each output
  /// column takes one column of each head: out₁ = z1₁ + z2₃, out₂ = z2₁ − z1₃,
  /// out₃ = z1₂ + z2₄, out₄ = z1₄ − z2₂ (1-based columns).
  static let outputWeights: Matrix = [
    [1, 0, 0, 0],
    [0, 0, 1, 0],
    [0, -1, 0, 0],
    [0, 0, 0, 1],
    [0, 1, 0, 0],
    [0, 0, 0, -1],
    [1, 0, 0, 0],
    [0, 0, 1, 0],
  ]

  // Step 1, head 1. x · W adds up the rows of W, each times one feature of x:
  // je = [1 −1 0 2], suis = [0 2 1 −1], étudiant = [2 1 −1 0].
  static let queries1: Matrix = [
    [1, 1, 1, -1],  // [−1 1 0 0] − [0 0 1 1] + 2·[1 0 1 0]
    [-1, 1, 1, 1],  // 2·[0 0 1 1] + [0 1 0 −1] − [1 0 1 0]
    [-2, 1, 1, 2],  // 2·[−1 1 0 0] + [0 0 1 1] − [0 1 0 −1]
  ]
  // W^K_1 reads only features 3 and 4: k = [−x₃, x₄, x₄, x₃].
  static let keys1: Matrix = [
    [0, 2, 2, 0],  // x₃ = 0, x₄ = 2
    [-1, -1, -1, 1],  // x₃ = 1, x₄ = −1
    [1, 0, 0, -1],  // x₃ = −1, x₄ = 0
  ]
  // W^V_1 reorders the features: v = [x₁, x₄, x₂, x₃].
  static let values1: Matrix = [[1, 2, -1, 0], [0, -1, 2, 1], [2, 0, 1, -1]]

  // Step 1, head 2.
  static let queries2: Matrix = [
    [-1, 0, 1, 3],  // [0 0 0 1] − [1 0 −1 0] + 2·[0 0 0 1]
    [2, -1, -1, 0],  // 2·[1 0 −1 0] + [0 −1 1 1] − [0 0 0 1]
    [1, 1, -2, 1],  // 2·[0 0 0 1] + [1 0 −1 0] − [0 −1 1 1]
  ]
  // W^K_2 reads only features 2 and 3: k = [x₂, −x₃, x₃, x₂ − x₃].
  static let keys2: Matrix = [
    [-1, 0, 0, -1],  // x₂ = −1, x₃ = 0
    [2, -1, 1, 1],  // x₂ = 2, x₃ = 1
    [1, 1, -1, 2],  // x₂ = 1, x₃ = −1
  ]
  // W^V_2: v = [x₂, x₁, x₄, −x₃].
  static let values2: Matrix = [[-1, 1, 2, 0], [2, 0, -1, -1], [1, 2, 0, 1]]

  // Step 2: Q·K^T, row = the query's word, column = the key's word.
  static let scores1: Matrix = [
    [4, -4, 2],  // [1 1 1 −1]·k: 0+2+2+0, −1−1−1−1, 1+0+0+1
    [4, 0, -2],  // [−1 1 1 1]·k: 0+2+2+0, 1−1−1+1, −1+0+0−1
    [4, 2, -4],  // [−2 1 1 2]·k: 0+2+2+0, 2−1−1+2, −2+0+0−2
  ]
  static let scores2: Matrix = [
    [-2, 2, 4],  // [−1 0 1 3]·k: 1+0+0−3, −2+0+1+3, −1+0−1+6
    [-2, 4, 2],  // [2 −1 −1 0]·k: −2+0+0+0, 4+1−1+0, 2−1+1+0
    [-2, 0, 6],  // [1 1 −2 1]·k: −1+0+0−1, 2−1−2+1, 1+1+2+2
  ]
  // Step 3: ÷ √d_k = √4 = 2.
  static let scaledScores1: Matrix = [[2, -2, 1], [2, 0, -1], [2, 1, -2]]
  static let scaledScores2: Matrix = [[-1, 1, 2], [-1, 2, 1], [-1, 0, 3]]

  // Step 4: softmax. Four sets of scaled scores, four denominators:
  // {2, 1, −2}: D = e² + e + e⁻² = 10.2427…
  static let a = 0.7213991842739688  // e² / (e² + e + e⁻²)
  static let b = 0.26538792877224193  // e / (e² + e + e⁻²)
  static let c = 0.013212886953789417  // e⁻² / (e² + e + e⁻²)
  // {2, 0, −1}: D = e² + 1 + e⁻¹
  static let d = 0.8437947344813395  // e² / (e² + 1 + e⁻¹)
  static let f = 0.11419519938459446  // 1 / (e² + 1 + e⁻¹)
  static let g = 0.04201006613406605  // e⁻¹ / (e² + 1 + e⁻¹)
  // {−1, 1, 2}: D = e⁻¹ + e + e²
  static let p = 0.03511902695933972  // e⁻¹ / (e⁻¹ + e + e²)
  static let q = 0.2594964603424191  // e / (e⁻¹ + e + e²)
  static let r = 0.7053845126982412  // e² / (e⁻¹ + e + e²)
  // {−1, 0, 3}: D = e⁻¹ + 1 + e³
  static let s = 0.01714782554552039  // e⁻¹ / (e⁻¹ + 1 + e³)
  static let t = 0.04661262257797389  // 1 / (e⁻¹ + 1 + e³)
  static let u = 0.9362395518765056  // e³ / (e⁻¹ + 1 + e³)

  // From the scaled rows [2 −2 1], [2 0 −1], [2 1 −2] and [−1 1 2], [−1 2 1], [−1 0 3]:
  static let weights1 = Matrix([[a, c, b], [d, f, g], [a, b, c]])
  static let weights2 = Matrix([[p, q, r], [p, r, q], [s, t, u]])

  // Steps 5 and 6: z = Σ weight · v. Head 1, v = [1 2 −1 0], [0 −1 2 1], [2 0 1 −1]:
  static let z1: Matrix = [
    // a·v_je + c·v_suis + b·v_étudiant = [a + 2b, 2a − c, −a + 2c + b, c − b]
    [1.2521750418184525, 1.429585481594148, -0.429585481594148, -0.2521750418184525],
    // d·v_je + f·v_suis + g·v_étudiant = [d + 2g, 2d − f, −d + 2f + g, f − g]
    [0.9278148667494716, 1.5733942695780845, -0.5733942695780845, 0.07218513325052842],
    // a·v_je + b·v_suis + c·v_étudiant = [a + 2c, 2a − b, −a + 2b + c, b − c]
    [0.7478249581815476, 1.1774104397756955, -0.17741043977569548, 0.2521750418184525],
  ]
  // Head 2, v = [−1 1 2 0], [2 0 −1 −1], [1 2 0 1]:
  static let z2: Matrix = [
    // p·v_je + q·v_suis + r·v_étudiant = [−p + 2q + r, p + 2r, 2p − q, −q + r]
    [1.1892584064237397, 1.4458880523558222, -0.18925840642373964, 0.44588805235582213],
    // p·v_je + r·v_suis + q·v_étudiant = [−p + 2r + q, p + 2q, 2p − r, −r + q]
    [1.6351464587795617, 0.5541119476441779, -0.6351464587795618, -0.44588805235582213],
    // s·v_je + t·v_suis + u·v_étudiant = [−s + 2t + u, s + 2u, 2s − t, −t + u]
    [1.0123169714869331, 1.8896269292985317, -0.012316971486933108, 0.8896269292985317],
  ]

  // Concatenate: [Z₁ Z₂], [3, 8]. Then × W^O: out = [z1₁ + z2₃, z2₁ − z1₃, z1₂ + z2₄, z1₄ − z2₂].
  static let output: Matrix = [
    // [1.25218 − 0.18926, 1.18926 + 0.42959, 1.42959 + 0.44589, −0.25218 − 1.44589]
    [1.0629166353947128, 1.6188438880178877, 1.8754735339499702, -1.6980630941742747],
    // [0.92781 − 0.63515, 1.63515 + 0.57339, 1.57339 − 0.44589, 0.07219 − 0.55411]
    [0.2926684079699098, 2.2085407283576464, 1.1275062172222623, -0.4819268143936495],
    // [0.74782 − 0.01232, 1.01232 + 0.17741, 1.17741 + 0.88963, 0.25218 − 1.88963]
    [0.7355079866946145, 1.1897274112626286, 2.067037369074227, -1.6374518874800792],
  ]
}
