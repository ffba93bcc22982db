import Foundation
import Matrix
import SafeTensors
import Testing

@Suite("Writing then reading gives the same bits")
struct RoundTripTests {
  @Test func everyBitPatternSurvives() throws {
    let special: [Double] = [
      -0.0, 0, .leastNonzeroMagnitude, -Double.leastNormalMagnitude.nextDown,  // subnormals
      .infinity, -.infinity, .nan, Double(nan: 0x1234, signaling: false), -.nan,
      .greatestFiniteMagnitude, 1.0 / 3.0,
    ]
    let directory = try makeScratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("special.safetensors")
    try SafeTensors.write(["special": Tensor(vector: special)], to: url)
    let read = try SafeTensors.read(from: url).vector("special", count: special.count)
    #expect(sameBits(read, special))
  }

  @Test func matricesVectorsAndMetadataComeBack() throws {
    let wq: Matrix = [[1, 2, 3], [4, 5, 6]]
    let directory = try makeScratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("weights.safetensors")
    try SafeTensors.write(
      ["wq": Tensor(wq), "b": Tensor(vector: [7, 8])], metadata: ["epoch": "3"], to: url)
    let file = try SafeTensors.read(from: url)
    #expect(file.names == ["b", "wq"])
    #expect(file.metadata == ["epoch": "3"])
    #expect(try file.matrix("wq", shape: [2, 3]) == wq)
    #expect(try file.shape(of: "b") == [2])
    #expect(try file.vector("b", count: 2) == [7, 8])
    #expect(try file.tensor("wq").shape == [2, 3])
  }

  @Test func sameWeightsGiveTheSameBytes() throws {
    // Dictionaries iterate in a different order from run to run; the file must not.
    let directory = try makeScratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var names = (0..<20).map { "layer.\($0).w" }
    var outputs: [Data] = []
    for round in 0..<3 {
      names.shuffle()
      var matrices: [String: Matrix] = [:]
      for name in names { matrices[name] = Matrix(row: [Double(name.count), 0.5]) }
      let url = directory.appendingPathComponent("w\(round).safetensors")
      try SafeTensors.write(matrices, metadata: ["b": "2", "a": "1"], to: url)
      outputs.append(try Data(contentsOf: url))
    }
    #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
  }
}
