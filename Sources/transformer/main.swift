// `swift run transformer translate "je suis étudiant" --beam 2`: the post's example, trained
// as in Chapter 8 (or loaded from a safetensors file), translating with Chapter 9's decoders.
// Bad arguments print a message and the usage, and exit with status 2; an unknown word or an
// unreadable weights file exits with status 1.
import Foundation

if let first = CommandLine.arguments.dropFirst().first, ["help", "--help", "-h"].contains(first) {
  print(usageText)
  exit(0)
}
do {
  let arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
  switch arguments.command {
  case .translate: try translate(arguments)
  case .trace: try traceForward(arguments)
  case .train: try train(arguments)
  }
} catch {
  printToStandardError(error.description)
  exit(error.status)
}
