import Foundation
import Testing

/// The `transformer` command, run as a learner runs it: as a process, with its output and exit
/// status checked. The good cases load a committed weights file (Fixtures/post-example.safetensors,
/// written by `transformer train --save`), so that no test waits for training.
@Suite("The transformer command, run as a process")
struct TransformerCommandTests {
  /// The project folder, from this file's path.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let weights = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "Fixtures/post-example.safetensors").path

  /// The executable `swift test` built beside this test bundle (or in .build/debug).
  static func executable() throws -> URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appending(path: "transformer")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    let fallback = root.appending(path: ".build/debug/transformer")
    try #require(
      FileManager.default.isExecutableFile(atPath: fallback.path),
      "build the command first: swift build --product transformer")
    return fallback
  }

  /// Runs the command with `arguments`; returns its exit status, output and error output.
  static func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = try executable()
    process.arguments = arguments
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outputData, as: UTF8.self),
      String(decoding: errorData, as: UTF8.self)
    )
  }

  @Test func greedyTranslationOfThePostsSentence() throws {
    let result = try Self.run(["translate", "je suis étudiant", "--weights", Self.weights])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("step 1:"))
    #expect(result.output.contains("i am a student <eos>    (probability"))
  }

  @Test func beamSearchPrintsTheKeptBeamsAndTheTopTwo() throws {
    let result = try Self.run([
      "translate", "merci", "--beam", "2", "--top", "2", "--weights", Self.weights,
    ])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("Beam search of \"merci\" (beam 2, top 2):"))
    #expect(result.output.contains("1. thanks <eos>"))
    #expect(result.output.contains("2. "))
  }

  @Test func traceModePrintsEveryStepInOrder() throws {
    let result = try Self.run([
      "trace", "je suis étudiant", "--target", "i am a student", "--weights", Self.weights,
    ])
    #expect(result.status == 0, "\(result.error)")
    let steps = [
      "Encoder input", "Encoder layer 1, head 1, self-attention weights", "add: x + attention",
      "Decoder input", "masked self-attention weights", "encoder-decoder attention weights",
      "Final linear layer: logits", "Softmax: probabilities", "loss (mean cross-entropy)",
    ]
    var position = result.output.startIndex
    for step in steps {
      let found = try #require(
        result.output.range(of: step, range: position..<result.output.endIndex),
        "\"\(step)\" missing or out of order")
      position = found.upperBound
    }
  }

  @Test func trainingSavesWeightsThatTranslateLoads() throws {
    let file = FileManager.default.temporaryDirectory.appending(
      path: "transformer-command-\(UUID().uuidString).safetensors")
    defer { try? FileManager.default.removeItem(at: file) }
    let trained = try Self.run(["train", "--save", file.path, "--steps", "3"])
    #expect(trained.status == 0, "\(trained.error)")
    #expect(trained.output.contains("Trained 3 steps"))
    let translated = try Self.run(["translate", "merci", "--weights", file.path])
    #expect(translated.status == 0, "\(translated.error)")
  }

  @Test(arguments: [
    (["translate", "bonjour", "--weights", weights], Int32(1), "unknown word \"bonjour\""),
    (["translate", "je suis", "--beam", "two"], 2, "--beam needs a whole number"),
    (["translate", "je suis", "--colour", "red"], 2, "unknown option --colour"),
    (["translate"], 2, "translate needs a sentence"),
    (["speak", "merci"], 2, "unknown command \"speak\""),
    (["translate", "merci", "--beam", "1", "--top", "2"], 2, "--top 2 is more than --beam 1"),
    (["train"], 2, "train needs --save FILE"),
    (
      ["translate", "merci", "--weights", "/no/such/file.safetensors"], 1,
      "/no/such/file.safetensors"
    ),
  ])
  func badArgumentsSayWhatIsWrong(arguments: [String], status: Int32, message: String) throws {
    let result = try Self.run(arguments)
    #expect(result.status == status)
    #expect(result.error.contains(message), "\(result.error)")
    #expect(result.output.isEmpty)
  }

  @Test func helpPrintsTheUsage() throws {
    let result = try Self.run(["--help"])
    #expect(result.status == 0)
    #expect(result.output.contains("transformer translate \"je suis étudiant\" [--beam N]"))
  }
}
