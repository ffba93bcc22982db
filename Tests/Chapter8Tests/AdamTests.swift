import Foundation
import Matrix
import TestSupport
import Testing
import Training

/// Adam's update and the paper's learning-rate schedule, by hand.
@Suite("Chapter 8 Adam and the learning-rate schedule")
struct AdamTests {
  @Test func oneStepByHand() {
    // θ = 1, g = 0.5, lr = 0.1, t = 1:
    // m = 0.9 · 0 + 0.1 · 0.5 = 0.05;   v = 0.98 · 0 + 0.02 · 0.25 = 0.005
    // m̂ = 0.05 / (1 − 0.9) = 0.5;       v̂ = 0.005 / (1 − 0.98) = 0.25, √v̂ = 0.5
    // θ = 1 − 0.1 · 0.5 / (0.5 + 1e-9) = 1 − 0.1 / (1 + 2e-9) ≈ 0.9 + 2e-10
    var adam = Adam(shapes: [Shape(rows: 1, columns: 1)])
    var theta: [Matrix] = [[[1]]]
    adam.update(&theta, gradients: [[[0.5]]], learningRate: 0.1)
    // 1e-16: 1 − 0.9 is 0.09999999999999998 in Double, so m is off by 1.4e-17.
    expectMatrix(adam.firstMoments[0], equals: [[0.05]], tolerance: 1e-16, "Adam: m")
    expectMatrix(adam.secondMoments[0], equals: [[0.005]], tolerance: 1e-16, "Adam: v")
    expectMatrix(
      theta[0], equals: [[1 - 0.1 * 0.5 / (0.5 + 1e-9)]], tolerance: 1e-15,
      "Adam step 1: θ − lr · m̂ / (√v̂ + ε)")
    // Step 2, g = 0.1:
    // m = 0.9 · 0.05 + 0.1 · 0.1 = 0.055;  v = 0.98 · 0.005 + 0.02 · 0.01 = 0.0051
    // m̂ = 0.055 / (1 − 0.9²) = 0.055 / 0.19;  v̂ = 0.0051 / (1 − 0.98²) = 0.0051 / 0.0396
    // step = 0.1 · 0.289474 / (0.358870 + 1e-9) ≈ 0.0806625 (math.sqrt in Python)
    let before = theta[0][0, 0]
    adam.update(&theta, gradients: [[[0.1]]], learningRate: 0.1)
    #expect(adam.step == 2)
    expectVector(
      [before - theta[0][0, 0]],
      equals: [0.1 * (0.055 / 0.19) / ((0.0051 / 0.0396).squareRoot() + 1e-9)],
      tolerance: 1e-15, "Adam step 2: the move")
    expectVector(
      [before - theta[0][0, 0]], equals: [0.08066248], tolerance: 1e-8, "Adam step 2: ≈ 0.0806625")
  }

  @Test func theFirstStepMovesEveryElementByTheLearningRate() {
    // At t = 1, m̂ = g and v̂ = g², so the move is lr · g / (|g| + ε) ≈ ±lr whatever g's size
    // (to within lr · ε / |g| ≤ 0.01 · 1e-9 / 0.25 = 4e-11 here).
    var adam = Adam(shapes: [Shape(rows: 1, columns: 3), Shape(rows: 2, columns: 1)])
    var parameters: [Matrix] = [[[1, 2, 3]], [[0], [-1]]]
    adam.update(
      &parameters, gradients: [[[100, -0.25, 2]], [[-5], [0.5]]], learningRate: 0.01)
    expectMatrix(
      parameters[0], equals: [[0.99, 2.01, 2.99]], tolerance: 1e-9, "Adam: first step, parameter 1")
    expectMatrix(
      parameters[1], equals: [[0.01], [-1.01]], tolerance: 1e-9, "Adam: first step, parameter 2")
  }

  @Test func theSchedule() {
    // lrate = d_model^−0.5 · min(step^−0.5, step · 4000^−1.5), d_model = 512
    // (decimals from Python's math module):
    // 512^−0.5 = 0.04419417382415922, 4000^−1.5 = 3.952847075210474e-06
    // step 1:     0.0441941738 · 1 · 3.9528e-6          = 1.746928107421711e-07
    // step 4000:  0.0441941738 · 4000^−0.5 (both equal) = 0.0006987712429686843, the peak
    // step 16000: 0.0441941738 · 16000^−0.5             = 0.00034938562148434214, half the peak
    let rates = [1, 4000, 16000].map { transformerLearningRate(step: $0, modelDimension: 512) }
    expectVector(
      rates, equals: [1.746928107421711e-07, 0.0006987712429686843, 0.00034938562148434214],
      tolerance: 1e-18, "Learning rate at steps 1, 4000, 16000")
    // Linear during warm-up: step 2000 is half of step 4000.
    #expect(
      abs(transformerLearningRate(step: 2000, modelDimension: 512) - rates[1] / 2) < 1e-18)
  }
}
