import Matrix

// Worked answers to Chapter 1's exercises (Chapters/01-embeddings.md). Each has the signature of
// its stub in Sources/Exercises/Chapter1.swift, so it can be pasted over it. The same checks
// run against these answers in CI: `swift test --filter Solutions1`.

/// Exercise 1.1: the one-hot rows of a list of word indices.
///
/// Start from zeros and set one element per row: row r has its 1 in column `indices[r]`. The
/// matrix has one row per word and one column per word of the vocabulary, so for "je suis
/// étudiant" ([1, 2, 3]) in a six-word vocabulary it is 3 × 6.
/// Shape: [words] -> [words, vocabularySize]
public func oneHotRows(_ indices: [Int], vocabularySize: Int) throws -> Matrix {
  var result = Matrix(rows: indices.count, columns: vocabularySize)
  for (r, index) in indices.enumerated() {
    result[r, index] = 1
  }
  return result
}

/// Exercise 1.2: a sentence's rows of the embedding table.
///
/// An embedding is a lookup: copy row `indices[r]` of the table into row r of X, one element at a
/// time. The order of the words is the order of the rows, so "merci je" gives the rows of
/// indices 4 then 1.
/// Shape: [words] and [vocabulary, d_model] -> [words, d_model]
public func lookUpRows(_ indices: [Int], in table: Matrix) throws -> Matrix {
  var x = Matrix(rows: indices.count, columns: table.columns)
  for (r, index) in indices.enumerated() {
    for j in 0..<table.columns {
      x[r, j] = table[index, j]
    }
  }
  return x
}

/// Exercise 1.3: the matrix product with three loops.
///
/// Element (i, j) is row i of a dotted with column j of b. The result has a's rows and b's
/// columns, and a's columns must match b's rows. With a one-hot row as a, only one term of each
/// sum is non-zero, which is why one-hot · table is the same as the lookup of Exercise 1.2.
/// Shape: [n, m] × [m, p] -> [n, p]
public func matrixProduct(_ a: Matrix, _ b: Matrix) throws -> Matrix {
  var result = Matrix(rows: a.rows, columns: b.columns)
  for i in 0..<a.rows {
    for j in 0..<b.columns {
      var sum = 0.0
      for k in 0..<a.columns {
        sum += a[i, k] * b[k, j]
      }
      result[i, j] = sum
    }
  }
  return result
}
