import Matrix

// Chapter 3's exercises: the questions are at the end of Chapters/03-multi-head-attention.md.
// Replace each `throw ExerciseNotAttempted(...)` line with your code, then check your answers:
//
//     swift test --filter Exercises3 --no-parallel --quiet
//
// Use plain loops and Matrix's basics: `Matrix(rows:columns:)` (all zeros), `m[i, j]` to read
// and write an element, `m.rows`, `m.columns` (not `splitColumns` or `concatenatingColumns`:
// they are the answer). Worked answers, for when you are done:
// Sources/ExerciseSolutions/Chapter3.swift.

/// Exercise 3.1: split a matrix with h·d_k columns into h heads of d_k columns each, in order:
/// head 1 takes columns 1 to d_k, head 2 the next d_k, and so on.
/// Shape: [words, h·d_k] -> h × [words, d_k]
public func splitIntoHeads(_ matrix: Matrix, headCount: Int) throws -> [Matrix] {
  throw ExerciseNotAttempted("Exercise 3.1")
}

/// Exercise 3.2: glue the heads' outputs side by side, [Z₁ Z₂ … Z_h], and multiply by W^O.
/// Return both the concatenated matrix and the layer's output.
/// Shape: h × [words, d_v] and [h·d_v, d_model] -> [words, h·d_v], [words, d_model]
public func combineHeads(
  _ heads: [Matrix], outputWeights: Matrix
) throws -> (concatenated: Matrix, output: Matrix) {
  throw ExerciseNotAttempted("Exercise 3.2")
}
