import Foundation
import Matrix
import SafeTensors

/// The fixture written by Tests/Reference/pytorch_agreement.py, found beside this source file
/// (the tests run from a clone; SwiftPM excludes `Fixtures`, so no resource bundle is needed).
func fixture(file: StaticString = #filePath) -> URL {
  URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
    .appendingPathComponent("Fixtures").appendingPathComponent("pytorch_agreement.safetensors")
}

/// A fresh, empty directory under the system's temporary directory; remove it when done.
func makeScratchDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("agreement-tests-" + UUID().uuidString)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Every tensor of a file, by name, to write a modified copy with `SafeTensors.write`.
func allTensors(of file: SafeTensorsFile) throws -> [String: Tensor] {
  var tensors: [String: Tensor] = [:]
  for name in file.names { tensors[name] = try file.tensor(name) }
  return tensors
}

/// Token indices stored as an F64 vector (exact small integers). Shape: [count]
func tokens(_ file: SafeTensorsFile, _ name: String, count: Int) throws -> [Int] {
  try file.vector(name, count: count).map { Int($0) }
}
