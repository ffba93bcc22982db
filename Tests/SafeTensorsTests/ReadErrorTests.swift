import Foundation
import SafeTensors
import Testing

/// Each way a file can be wrong throws an error whose description names the file and, where
/// one is involved, the tensor.
@Suite("Bad files throw errors naming the file and the tensor")
struct ReadErrorTests {
  /// Writes `bytes` to a scratch file named `weights.safetensors`, reads it, and returns the
  /// error with the file's path, or nil if the read succeeded.
  func readError(_ bytes: Data) throws -> (error: SafeTensorsError, path: String)? {
    let directory = try makeScratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("weights.safetensors")
    try bytes.write(to: url)
    do {
      _ = try SafeTensors.read(from: url)
      return nil
    } catch {
      return (error, url.path)
    }
  }

  /// Expects reading `bytes` to throw an error described as "<path>: <message>".
  func expectError(
    _ bytes: Data, _ message: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    guard let (error, path) = try readError(bytes) else {
      Issue.record("the file was read without an error", sourceLocation: sourceLocation)
      return
    }
    #expect(error.description == "\(path): \(message)", sourceLocation: sourceLocation)
  }

  let w = #""w":{"dtype":"F64","shape":[2],"data_offsets":[0,16]}"#

  @Test func missingFile() {
    let url = URL(fileURLWithPath: "/nonexistent-directory/weights.safetensors")
    #expect(throws: SafeTensorsError.cannotOpen(path: url.path, reason: "no such file")) {
      try SafeTensors.read(from: url)
    }
    let error = SafeTensorsError.cannotOpen(path: url.path, reason: "no such file")
    #expect(
      error.description
        == "/nonexistent-directory/weights.safetensors: cannot be opened: no such file")
  }

  @Test func shorterThanTheHeaderSize() throws {
    try expectError(
      Data([1, 2, 3, 4, 5]),
      "truncated: the file has 5 bytes, fewer than the 8 of the header size")
  }

  @Test func headerSizeLargerThanTheFile() throws {
    var bytes = fileBytes(header: "{}")
    bytes[0] = 200
    try expectError(bytes, "truncated: the header size says 200 bytes but only 2 follow it")
  }

  @Test func dataShorterThanTheOffsets() throws {
    try expectError(
      fileBytes(header: "{\(w)}", data: f64Bytes([1])),
      #"truncated: tensor "w": its data ends at byte 16 but the data section has 8 bytes"#)
  }

  @Test func headerNotJSON() throws {
    try expectError(
      fileBytes(header: "{not json}"), "malformed header: the header is not a JSON object")
    try expectError(
      fileBytes(header: "[1, 2]"), "malformed header: the header is not a JSON object")
  }

  @Test func missingDtypeShapeOrOffsets() throws {
    try expectError(
      fileBytes(header: #"{"w":{"shape":[2],"data_offsets":[0,16]}}"#, data: f64Bytes([1, 2])),
      #"malformed header: tensor "w": no "dtype" string"#)
    try expectError(
      fileBytes(header: #"{"w":{"dtype":"F64","data_offsets":[0,16]}}"#, data: f64Bytes([1, 2])),
      #"malformed header: tensor "w": no "shape" list of integers"#)
    try expectError(
      fileBytes(header: #"{"w":{"dtype":"F64","shape":[2]}}"#, data: f64Bytes([1, 2])),
      #"malformed header: tensor "w": no "data_offsets" pair of integers"#)
    try expectError(
      fileBytes(header: #"{"w":{"dtype":"F64","shape":[-2],"data_offsets":[0,16]}}"#),
      #"malformed header: tensor "w": no "shape" list of integers"#)
    try expectError(
      fileBytes(header: #"{"__metadata__":{"epoch":3}}"#),
      #"malformed header: __metadata__ is not an object of strings"#)
  }

  @Test func offsetsNotMatchingShapeTimesDtypeSize() throws {
    try expectError(
      fileBytes(
        header: #"{"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,48]}}"#,
        data: f64Bytes([1, 2, 3, 4, 5, 6])),
      #"malformed header: tensor "w": data_offsets [0, 48] span 48 bytes, "#
        + "but shape [2, 3] of F32 needs 6 × 4 = 24")
  }

  @Test func overlappingOrGappedOffsets() throws {
    let overlapping =
      #"{"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]},"#
      + #""b":{"dtype":"F64","shape":[2],"data_offsets":[8,24]}}"#
    try expectError(
      fileBytes(header: overlapping, data: f64Bytes([1, 2, 3])),
      #"malformed header: tensor "b": data_offsets begin at byte 8 but tensor "a" ends at "#
        + "byte 16 (overlaps)")
    let gapped =
      #"{"a":{"dtype":"F64","shape":[1],"data_offsets":[0,8]},"#
      + #""b":{"dtype":"F64","shape":[1],"data_offsets":[16,24]}}"#
    try expectError(
      fileBytes(header: gapped, data: f64Bytes([1, 2, 3])),
      #"malformed header: tensor "b": data_offsets begin at byte 16 but tensor "a" ends at "#
        + "byte 8 (leaves a gap)")
    try expectError(
      fileBytes(header: "{\(w)}", data: f64Bytes([1, 2, 3])),
      "malformed header: the data section has 24 bytes but the tensors cover 16")
  }

  @Test func unknownDtype() throws {
    try expectError(
      fileBytes(header: #"{"w":{"dtype":"mistyped","shape":[2],"data_offsets":[0,16]}}"#),
      #"tensor "w" has dtype "mistyped", which cannot be read as Double (readable: F64, F32)"#)
  }

  @Test func knownDtypeThatIsNotReadable() throws {
    // An I64 tensor (PyTorch saves position ids so) does not stop the other tensors loading.
    let header =
      #"{"ids":{"dtype":"I64","shape":[1],"data_offsets":[0,8]},"#
      + #""w":{"dtype":"F64","shape":[1],"data_offsets":[8,16]}}"#
    let directory = try makeScratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("model.safetensors")
    try fileBytes(header: header, data: [7, 0, 0, 0, 0, 0, 0, 0] + f64Bytes([1.5])).write(to: url)
    let file = try SafeTensors.read(from: url)
    #expect(try file.vector("w", count: 1) == [1.5])
    let error = #expect(throws: SafeTensorsError.self) { try file.vector("ids", count: 1) }
    #expect(
      error?.description == "\(url.path): tensor \"ids\" has dtype \"I64\", which cannot be "
        + "read as Double (readable: F64, F32)")
  }

  @Test func missingTensorAndWrongShape() throws {
    let directory = try makeScratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("weights.safetensors")
    try SafeTensors.write(
      ["decoder.0.ffn.w1": Tensor(shape: [4, 2], values: Array(repeating: 0, count: 8))], to: url)
    let file = try SafeTensors.read(from: url)
    let missing = #expect(throws: SafeTensorsError.self) {
      try file.matrix("decoder.0.ffn.w2", shape: [2, 4])
    }
    #expect(
      missing?.description == "\(url.path): no tensor named \"decoder.0.ffn.w2\" "
        + "(the file has 1: \"decoder.0.ffn.w1\")")
    let wrong = #expect(throws: SafeTensorsError.self) {
      try file.matrix("decoder.0.ffn.w1", shape: [4, 3])
    }
    #expect(
      wrong?.description == "\(url.path): tensor \"decoder.0.ffn.w1\" has shape [4, 2], "
        + "expected [4, 3]")
    #expect(throws: SafeTensorsError.self) { try file.vector("decoder.0.ffn.w1", count: 8) }
    #expect(throws: SafeTensorsError.self) { try file.rowMatrix("decoder.0.ffn.w1", columns: 8) }
  }
}
