import Foundation

/// Where one tensor's bytes are and how to read them, as the header says.
struct TensorEntry: Equatable {
  var dtype: String
  var shape: [Int]
  /// Byte offsets into the data section; `end` is exclusive.
  var begin: Int
  var end: Int
}

/// The parsed header: the tensors by name and the optional string-to-string metadata.
struct Header {
  var tensors: [String: TensorEntry]
  var metadata: [String: String]
}

/// Parses the JSON header of the file at `path` and checks every entry: a known dtype, a shape
/// of non-negative integers, and offsets spanning exactly shape × dtype size bytes.
func parseHeader(_ bytes: Data, path: String) throws(SafeTensorsError) -> Header {
  func malformed(_ tensor: String?, _ reason: String) -> SafeTensorsError {
    .malformedHeader(path: path, tensor: tensor, reason: reason)
  }
  guard let json = try? JSONSerialization.jsonObject(with: bytes),
    let object = json as? [String: Any]
  else { throw malformed(nil, "the header is not a JSON object") }
  var header = Header(tensors: [:], metadata: [:])
  for (name, value) in object {
    if name == "__metadata__" {
      guard let metadata = value as? [String: String] else {
        throw malformed(nil, "__metadata__ is not an object of strings")
      }
      header.metadata = metadata
      continue
    }
    guard let fields = value as? [String: Any] else { throw malformed(name, "not an object") }
    guard let dtype = fields["dtype"] as? String else {
      throw malformed(name, "no \"dtype\" string")
    }
    guard let shape = integers(fields["shape"]) else {
      throw malformed(name, "no \"shape\" list of integers")
    }
    guard let offsets = integers(fields["data_offsets"]), offsets.count == 2 else {
      throw malformed(name, "no \"data_offsets\" pair of integers")
    }
    guard let size = dtypeSizes[dtype] else {
      throw .unsupportedDType(path: path, tensor: name, dtype: dtype)
    }
    let entry = TensorEntry(dtype: dtype, shape: shape, begin: offsets[0], end: offsets[1])
    guard let count = elementCount(of: shape),
      case (let bytes, false) =
        count.multipliedReportingOverflow(by: size)
    else { throw malformed(name, "shape \(shape) is not a valid size") }
    guard entry.begin >= 0, entry.end - entry.begin == bytes else {
      throw malformed(
        name,
        "data_offsets [\(entry.begin), \(entry.end)] span \(entry.end - entry.begin) bytes, "
          + "but shape \(shape) of \(dtype) needs \(count) × \(size) = \(bytes)")
    }
    header.tensors[name] = entry
  }
  return header
}

/// Checks that the tensors' byte ranges tile the data section, `dataCount` bytes long, exactly:
/// in order of offsets, each begins where the previous one ended, and the last ends at the end.
func checkLayout(_ header: Header, dataCount: Int, path: String) throws(SafeTensorsError) {
  let ordered = header.tensors.sorted {
    ($0.value.begin, $0.value.end) < ($1.value.begin, $1.value.end)
  }
  var end = 0
  var previous: String?
  for (name, entry) in ordered {
    guard entry.begin == end else {
      let after =
        previous.map { "tensor \"\($0)\" ends at byte \(end)" } ?? "the data starts at byte 0"
      let problem = entry.begin < end ? "overlaps" : "leaves a gap"
      throw .malformedHeader(
        path: path, tensor: name,
        reason: "data_offsets begin at byte \(entry.begin) but \(after) (\(problem))")
    }
    guard entry.end <= dataCount else {
      throw .truncated(
        path: path, tensor: name,
        reason: "its data ends at byte \(entry.end) but the data section has \(dataCount) bytes")
    }
    end = entry.end
    previous = name
  }
  guard end == dataCount else {
    throw .malformedHeader(
      path: path, tensor: nil,
      reason: "the data section has \(dataCount) bytes but the tensors cover \(end)")
  }
}

/// A JSON list of non-negative integers, or nil. (Foundation reads a JSON `2.0` or `true` as a
/// number equal to an integer, so those pass as 2 and 1; fractions and negatives do not.)
private func integers(_ value: Any?) -> [Int]? {
  guard let list = value as? [Any] else { return nil }
  let result = list.compactMap { $0 as? Int }.filter { $0 >= 0 }
  return result.count == list.count ? result : nil
}
