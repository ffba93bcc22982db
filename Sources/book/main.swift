// `make book`: renders book.md and figures/ from the notebooks in Chapters/.
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
  try Renderer(root: root).render {
    print($0)
    fflush(nil)
  }
} catch {
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  exit(1)
}
