import Foundation
import Matrix

/// Saving and loading weights in the safetensors format
/// (https://github.com/huggingface/safetensors), so that weights trained here open in Python's
/// `safetensors` and PyTorch, and weights trained there load here.
///
/// A file is an 8-byte little-endian header size N, N bytes of JSON naming each tensor's dtype,
/// shape and byte range (`data_offsets`, relative to the data), then the raw little-endian data.
///
///     try SafeTensors.write(["wq": wq, "wk": wk], metadata: ["step": "100"], to: url)
///     let wq = try SafeTensors.read(from: url).matrix("wq", shape: [512, 64])
public enum SafeTensors {
  /// Writes `tensors` as F64 to `url`, atomically: the bytes go to a temporary file in the same
  /// directory, which is flushed to disk and then renamed over `url`. If anything fails the
  /// temporary file is removed and `url` is untouched.
  ///
  /// The output is deterministic: tensors sorted by name (by UTF-8 bytes) in the header and the
  /// data, compact JSON, padded with spaces so that the data starts 8-byte aligned.
  public static func write(
    _ tensors: [String: Tensor], metadata: [String: String] = [:], to url: URL
  ) throws(SafeTensorsError) {
    try writeAtomically(encode(tensors, metadata: metadata, path: url.path), to: url)
  }

  /// Writes matrices as `[rows, columns]` F64 tensors; see `write(_:metadata:to:)`.
  public static func write(
    _ matrices: [String: Matrix], metadata: [String: String] = [:], to url: URL
  ) throws(SafeTensorsError) {
    try write(matrices.mapValues { Tensor($0) }, metadata: metadata, to: url)
  }

  /// Reads and checks the file at `url`; the tensors are converted when asked for.
  public static func read(from url: URL) throws(SafeTensorsError) -> SafeTensorsFile {
    let path = url.path
    let data: Data
    do {
      data = try Data(contentsOf: url, options: .mappedIfSafe)
    } catch {
      let missing = !FileManager.default.fileExists(atPath: path)
      throw .cannotOpen(path: path, reason: missing ? "no such file" : "\(error)")
    }
    guard data.count >= 8 else {
      throw .truncated(
        path: path, tensor: nil,
        reason: "the file has \(data.count) bytes, fewer than the 8 of the header size")
    }
    let size = data.prefix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    guard size <= UInt64(data.count - 8) else {
      throw .truncated(
        path: path, tensor: nil,
        reason: "the header size says \(size) bytes but only \(data.count - 8) follow it")
    }
    let headerEnd = data.startIndex + 8 + Int(size)
    let header = try parseHeader(data[data.startIndex + 8..<headerEnd], path: path)
    let body = data[headerEnd...]
    try checkLayout(header, dataCount: body.count, path: path)
    return SafeTensorsFile(path: path, header: header, data: body)
  }

  /// The bytes of a file holding `tensors`; throws for a name that cannot be written.
  static func encode(
    _ tensors: [String: Tensor], metadata: [String: String], path: String
  ) throws(SafeTensorsError) -> Data {
    for name in tensors.keys where name.isEmpty || name == "__metadata__" {
      throw .invalidName(path: path, name: name)
    }
    let sorted = tensors.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
      .map { (name: $0.key, tensor: $0.value) }
    let header = encodeHeader(sorted, metadata: metadata)
    var bytes = Data(
      capacity: 8 + header.count + sorted.reduce(0) { $0 + $1.tensor.values.count * 8 })
    withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes.append(contentsOf: $0) }
    bytes.append(header)
    for (_, tensor) in sorted { bytes.append(encodeDoubles(tensor.values)) }
    return bytes
  }
}
