import Foundation
import Matrix

/// The worked example of Chapter 7: an untrained model's scores for "i am a student <eos>",
/// small enough for paper.
///
/// Vocabulary (the post's): a = 0, am = 1, i = 2, thanks = 3, student = 4, <eos> = 5.
/// Every logit is a whole number times ln 2, so exp(logit) is a power of 2; each row's powers
/// add up to a power of 2 (16 or 32), so every probability is an exact binary fraction and
/// every loss a whole number of ln 2 (bits). The rows differ, and the model gets three of the
/// five words wrong, one of them by a tie. Arithmetic beside each value.
enum IAmAStudent {
  static let ln2 = log(2.0)
  static let targetWords = [2, 1, 0, 4, 5]  // i, am, a, student, <eos>

  /// The logits in units of ln 2: row i is position i + 1.
  static let logitsInBits: Matrix = [
    [1, 0, 3, 0, 1, 1],  // 2 + 1 + 8 + 1 + 2 + 2 = 16
    [0, 2, 3, 0, 0, 0],  // 1 + 4 + 8 + 1 + 1 + 1 = 16
    [4, 2, 3, 0, 1, 0],  // 16 + 4 + 8 + 1 + 2 + 1 = 32
    [1, 1, 2, 1, 2, 1],  // 2 + 2 + 4 + 2 + 4 + 2 = 16
    [3, 0, 1, 0, 1, 1],  // 8 + 1 + 2 + 1 + 2 + 2 = 16
  ]
  static let logits = logitsInBits * ln2

  // Step 2: softmax = 2^n / (row total).
  static let probabilities: Matrix = [
    [0.125, 0.0625, 0.5, 0.0625, 0.125, 0.125],  // [2, 1, 8, 1, 2, 2] / 16
    [0.0625, 0.25, 0.5, 0.0625, 0.0625, 0.0625],  // [1, 4, 8, 1, 1, 1] / 16
    [0.5, 0.125, 0.25, 0.03125, 0.0625, 0.03125],  // [16, 4, 8, 1, 2, 1] / 32
    [0.125, 0.125, 0.25, 0.125, 0.25, 0.125],  // [2, 2, 4, 2, 4, 2] / 16
    [0.5, 0.0625, 0.125, 0.0625, 0.125, 0.125],  // [8, 1, 2, 1, 2, 2] / 16
  ]
  // The most probable words: i, i, a, i (i and student tie at 0.25; the lower index wins), a.
  static let predictions = [2, 2, 0, 2, 0]

  // log p = (n − log₂ total) · ln 2, in units of ln 2:
  static let logProbabilitiesInBits: Matrix = [
    [-3, -4, -1, -4, -3, -3],  // n − 4
    [-4, -2, -1, -4, -4, -4],  // n − 4
    [-1, -3, -2, -5, -4, -5],  // n − 5
    [-3, -3, -2, -3, -2, -3],  // n − 4
    [-1, -4, -3, -4, -3, -3],  // n − 4
  ]

  // Step 1: one-hot targets, one per position.
  static let targets: Matrix = [
    [0, 0, 1, 0, 0, 0],  // i
    [0, 1, 0, 0, 0, 0],  // am
    [1, 0, 0, 0, 0, 0],  // a
    [0, 0, 0, 0, 1, 0],  // student
    [0, 0, 0, 0, 0, 1],  // <eos>
  ]

  // Step 3: −log p of the right word, in units of ln 2: 1, 2, 1, 2, 3 (p = 1/2, 1/4, 1/2,
  // 1/4, 1/8). Mean (1 + 2 + 1 + 2 + 3) / 5 = 1.8 bits.
  static let lossInBits: [Double] = [1, 2, 1, 2, 3]
  static let meanLoss = 1.8 * log(2.0)  // 1.2476649250079015
  static let perplexity = pow(2, 1.8)  // e^(1.8 ln 2) = 2^1.8 = 3.4822022531844965

  // Step 4: (p − t) / 5, the 5 positions of the mean.
  static let gradient: Matrix = [
    [1.0 / 40, 1.0 / 80, -1.0 / 10, 1.0 / 80, 1.0 / 40, 1.0 / 40],  // [1/8, 1/16, 1/2 − 1, …] / 5
    [1.0 / 80, -3.0 / 20, 1.0 / 10, 1.0 / 80, 1.0 / 80, 1.0 / 80],  // [1/16, 1/4 − 1, 1/2, …] / 5
    [-1.0 / 10, 1.0 / 40, 1.0 / 20, 1.0 / 160, 1.0 / 80, 1.0 / 160],  // [1/2 − 1, 1/8, 1/4, …] / 5
    [1.0 / 40, 1.0 / 40, 1.0 / 20, 1.0 / 40, -3.0 / 20, 1.0 / 40],  // [1/8, …, 1/4 − 1, 1/8] / 5
    [1.0 / 10, 1.0 / 80, 1.0 / 40, 1.0 / 80, 1.0 / 40, -7.0 / 40],  // [1/2, …, 1/8 − 1] / 5
  ]

  // Label smoothing, ε = 0.1, V = 6: 0.9 on the right word, 0.1 / 5 = 0.02 on each other.
  // Loss = 0.9 · (−log₂ p_right) + 0.02 · Σ (−log₂ p_other), in units of ln 2:
  static let smoothedLossInBits: [Double] = [
    1.24,  // 0.9 · 1 + 0.02 · (3 + 4 + 4 + 3 + 3) = 0.9 + 0.34
    2.14,  // 0.9 · 2 + 0.02 · (4 + 1 + 4 + 4 + 4) = 1.8 + 0.34
    1.28,  // 0.9 · 1 + 0.02 · (3 + 2 + 5 + 4 + 5) = 0.9 + 0.38
    2.08,  // 0.9 · 2 + 0.02 · (3 + 3 + 2 + 3 + 3) = 1.8 + 0.28
    3.0,  // 0.9 · 3 + 0.02 · (1 + 4 + 3 + 4 + 3) = 2.7 + 0.3
  ]
  // Mean (1.24 + 2.14 + 1.28 + 2.08 + 3.0) / 5 = 9.74 / 5 = 1.948 bits.
  static let smoothedMeanLoss = 1.948 * log(2.0)  // 1.3502507077307735
}
