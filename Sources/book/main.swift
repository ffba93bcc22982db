// `make book`: renders book.md and figures/ from the notebooks in Chapters/.
// `make try-this` (`book try-this`): checks every notebook's "Try this" on a scratch copy.
// It finds the project folder by looking up from the working directory (then from its own
// location, for Xcode's Run button). On any error it prints the notebook's file and line,
// exits 1, and leaves the previous book.md and figures/ untouched.
import BookEngine
import Foundation

let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
do {
  guard
    let root = Renderer.findRoot(from: workingDirectory) ?? Renderer.findRoot(from: executable)
  else { throw BookError.noProjectRoot(searchedFrom: workingDirectory.path) }
  let log: (String) -> Void = {
    print($0)
    fflush(nil)
  }
  if CommandLine.arguments.dropFirst().first == "try-this" {
    try Renderer(root: root).checkTryThis(log: log)
  } else {
    try Renderer(root: root).render(log: log)
  }
} catch {
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  exit(1)
}
