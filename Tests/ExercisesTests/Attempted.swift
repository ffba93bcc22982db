import Exercises
import Testing

extension Trait where Self == ConditionTrait {
  /// Runs the test only once the learner has written an answer: `call` runs their function on the
  /// test's example, and while it still throws `ExerciseNotAttempted` the test is skipped with
  /// a note saying where to write. Any other outcome (an answer, right or wrong, or another
  /// error) runs the test, which then reports what differs.
  ///
  /// A test takes it as its trait, after its name:
  ///
  ///     .attempted(in: "Chapter2.swift") { try oneWordAttention(…) }
  ///
  /// A skipped test prints one line: `Test "Exercise 2.1: …" skipped: "not attempted yet: write
  /// it in Sources/Exercises/Chapter2.swift"`.
  static func attempted<Result>(
    in file: String, _ call: @escaping @Sendable () throws -> Result
  ) -> Self {
    .enabled("not attempted yet: write it in Sources/Exercises/\(file)") {
      do {
        _ = try call()
      } catch is ExerciseNotAttempted {
        return false
      } catch {
        return true
      }
      return true
    }
  }
}
