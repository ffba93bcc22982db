/// Why a safetensors file could not be read or written. Every description opens with the file's
/// path and names the tensor where one is involved:
///
///     weights.safetensors: tensor "decoder.0.ffn.w1" has shape [512, 1024], expected [512, 2048]
public enum SafeTensorsError: Error, Equatable, CustomStringConvertible {
  /// The file does not exist or cannot be read.
  case cannotOpen(path: String, reason: String)
  /// The file ends before its header or a tensor's data does.
  case truncated(path: String, tensor: String?, reason: String)
  /// The header is not the JSON the format describes, or its offsets do not fit together.
  case malformedHeader(path: String, tensor: String?, reason: String)
  /// The tensor's dtype is unknown, or known but not readable as `Double`.
  case unsupportedDType(path: String, tensor: String, dtype: String)
  /// No tensor has this name; `available` lists the names the file has, sorted.
  case missingTensor(path: String, tensor: String, available: [String])
  /// The tensor's shape differs from the one the caller expected.
  case wrongShape(path: String, tensor: String, shape: [Int], expected: [Int])
  /// A name that cannot be written (empty, or the reserved `__metadata__`).
  case invalidName(path: String, name: String)
  /// The file could not be written; the destination is unchanged.
  case cannotWrite(path: String, reason: String)

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason):
      return "\(path): cannot be opened: \(reason)"
    case .truncated(let path, let tensor, let reason):
      return "\(path): truncated: \(tensorPrefix(tensor))\(reason)"
    case .malformedHeader(let path, let tensor, let reason):
      return "\(path): malformed header: \(tensorPrefix(tensor))\(reason)"
    case .unsupportedDType(let path, let tensor, let dtype):
      return "\(path): tensor \(quoted(tensor)) has dtype \(quoted(dtype)), which cannot be read "
        + "as Double (readable: \(readableDTypes.joined(separator: ", ")))"
    case .missingTensor(let path, let tensor, let available):
      let listed = available.prefix(5).map(quoted).joined(separator: ", ")
      let more = available.count > 5 ? ", …" : ""
      return "\(path): no tensor named \(quoted(tensor)) (the file has \(available.count): "
        + "\(listed)\(more))"
    case .wrongShape(let path, let tensor, let shape, let expected):
      return "\(path): tensor \(quoted(tensor)) has shape \(shape), expected \(expected)"
    case .invalidName(let path, let name):
      return "\(path): cannot write a tensor named \(quoted(name)): names must be non-empty "
        + "and not \"__metadata__\""
    case .cannotWrite(let path, let reason):
      return "\(path): cannot be written: \(reason)"
    }
  }
}

private func quoted(_ name: String) -> String { "\"\(name)\"" }

private func tensorPrefix(_ tensor: String?) -> String {
  tensor.map { "tensor \(quoted($0)): " } ?? ""
}
