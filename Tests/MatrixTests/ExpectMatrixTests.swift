import Matrix
import TestSupport
import Testing

/// The shared comparison helper must be able to fail: a truncated, reshaped or NaN result
/// must never pass.
@Suite("expectMatrix, the one comparison helper")
struct ExpectMatrixTests {
  @Test func passesWithinTolerance() {
    expectMatrix([[1, 2]], equals: [[1, 2.0000001]], tolerance: 1e-6)
  }

  @Test func equalInfinitiesAreEqual() {
    expectMatrix([[-.infinity, 1]], equals: [[-.infinity, 1]], tolerance: 0)
    withKnownIssue {
      expectMatrix([[-.infinity]], equals: [[.infinity]])
    }
  }

  @Test func failsOnADifferentShapeEvenWithTheSameElements() {
    withKnownIssue {
      expectMatrix(Matrix([[1, 2, 3, 4]]), equals: [[1, 2], [3, 4]])
    } matching: { issue in
      "\(issue)".contains("shape [1, 4] differs from expected [2, 2]")
    }
  }

  @Test func failsOnATruncatedVector() {
    withKnownIssue {
      expectVector([1, 2], equals: [1, 2, 3])
    } matching: { issue in
      "\(issue)".contains("shape [1, 2] differs from expected [1, 3]")
    }
  }

  @Test func reportsTheWorstElement() {
    withKnownIssue {
      expectMatrix([[1, 2], [3, 4]], equals: [[1.1, 2], [3, 5]], tolerance: 0.01)
    } matching: { issue in
      "\(issue)".contains("worst element (1, 1): 4.0 vs expected 5.0")
    }
  }

  @Test func failsOnNaN() {
    withKnownIssue {
      expectMatrix([[Double.nan]], equals: [[0]], tolerance: 1)
    } matching: { issue in
      "\(issue)".contains("worst element (0, 0): nan")
    }
  }
}
