import Matrix
import TestSupport
import Testing

@Suite("concurrentMap: map spread over threads, the same results on any number of them")
struct ConcurrentMapTests {
  /// Twelve different products, one per item: each result must be the one `map` gives, in order.
  static let items: [Matrix] = (0..<12).map { index in
    var generator = SplitMix64(seed: UInt64(100 + index))
    return Matrix.random(rows: 7, columns: 9, in: -1, 1, using: &generator)
  }

  @Test(arguments: [1, 2, 3, 8])
  func givesMapsResultsInOrder(threads: Int) {
    let weights = Matrix(rows: 9, columns: 5) { i, j in Double(i - 2 * j) }
    let expected = Self.items.map { matmulPlainLoop($0, weights) }
    let results = MatmulThreads.with(threads: threads) {
      Self.items.concurrentMap { matmul($0, weights) }
    }
    #expect(results.count == expected.count)
    for (index, (result, reference)) in zip(results, expected).enumerated() {
      expectSameBits(result, as: reference, "item \(index + 1) on \(threads) threads")
    }
  }

  @Test func nestedMapsRunEveryItemOnce() {
    // A concurrentMap inside another runs on the thread that calls it; every pair (i, j) once.
    let pairs = MatmulThreads.with(threads: 3) {
      Array(0..<5).concurrentMap { i in Array(0..<4).concurrentMap { j in 10 * i + j } }
    }
    #expect(pairs == (0..<5).map { i in (0..<4).map { j in 10 * i + j } })
  }

  @Test func emptyAndSingleCollections() {
    #expect([Int]().concurrentMap { $0 + 1 } == [])
    #expect([41].concurrentMap { $0 + 1 } == [42])
  }
}
