import Foundation
import Matrix

// Worked answers to Chapter 7's exercises (Chapters/07-output-and-loss.md). Each has the
// signature of its stub in Sources/Exercises/Chapter7.swift, so it can be pasted over it. The
// same checks run against these answers in CI: `swift test --filter Solutions7`.

/// Exercise 7.1: log-softmax by log-sum-exp.
///
/// log(softmax(x)) would take the log of a probability that may have underflowed to 0: for
/// [1000, 0, −1000] the third probability is e^−2000, which is 0 in a Double, and log 0 = −∞.
/// Subtracting the largest logit m first makes every exp(xⱼ − m) at most 1 and their sum at
/// least 1 (the largest term is exactly 1), so its log is finite, and xᵢ − m is exact.
/// Shape: [vocabulary] -> [vocabulary]
public func logSoftmaxRow(_ logits: [Double]) throws -> [Double] {
  var largest = -Double.infinity
  for x in logits {
    largest = max(largest, x)
  }
  var sum = 0.0
  for x in logits {
    sum += exp(x - largest)
  }
  let logSum = log(sum)
  var result: [Double] = []
  for x in logits {
    result.append(x - largest - logSum)
  }
  return result
}

/// Exercise 7.2: cross-entropy of each position, and the mean.
///
/// With a one-hot target, −Σ tⱼ log pⱼ keeps one term: −log p of the right word. Take it from
/// the log-softmax of Exercise 7.1 rather than log(softmax(…)), so it stays finite. The loss
/// of the sentence is the mean over its positions, so its gradient later divides by their
/// number too.
/// Shape: [words, vocabulary] and [words] -> [words], a number
public func crossEntropyOfPositions(
  logits: Matrix, targetWords: [Int]
) throws -> (perPosition: [Double], mean: Double) {
  var perPosition: [Double] = []
  var total = 0.0
  for i in 0..<logits.rows {
    let logProbabilities = try logSoftmaxRow(logits.row(i))
    let loss = -logProbabilities[targetWords[i]]
    perPosition.append(loss)
    total += loss
  }
  return (perPosition, total / Double(logits.rows))
}

/// Exercise 7.3: label-smoothed targets.
///
/// Each row starts as ε / (V − 1) everywhere, then the right word gets 1 − ε, so the row sums to
/// (1 − ε) + (V − 1) · ε / (V − 1) = 1. Other spreads are in use (PyTorch's ε / V everywhere
/// plus 1 − ε on the right word; ε / (V − 2) when a padding word is left out); this is the one
/// the chapter chose.
/// Shape: [words] -> [words, vocabulary]
public func labelSmoothedTargets(
  _ targetWords: [Int], vocabularySize: Int, smoothing: Double
) throws -> Matrix {
  let other = smoothing / Double(vocabularySize - 1)  // ε / (V − 1)
  var targets = Matrix(rows: targetWords.count, columns: vocabularySize)
  for (i, word) in targetWords.enumerated() {
    for j in 0..<vocabularySize {
      targets[i, j] = j == word ? 1 - smoothing : other
    }
  }
  return targets
}
