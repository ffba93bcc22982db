import Foundation

/// A fresh, empty directory under the system's temporary directory; remove it when done.
func makeScratchDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory
    .appendingPathComponent("safetensors-tests-" + UUID().uuidString)
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// A committed fixture, found beside this source file: the tests run from a clone, so the
/// source tree is there, and no resource bundle is needed (SwiftPM excludes `Fixtures`).
func fixture(_ name: String, file: StaticString = #filePath) -> URL {
  URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
    .appendingPathComponent("Fixtures").appendingPathComponent(name)
}

/// The bytes of a safetensors file with this header text (unpadded) and data, to build
/// malformed files by hand.
func fileBytes(header: String, data: [UInt8] = []) -> Data {
  var bytes = Data()
  withUnsafeBytes(of: UInt64(header.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
  bytes.append(contentsOf: Array(header.utf8))
  bytes.append(contentsOf: data)
  return bytes
}

/// Little-endian F64 bytes of the values.
func f64Bytes(_ values: [Double]) -> [UInt8] {
  values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
}

/// True when both arrays hold the same bit patterns (so -0 differs from 0 and NaN equals itself).
func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
  a.map(\.bitPattern) == b.map(\.bitPattern)
}
