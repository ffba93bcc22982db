/// What an exercise's stub throws until you write your answer in its place.
///
/// Each chapter's exercises are at the end of its notebook (`Chapters/0N-*.md`), and you write
/// your answers in this folder, one file per chapter (`Chapter2.swift` for Chapter 2). Every
/// function there starts as a stub whose body is one line:
///
///     throw ExerciseNotAttempted("Exercise 2.1")
///
/// Replace that line with your code and run the chapter's check,
/// `swift test --filter Exercises2 --no-parallel --quiet`. While a stub still throws this error,
/// its check is skipped with a note saying where to write, so untouched exercises never fail.
public struct ExerciseNotAttempted: Error, CustomStringConvertible {
  /// The exercise's number, e.g. "Exercise 2.1".
  public var exercise: String

  public init(_ exercise: String) {
    self.exercise = exercise
  }

  public var description: String { "\(exercise) not attempted yet" }
}
