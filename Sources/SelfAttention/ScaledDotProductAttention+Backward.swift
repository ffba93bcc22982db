import Matrix

/// The backward pass of `scaledDotProductAttention`: from ∂L/∂Z to the gradients of Q, K and V,
/// reusing the forward's intermediates (`steps`). Each line undoes one forward line, last first:
///
///     output = weights · V                  dWeights = dZ · Vᵀ,  dV = weightsᵀ · dZ
///     weights = softmax(masked)             dMasked = weights ⊙ (dWeights − rowsum(dWeights ⊙ weights))
///     masked = scaled + M                   dScaled = dMasked  (M is a constant)
///     scaled = scores / √d_k                dScores = dScaled / √d_k
///     scores = Q · Kᵀ                       dQ = dScores · K,  dK = dScoresᵀ · Q
///
/// Where the mask is −∞ the weight is exactly 0, so softmax's backward gives those scores a
/// gradient of exactly 0: a word cannot learn from a word it was not allowed to see.
/// (Chapter 8; tests in Tests/Chapter8Tests/LayerGradientCheckTests.swift.)
/// Shape: Q [n_q, d_k], K [n_k, d_k], V [n_k, d_v], dZ [n_q, d_v] -> dQ, dK, dV (their shapes)
public func scaledDotProductAttentionBackward(
  queries: Matrix, keys: Matrix, values: Matrix, steps: AttentionSteps, outputGradient: Matrix
) -> (queries: Matrix, keys: Matrix, values: Matrix) {
  // Steps 5 and 6: output = matmul(weights, values)
  let (dWeights, dValues) = matmulBackward(steps.weights, values, outputGradient: outputGradient)
  // Step 4: weights = softmax(maskedScores)
  let dMasked = softmaxBackward(output: steps.weights, outputGradient: dWeights)  // [n_q, n_k]
  // The mask: maskedScores = scaledScores + mask, so the gradient passes through unchanged
  // Step 3: scaledScores = scores / √d_k
  let dScores = dMasked / Double(keys.columns).squareRoot()  // [n_q, n_k]
  // Step 2: scores = matmul(queries, keys.transposed())
  let (dQueries, dKeysTransposed) = matmulBackward(
    queries, keys.transposed(), outputGradient: dScores)
  return (dQueries, dKeysTransposed.transposed(), dValues)
}
