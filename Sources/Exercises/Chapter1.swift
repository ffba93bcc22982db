import Matrix

// Chapter 1's exercises: the questions are at the end of Chapters/01-embeddings.md.
// Replace each `throw ExerciseNotAttempted(...)` line with your code, then check your answers:
//
//     swift test --filter Exercises1 --no-parallel --quiet
//
// Use plain loops and Matrix's basics: `Matrix(rows:columns:)` (all zeros), `m[i, j]` to read
// and write an element, `m.rows`, `m.columns`. Worked answers, for when you are done:
// Sources/ExerciseSolutions/Chapter1.swift.

/// Exercise 1.1: the one-hot rows of a list of word indices. Row r is all zeros except a 1 in
/// column `indices[r]`.
/// Shape: [words] -> [words, vocabularySize]
public func oneHotRows(_ indices: [Int], vocabularySize: Int) throws -> Matrix {
  throw ExerciseNotAttempted("Exercise 1.1")
}

/// Exercise 1.2: a sentence's rows of the embedding table. Row r of the result is row
/// `indices[r]` of `table`.
/// Shape: [words] and [vocabulary, d_model] -> [words, d_model]
public func lookUpRows(_ indices: [Int], in table: Matrix) throws -> Matrix {
  throw ExerciseNotAttempted("Exercise 1.2")
}

/// Exercise 1.3: the matrix product a · b with three loops: element (i, j) is the sum over k of
/// a[i, k] · b[k, j].
/// Shape: [n, m] × [m, p] -> [n, p]
public func matrixProduct(_ a: Matrix, _ b: Matrix) throws -> Matrix {
  throw ExerciseNotAttempted("Exercise 1.3")
}
