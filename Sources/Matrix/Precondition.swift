/// Stops the program with `message` when `condition` is false, in every build configuration.
///
/// Swift's `precondition` drops its message in release builds; a learner who runs a benchmark
/// and passes a wrong shape should still read which shapes disagreed. Messages name both shapes,
/// e.g. "matmul: [2, 4] × [3, 3]: inner dimensions 4 and 3 differ".
@inline(__always)
public func checkPrecondition(
  _ condition: @autoclosure () -> Bool,
  _ message: @autoclosure () -> String,
  file: StaticString = #fileID,
  line: UInt = #line
) {
  if !condition() {
    fatalError(message(), file: file, line: line)
  }
}
