import Foundation

/// The element types a safetensors header may name, with their sizes in bytes. Every one is
/// known so that offsets can be checked for the whole file; only F64 and F32 are read as
/// `Double` (F32 exactly, since every `Float` is a `Double`).
let dtypeSizes: [String: Int] = [
  "BOOL": 1, "U8": 1, "I8": 1, "F8_E5M2": 1, "F8_E4M3": 1,
  "I16": 2, "U16": 2, "F16": 2, "BF16": 2,
  "I32": 4, "U32": 4, "F32": 4,
  "I64": 8, "U64": 8, "F64": 8,
]

/// The dtypes `decodeDoubles` reads.
let readableDTypes = ["F64", "F32"]

/// `count` little-endian numbers of type `dtype` from `bytes`, as Doubles, or nil when the dtype
/// is not readable. The caller has checked that `bytes` holds exactly `count` elements.
func decodeDoubles(_ bytes: Data, dtype: String, count: Int) -> [Double]? {
  bytes.withUnsafeBytes { raw -> [Double]? in
    switch dtype {
    case "F64":
      return (0..<count).map { index in
        let bits = raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
        return Double(bitPattern: UInt64(littleEndian: bits))
      }
    case "F32":
      return (0..<count).map { index in
        let bits = raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)
        return Double(Float(bitPattern: UInt32(littleEndian: bits)))
      }
    default:
      return nil
    }
  }
}

/// The values as little-endian F64 bytes, bit for bit (negative zero, NaN payloads and all).
func encodeDoubles(_ values: [Double]) -> Data {
  values.map { $0.bitPattern.littleEndian }.withUnsafeBytes { Data($0) }
}
