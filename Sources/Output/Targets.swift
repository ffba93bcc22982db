import Matrix

/// Label-smoothed targets: row i puts 1 − ε on word `indices[i]` and spreads ε evenly over the
/// other V − 1 words, ε / (V − 1) each. With ε = 0 these are one-hot rows.
///
///     smoothedTargets([1], vocabularySize: 6, smoothing: 0.1)
///     // [[0.02, 0.9, 0.02, 0.02, 0.02, 0.02]]: 1 − 0.1 on "am", 0.1 / 5 on each other word
///
/// Other spreads are in use: PyTorch's `label_smoothing` mixes the one-hot row with a uniform
/// one, (1 − ε)·t + ε / V, so the right word gets 1 − ε + ε / V; the Annotated Transformer
/// leaves out the padding word as well and gives ε / (V − 2) to each remaining word. The
/// chapter explains this choice. Traps unless 0 ≤ ε < 1, every index is a word of the
/// vocabulary, and (when ε > 0) there are at least 2 words to share ε.
/// Shape: [words] -> [words, vocabulary]
public func smoothedTargets(_ indices: [Int], vocabularySize: Int, smoothing: Double) -> Matrix {
  checkPrecondition(
    smoothing >= 0 && smoothing < 1,
    "smoothedTargets: ε = \(smoothing) is outside [0, 1); ε is the probability moved off the "
      + "right word, and 1 − ε must stay above 0")
  checkPrecondition(
    smoothing == 0 || vocabularySize >= 2,
    "smoothedTargets: ε = \(smoothing) needs at least 2 words to spread over, the vocabulary "
      + "has \(vocabularySize)")
  let other = smoothing == 0 ? 0 : smoothing / Double(vocabularySize - 1)  // ε / (V − 1)
  var targets = Matrix(rows: indices.count, columns: vocabularySize, repeating: other)
  for (row, index) in indices.enumerated() {
    checkPrecondition(
      index >= 0 && index < vocabularySize,
      "smoothedTargets: word index \(index) (position \(row + 1)) is out of range for a "
        + "vocabulary of \(vocabularySize) words")
    targets[row, index] = 1 - smoothing
  }
  return targets
}
