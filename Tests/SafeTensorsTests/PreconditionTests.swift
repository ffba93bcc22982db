import Foundation
import SafeTensors
import TestSupport
import Testing

/// Programming errors (not bad files) trap with a message naming the shapes.
@Suite("Bad shapes in code trap with the shape in the message")
struct PreconditionTests {
  @Test func tensorValuesDoNotFillTheShape() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Tensor(shape: [2, 3], values: [1, 2, 3])
    }
    #expect(standardError(of: result).contains("Tensor: shape [2, 3] needs 6 values, got 3"))
  }

  @Test func tensorShapeHasANegativeSize() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Tensor(shape: [-1, 3], values: [])
    }
    #expect(standardError(of: result).contains("Tensor: shape [-1, 3] has a negative size"))
  }

  @Test func matrixShapeIsNotTwoDimensional() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("safetensors-precondition-\(UUID().uuidString).safetensors")
      defer { try? FileManager.default.removeItem(at: url) }
      try? SafeTensors.write(["w": Tensor(vector: [1, 2])], to: url)
      _ = try? SafeTensors.read(from: url).matrix("w", shape: [2])
    }
    #expect(
      standardError(of: result).contains("SafeTensorsFile.matrix: shape [2] is not [rows, columns]")
    )
  }
}
