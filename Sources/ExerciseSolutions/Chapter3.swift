import Matrix

// Worked answers to Chapter 3's exercises (Chapters/03-multi-head-attention.md). Each has the
// signature of its stub in Sources/Exercises/Chapter3.swift, so it can be pasted over it. The
// same checks run against these answers in CI: `swift test --filter Solutions3`.

/// Exercise 3.1: split a matrix into heads.
///
/// With h heads of d_k columns each, head number `head` (from 0) owns columns
/// head·d_k ..< (head + 1)·d_k. Every row keeps its word: only the columns are cut. Splitting the
/// rows instead would give each head some of the words, the commonest mix-up.
/// Shape: [words, h·d_k] -> h × [words, d_k]
public func splitIntoHeads(_ matrix: Matrix, headCount: Int) throws -> [Matrix] {
  let width = matrix.columns / headCount  // d_k
  var heads: [Matrix] = []
  for head in 0..<headCount {
    var part = Matrix(rows: matrix.rows, columns: width)  // [words, d_k]
    for i in 0..<matrix.rows {
      for j in 0..<width {
        part[i, j] = matrix[i, head * width + j]
      }
    }
    heads.append(part)
  }
  return heads
}

/// Exercise 3.2: concatenate the heads and apply W^O.
///
/// Each word's row of the concatenation is its row of Z₁, then its row of Z₂, and so on, in head
/// order: that order must match W^O, whose first d_v rows read head 1. Then a plain product with
/// W^O mixes the h·d_v numbers back down to d_model.
/// Shape: h × [words, d_v] and [h·d_v, d_model] -> [words, h·d_v], [words, d_model]
public func combineHeads(
  _ heads: [Matrix], outputWeights: Matrix
) throws -> (concatenated: Matrix, output: Matrix) {
  let words = heads.first?.rows ?? 0
  var width = 0
  for head in heads {
    width += head.columns
  }
  // [Z₁ Z₂ … Z_h]: head h's column j goes to column (offset of h) + j
  var concatenated = Matrix(rows: words, columns: width)  // [words, h·d_v]
  var offset = 0
  for head in heads {
    for i in 0..<words {
      for j in 0..<head.columns {
        concatenated[i, offset + j] = head[i, j]
      }
    }
    offset += head.columns
  }
  // × W^O
  var output = Matrix(rows: words, columns: outputWeights.columns)  // [words, d_model]
  for i in 0..<words {
    for j in 0..<outputWeights.columns {
      for k in 0..<width {
        output[i, j] += concatenated[i, k] * outputWeights[k, j]
      }
    }
  }
  return (concatenated, output)
}
