import Foundation
import Matrix
import SafeTensors
import TestSupport
import Testing

/// Files written by Tests/Reference/safetensors_check.py, with Python's struct and json only:
/// the values below are written by hand in the script and here.
@Suite("Files written by Python")
struct PythonFixtureTests {
  @Test func readsPythonWrittenTensors() throws {
    // Header with spaces, listed w, b, h; data in the order h, w, b; h is F32.
    let file = try SafeTensors.read(from: fixture("python_written.safetensors"))
    #expect(file.names == ["b", "h", "w"])
    #expect(file.metadata == ["source": "safetensors_check.py"])
    // Exact: each value is a short binary fraction, so 0 tolerance.
    expectMatrix(
      try file.matrix("w", shape: [2, 3]), equals: [[1.5, -2.25, 3], [0.5, -0.125, 10]],
      tolerance: 0, "2×3 F64 tensor w")
    expectVector(
      try file.vector("b", count: 4), equals: [0.25, -1, 2.5, -4], tolerance: 0,
      "1-D F64 tensor b")
    expectMatrix(
      try file.rowMatrix("b", columns: 4), equals: [[0.25, -1, 2.5, -4]], tolerance: 0,
      "1-D F64 tensor b as a row")
    #expect(try file.dtype(of: "h") == "F32")
    expectMatrix(
      try file.matrix("h", shape: [2, 2]), equals: [[1.5, -2.25], [0.75, -8.5]], tolerance: 0,
      "2×2 F32 tensor h, converted to Double")
  }

  @Test func writesTheBytesPythonComputesForTheCanonicalLayout() throws {
    // Same tensors and metadata as CANONICAL in the script, which writes the expected bytes
    // from the format's rules: names sorted, compact JSON, metadata first, space padding.
    let tensors: [String: Tensor] = [
      "attention.wq": Tensor([[1.5, -2.25, 0.5], [4, -0.0, 0.125]]),
      "ffn.b1": Tensor(vector: [0.25, -1, .infinity, .leastNonzeroMagnitude]),  // 5e-324
      "empty": Tensor(Matrix(rows: 0, columns: 3)),
      "é.scale": Tensor(shape: [], values: [2.5]),
    ]
    let metadata = ["step": "100", "note": "line 1\nsays \"hi\" \\ \u{01} é"]
    let directory = try makeScratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("canonical.safetensors")
    try SafeTensors.write(tensors, metadata: metadata, to: url)
    let written = try Data(contentsOf: url)
    let expected = try Data(contentsOf: fixture("canonical.safetensors"))
    #expect(written == expected, "Swift's bytes differ from canonical.safetensors")
    let size = written.prefix(8).reversed().reduce(0) { $0 << 8 | Int($1) }
    #expect((8 + size) % 8 == 0, "the data starts 8-byte aligned")
  }
}
