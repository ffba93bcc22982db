/// The command line, parsed: a command, one sentence, and options.
struct Arguments: Equatable {
  enum Command: String, CaseIterable {
    case translate, trace, train
  }

  var command: Command
  var sentence: String?
  var beam = 1
  var top = 1
  var maxLength = 10
  var weights: String?
  var save: String?
  var target: String?
  var steps: Int?

  /// Parses `arguments` (without the program's name). Throws `CommandError.usage` naming what
  /// is wrong: an unknown command or option, a missing value, a value that is not a number.
  init(_ arguments: [String]) throws(CommandError) {
    guard let first = arguments.first else { throw .usage("no command given") }
    guard let command = Command(rawValue: first) else {
      throw .usage("unknown command \"\(first)\"")
    }
    self.command = command
    var rest = arguments.dropFirst()
    while let argument = rest.popFirst() {
      guard argument.hasPrefix("--") else {
        guard sentence == nil else { throw .usage("more than one sentence: \"\(argument)\"") }
        sentence = argument
        continue
      }
      guard let value = rest.popFirst() else { throw .usage("\(argument) needs a value") }
      func number() throws(CommandError) -> Int {
        guard let n = Int(value), n >= 1 else {
          throw .usage("\(argument) needs a whole number of at least 1, not \"\(value)\"")
        }
        return n
      }
      switch argument {
      case "--beam": beam = try number()
      case "--top": top = try number()
      case "--max-length": maxLength = try number()
      case "--steps": steps = try number()
      case "--weights": weights = value
      case "--save": save = value
      case "--target": target = value
      default: throw .usage("unknown option \(argument)")
      }
    }
    if command != .train && sentence == nil {
      throw .usage("\(command.rawValue) needs a sentence, e.g. \"je suis étudiant\"")
    }
    if command == .train && save == nil { throw .usage("train needs --save FILE") }
    if top > beam { throw .usage("--top \(top) is more than --beam \(beam)") }
  }
}

/// What the command reports before it exits with an error.
enum CommandError: Error, CustomStringConvertible {
  /// Bad arguments: exit status 2, with the usage text.
  case usage(String)
  /// A word the model does not know: exit status 1.
  case unknownWord(String, known: [String])
  /// Anything else (a weights file that cannot be read, …): exit status 1.
  case failed(String)

  var description: String {
    switch self {
    case .usage(let problem):
      return "transformer: \(problem)\n\n" + usageText
    case .unknownWord(let word, let known):
      return "transformer: unknown word \"\(word)\": the model knows "
        + known.joined(separator: ", ")
    case .failed(let message):
      return "transformer: \(message)"
    }
  }

  var status: Int32 {
    if case .usage = self { return 2 }
    return 1
  }
}

let usageText = """
  Usage:
    transformer translate "je suis étudiant" [--beam N] [--top N] [--max-length N] [--weights FILE]
    transformer trace "je suis étudiant" [--target "i am a student"] [--weights FILE]
    transformer train --save FILE [--steps N]

  translate  greedy decoding (--beam 1, the default) or beam search, printing every step
  trace      every intermediate matrix of one forward pass, in the book's order
  train      train the post's example and save its weights (safetensors)

  Without --weights, the post's example is trained first, as in Chapter 8 (a few seconds).
  """
