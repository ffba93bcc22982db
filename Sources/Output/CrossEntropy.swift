import Foundation
import Matrix

/// Cross-entropy of each position: −Σⱼ tⱼ · log pⱼ, where t is the target row and
/// log p = `logSoftmax(logits)`. For a one-hot target it is −log of the probability the model
/// gives the right word: 0 when that is 1, large when it is small.
///
/// Words whose target is 0 add nothing (0 · log 0 = 0), so a word the model rules out (logit
/// −∞) costs nothing unless the target wants it, and then the loss is +∞, never NaN.
/// Shape: logits [words, vocabulary], targets [words, vocabulary] -> [words]
public func crossEntropy(logits: Matrix, targets: Matrix) -> [Double] {
  checkTargets(targets, against: logits, "crossEntropy")
  let logProbabilities = logSoftmax(logits)
  return (0..<logits.rows).map { i in
    var loss = 0.0
    for j in 0..<logits.columns where targets[i, j] > 0 {
      loss -= targets[i, j] * logProbabilities[i, j]
    }
    return loss
  }
}

/// The mean of the per-position cross-entropies: the number training makes smaller.
/// Shape: logits [words, vocabulary], targets [words, vocabulary] -> a number
public func meanCrossEntropy(logits: Matrix, targets: Matrix) -> Double {
  let losses = crossEntropy(logits: logits, targets: targets)
  return losses.reduce(0, +) / Double(losses.count)
}

/// Kullback–Leibler divergence of each position, KL(t ‖ p) = Σⱼ tⱼ · log(tⱼ / pⱼ): how far the
/// model's distribution is from the target, 0 only when they are equal. Terms with tⱼ = 0 are
/// 0 (0 · log 0 = 0). Cross-entropy = entropy(t) + KL(t ‖ p); for one-hot targets the entropy
/// is 0 and the two are equal. Shape: [words, vocabulary], [words, vocabulary] -> [words]
public func klDivergence(targets: Matrix, logits: Matrix) -> [Double] {
  checkTargets(targets, against: logits, "klDivergence")
  let logProbabilities = logSoftmax(logits)
  return (0..<logits.rows).map { i in
    var divergence = 0.0
    for j in 0..<logits.columns where targets[i, j] > 0 {
      divergence += targets[i, j] * (log(targets[i, j]) - logProbabilities[i, j])
    }
    return divergence
  }
}

/// Entropy of each target row, H(t) = −Σⱼ tⱼ · log tⱼ (0 · log 0 = 0): 0 for a one-hot row,
/// the smallest cross-entropy any model can reach on it. Shape: [words, vocabulary] -> [words]
public func entropy(_ targets: Matrix) -> [Double] {
  checkTargets(targets, against: targets, "entropy")
  return targets.rowArrays.map { row in
    row.filter { $0 > 0 }.reduce(0) { $0 - $1 * log($1) }
  }
}

/// Perplexity, exp(mean cross-entropy): the number of equally likely words the model is, on
/// average, choosing between. 1 for a perfect model, V for one that guesses uniformly.
public func perplexity(meanLoss: Double) -> Double {
  exp(meanLoss)
}

/// Traps unless `targets` has the shape of `logits` and each row is a probability distribution:
/// no negative entries, summing to 1 (within 1e-9).
func checkTargets(_ targets: Matrix, against logits: Matrix, _ function: String) {
  checkPrecondition(
    targets.shape == logits.shape,
    "\(function): the targets \(targets.shape) and the logits \(logits.shape) differ in shape; "
      + "each needs one row per position and one column per vocabulary word")
  for i in 0..<targets.rows {
    let row = targets.row(i)
    checkPrecondition(
      row.allSatisfy { $0 >= 0 } && abs(row.reduce(0, +) - 1) <= 1e-9,
      "\(function): target row \(i + 1) is not a probability distribution (entries ≥ 0 "
        + "summing to 1): \(row)")
  }
}
