import Foundation
import Matrix

/// A "model" written out by hand: the next word's probabilities for a few prefixes, and one
/// distribution for every other prefix. Small enough to follow a search step by step with
/// pencil and paper.
///
///     let table = NextWordTable(rows: [[]: [0.5, 0.5], [0]: [0.9, 0.1]], otherwise: [0.2, 0.8])
///     table.probabilities(after: [0])   // [0.9, 0.1] (up to rounding in ln and exp)
///
/// Traps unless every row has one probability per word, none negative, summing to 1.
public struct NextWordTable: NextWordModel, Sendable {
  /// P(next word | prefix) for the prefixes written out.
  public let rows: [[Int]: [Double]]
  /// P(next word | prefix) for every other prefix.
  public let otherwise: [Double]

  public init(rows: [[Int]: [Double]], otherwise: [Double]) {
    for (prefix, row) in rows.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
      Self.check(row, "the row after \(prefix)", width: otherwise.count)
    }
    Self.check(otherwise, "the row for other prefixes", width: otherwise.count)
    self.rows = rows
    self.otherwise = otherwise
  }

  private static func check(_ row: [Double], _ name: String, width: Int) {
    checkPrecondition(
      row.count == width,
      "NextWordTable: \(name) has \(row.count) probabilities, the other rows \(width)")
    checkPrecondition(
      row.allSatisfy { $0 >= 0 } && abs(row.reduce(0, +) - 1) < 1e-9,
      "NextWordTable: \(name) must be probabilities that sum to 1: \(row)")
  }

  public var vocabularySize: Int { otherwise.count }

  /// ln of the row for `prefix`; ln 0 is −∞.
  public func logProbabilities(after prefix: [Int]) -> [Double] {
    (rows[prefix] ?? otherwise).map { log($0) }
  }
}
