import Foundation
import Matrix

/// The paper's learning rate (section 5.3): a linear warm-up for `warmupSteps` steps, then a
/// decay with the inverse square root of the step number:
///
///     lrate = d_model^−0.5 · min(step^−0.5, step · warmup_steps^−1.5)
///
/// The two terms are equal at step = warmup_steps, where the rate peaks at
/// (d_model · warmup_steps)^−0.5: about 7.0e-4 for d_model 512 and 4000 warm-up steps.
/// Steps are counted from 1. Traps unless step ≥ 1.
public func transformerLearningRate(
  step: Int, modelDimension: Int, warmupSteps: Int = 4000
) -> Double {
  checkPrecondition(
    step >= 1, "transformerLearningRate: step \(step) is not ≥ 1 (steps are counted from 1)")
  let s = Double(step)
  let warmup = Double(warmupSteps)
  return pow(Double(modelDimension), -0.5) * min(pow(s, -0.5), s * pow(warmup, -1.5))
}
