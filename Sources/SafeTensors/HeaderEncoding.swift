import Foundation

/// The header of a file holding `tensors` (already sorted by name, F64, laid out one after the
/// other in that order) as compact JSON written by hand, so that the same weights always give
/// the same bytes: `__metadata__` first (keys sorted), then each tensor as
/// `"name":{"dtype":"F64","shape":[2,3],"data_offsets":[0,48]}`, padded with spaces to a
/// multiple of 8 bytes so that the data that follows the 8-byte size starts 8-byte aligned.
func encodeHeader(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String])
  -> Data
{
  var fields: [String] = []
  if !metadata.isEmpty {
    let pairs = metadata.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
      .map { jsonString($0.key) + ":" + jsonString($0.value) }
    fields.append("\"__metadata__\":{" + pairs.joined(separator: ",") + "}")
  }
  var offset = 0
  for (name, tensor) in tensors {
    let end = offset + tensor.values.count * 8
    let shape = tensor.shape.map(String.init).joined(separator: ",")
    fields.append(
      jsonString(name) + ":{\"dtype\":\"F64\",\"shape\":[\(shape)],"
        + "\"data_offsets\":[\(offset),\(end)]}")
    offset = end
  }
  var header = Data(("{" + fields.joined(separator: ",") + "}").utf8)
  header.append(contentsOf: repeatElement(0x20, count: (8 - header.count % 8) % 8))
  return header
}

/// `text` as a JSON string literal, escaped the way Python's `json.dumps(ensure_ascii=False)`
/// does: `"` and `\` with a backslash, control characters as `\n`, `\t`, ... or `\u001f`, and
/// everything else as its UTF-8 bytes.
func jsonString(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": result += "\\\""
    case "\\": result += "\\\\"
    case "\n": result += "\\n"
    case "\r": result += "\\r"
    case "\t": result += "\\t"
    case "\u{08}": result += "\\b"
    case "\u{0C}": result += "\\f"
    case "\u{00}"..."\u{1F}":
      let hex = String(scalar.value, radix: 16)
      result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    default: result.unicodeScalars.append(scalar)
    }
  }
  return result + "\""
}
