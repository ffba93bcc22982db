import Foundation
import Matrix

/// A safetensors file read into memory, with its header checked: every tensor has a known dtype,
/// offsets that match its shape, and the tensors' bytes tile the data section exactly.
/// Accessors check the shape the caller expects:
///
///     let file = try SafeTensors.read(from: url)
///     let wq = try file.matrix("encoder.0.attention.wq", shape: [512, 64])
///     let bias = try file.vector("encoder.0.ffn.b1", count: 2048)
public struct SafeTensorsFile: Sendable {
  /// The file's path, as error messages print it.
  public let path: String
  /// The header's `__metadata__` (string to string), empty when the file has none.
  public let metadata: [String: String]
  let entries: [String: TensorEntry]
  let data: Data

  init(path: String, header: Header, data: Data) {
    self.path = path
    self.metadata = header.metadata
    self.entries = header.tensors
    self.data = data
  }

  /// The tensors' names, sorted.
  public var names: [String] { entries.keys.sorted() }

  /// The shape of the tensor named `name` as the header gives it.
  public func shape(of name: String) throws(SafeTensorsError) -> [Int] {
    try entry(name).shape
  }

  /// The dtype of the tensor named `name` as the header gives it (`"F64"`, `"F32"`, ...).
  public func dtype(of name: String) throws(SafeTensorsError) -> String {
    try entry(name).dtype
  }

  /// The tensor named `name`, whatever its shape, converted to Double.
  public func tensor(_ name: String) throws(SafeTensorsError) -> Tensor {
    let entry = try entry(name)
    let bytes = data[data.startIndex + entry.begin..<data.startIndex + entry.end]
    let count = elementCount(of: entry.shape)!  // checked by parseHeader
    guard let values = decodeDoubles(Data(bytes), dtype: entry.dtype, count: count) else {
      throw .unsupportedDType(path: path, tensor: name, dtype: entry.dtype)
    }
    return Tensor(shape: entry.shape, values: values)
  }

  /// The 2-D tensor named `name` as a Matrix; throws unless its shape is `shape`.
  ///
  /// Traps unless `shape` has two sizes. Shape: stored [rows, columns] -> [rows, columns]
  public func matrix(_ name: String, shape: [Int]) throws(SafeTensorsError) -> Matrix {
    checkPrecondition(
      shape.count == 2, "SafeTensorsFile.matrix: shape \(shape) is not [rows, columns]")
    let tensor = try tensor(name, expecting: shape)
    return Matrix(rows: shape[0], columns: shape[1], elements: tensor.values)
  }

  /// The 1-D tensor named `name` as an array; throws unless its shape is `[count]`.
  ///
  /// Shape: stored [count] -> [count]
  public func vector(_ name: String, count: Int) throws(SafeTensorsError) -> [Double] {
    try tensor(name, expecting: [count]).values
  }

  /// The 1-D tensor named `name` (how PyTorch stores a bias) as a one-row Matrix; throws unless
  /// its shape is `[columns]`.
  ///
  /// Shape: stored [columns] -> [1, columns]
  public func rowMatrix(_ name: String, columns: Int) throws(SafeTensorsError) -> Matrix {
    Matrix(row: try vector(name, count: columns))
  }

  private func tensor(_ name: String, expecting shape: [Int]) throws(SafeTensorsError) -> Tensor {
    let stored = try entry(name).shape
    guard stored == shape else {
      throw .wrongShape(path: path, tensor: name, shape: stored, expected: shape)
    }
    return try tensor(name)
  }

  private func entry(_ name: String) throws(SafeTensorsError) -> TensorEntry {
    guard let entry = entries[name] else {
      throw .missingTensor(path: path, tensor: name, available: names)
    }
    return entry
  }
}
