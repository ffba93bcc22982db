import Foundation
import Matrix
import SafeTensors
import Testing

/// A failed write leaves the destination as it was and no temporary file behind.
@Suite("Writes are atomic")
struct AtomicWriteTests {
  let weights: [String: Matrix] = ["w": [[1, 2], [3, 4]]]

  @Test func replacesAnExistingFile() throws {
    let directory = try makeScratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("weights.safetensors")
    try SafeTensors.write(["old": [[0]]], to: url)
    try SafeTensors.write(weights, to: url)
    #expect(try SafeTensors.read(from: url).names == ["w"])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path) == [url.lastPathComponent]
    )
  }

  @Test func anInvalidNameLeavesTheFileUnchanged() throws {
    let directory = try makeScratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("weights.safetensors")
    try SafeTensors.write(weights, to: url)
    let before = try Data(contentsOf: url)
    for name in ["", "__metadata__"] {
      #expect(throws: SafeTensorsError.invalidName(path: url.path, name: name)) {
        try SafeTensors.write([name: [[5]]], to: url)
      }
    }
    #expect(try Data(contentsOf: url) == before)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path) == [url.lastPathComponent]
    )
    #expect(
      SafeTensorsError.invalidName(path: "w.safetensors", name: "").description
        == #"w.safetensors: cannot write a tensor named "": names must be non-empty and not "#
        + #""__metadata__""#)
  }

  @Test func aMissingDirectoryThrowsNamingTheFile() throws {
    let url = URL(fileURLWithPath: "/nonexistent-directory/weights.safetensors")
    let error = #expect(throws: SafeTensorsError.self) { try SafeTensors.write(weights, to: url) }
    #expect(
      error?.description.hasPrefix(
        "/nonexistent-directory/weights.safetensors: cannot be written: creating a temporary "
          + "file in /nonexistent-directory: ") == true)
  }

  @Test func aFailedRenameRemovesTheTemporaryFile() throws {
    // The destination is a non-empty directory: the temporary file is written and flushed,
    // then rename(2) refuses to replace the directory. It must be left as it was.
    let directory = try makeScratchDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("weights.safetensors")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    try Data([42]).write(to: url.appendingPathComponent("keep"))
    let error = #expect(throws: SafeTensorsError.self) { try SafeTensors.write(weights, to: url) }
    #expect(error?.description.hasPrefix("\(url.path): cannot be written: renaming ") == true)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path) == [url.lastPathComponent]
    )
    #expect(try Data(contentsOf: url.appendingPathComponent("keep")) == Data([42]))
  }
}
