import Foundation
import Matrix
import TestSupport
import Testing

@Suite("softmax: golden values and the properties every row must have")
struct SoftmaxTests {
  @Test func theMatrixFormIsTheVectorFormOnEveryRowBitForBit() {
    // Rows with masks, infinities, NaN, huge and ordinary values: the in-place matrix softmax
    // must give each row exactly what the readable vector softmax gives.
    let rows: [[Double]] = [
      [1, 2, 3], [-.infinity, -.infinity, -.infinity], [.infinity, 0, .infinity],
      [.nan, 1, 2], [1000, -1000, 0], [0.1, -.infinity, 0.3],
    ]
    let result = softmax(Matrix(rows))
    for (i, row) in rows.enumerated() {
      #expect(result.row(i).map(\.bitPattern) == softmax(row).map(\.bitPattern), "row \(i + 1)")
    }
  }

  @Test func goldenValues() {
    // softmax(1, 2, 3) = (e¹, e², e³) / (e¹ + e² + e³); e = 2.718281828…:
    // 2.718281828 / 30.19287485 = 0.0900305732, 7.389056099 / 30.19287485 = 0.2447284711,
    // 20.08553692 / 30.19287485 = 0.6652409558
    expectVector(
      softmax([1, 2, 3]), equals: [0.0900305732, 0.2447284711, 0.6652409558], tolerance: 1e-10)
    // softmax(ln 1, ln 3) = (1, 3) / 4
    expectVector(softmax([log(1), log(3)]), equals: [0.25, 0.75], tolerance: 1e-15)
    // Equal scores share the weight equally.
    #expect(softmax([0, 0, 0, 0]) == [0.25, 0.25, 0.25, 0.25])
  }

  @Test func rowWiseOnAMatrix() {
    // Each row is its own distribution: row 0 as above, row 1 = softmax(0, 0).
    expectMatrix(
      softmax([[1, 2, 3], [0, 0, -Double.infinity]]),
      equals: [[0.0900305732, 0.2447284711, 0.6652409558], [0.5, 0.5, 0]], tolerance: 1e-10)
  }

  @Test(arguments: [[1.0, 2, 3], [-5, 0, 5, 10], [0.5], [1e-3, -1e-3], [700, 699, -700]])
  func rowsSumToOneAndArePositive(row: [Double]) {
    let weights = softmax(row)
    #expect(abs(weights.reduce(0, +) - 1) < 1e-12)
    #expect(weights.allSatisfy { $0 >= 0 && $0 <= 1 })
  }

  @Test(arguments: [-1000.0, -3, 0, 2.5, 1000])
  func addingAConstantChangesNothing(constant: Double) {
    // exp(xᵢ + c) / Σ exp(xⱼ + c) = exp(c)·exp(xᵢ) / (exp(c)·Σ exp(xⱼ))
    expectVector(softmax([1, 2, 3].map { $0 + constant }), equals: softmax([1, 2, 3]))
  }

  @Test func hugeScoresGiveNoNaNOrInfinity() {
    // Without subtracting the maximum, exp(1000) = inf and inf / inf = NaN.
    // With it: (1000, −1000) -> exp(0), exp(−2000) = (1, 0) -> (1, 0).
    #expect(softmax([1000, -1000]) == [1, 0])
    expectVector(softmax([1001, 1002, 1003]), equals: softmax([1, 2, 3]), tolerance: 1e-15)
    #expect(softmax([1000, 1000]) == [0.5, 0.5])
  }

  @Test func fullyMaskedRowGivesZerosNotNaN() {
    let masked = -Double.infinity
    #expect(softmax([masked, masked, masked]) == [0, 0, 0])
    #expect(softmax([Double]()) == [])
  }
}

@Suite("softmax: infinities and NaN")
struct SoftmaxEdgeCaseTests {
  @Test func positiveInfinitiesShareTheWeight() {
    // The limit of softmax(t, t, 1) as t grows: (½, ½, 0).
    #expect(softmax([.infinity, .infinity, 1]) == [0.5, 0.5, 0])
    #expect(softmax([1, .infinity]) == [0, 1])
  }

  @Test func aNaNAnywhereMakesTheWholeRowNaN() {
    #expect(softmax([.nan, 1]).allSatisfy { $0.isNaN })
    #expect(softmax([1, .nan]).allSatisfy { $0.isNaN })
    #expect(softmax([-.infinity, .nan]).allSatisfy { $0.isNaN })
  }
}
