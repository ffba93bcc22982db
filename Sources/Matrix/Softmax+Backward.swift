// The backward pass of row-wise softmax, next to its forward pass in Softmax.swift.
// (Chapter 8; tests in Tests/Chapter8Tests.)

/// The gradient with respect to softmax's input, given its output y and ∂L/∂y, row by row:
///
///     forward:  y = softmax(x)              yⱼ = exp(xⱼ) / Σₖ exp(xₖ)
///     ∂yⱼ/∂xᵢ = yⱼ · (δᵢⱼ − yᵢ)
///     dxᵢ = Σⱼ dyⱼ · yⱼ · (δᵢⱼ − yᵢ) = yᵢ · (dyᵢ − Σⱼ dyⱼ · yⱼ)
///
/// It needs only the output: a position softmax gave weight 0 (a −∞ mask) gets gradient 0, and
/// a row that was masked entirely (all zeros) gets zeros.
/// Traps unless y and dy have the same shape.
/// Shape: y [rows, n], dy [rows, n] -> dx [rows, n]
public func softmaxBackward(output y: Matrix, outputGradient dy: Matrix) -> Matrix {
  checkPrecondition(
    y.shape == dy.shape,
    "softmaxBackward: output \(y.shape) and output gradient \(dy.shape) must have the same shape")
  var dx = Matrix(rows: y.rows, columns: y.columns)
  for i in 0..<y.rows {
    // rowsum(dy ⊙ y): the part of dy every input shares
    var shared = 0.0
    for j in 0..<y.columns { shared += dy[i, j] * y[i, j] }
    for j in 0..<y.columns { dx[i, j] = y[i, j] * (dy[i, j] - shared) }
  }
  return dx
}
