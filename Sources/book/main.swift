// `make book`: renders book.md and figures/ from the notebooks in Chapters/.
// Run it from the project root. On any error it prints the notebook's file and line, exits 1,
// and leaves the previous book.md and figures/ untouched.
import BookEngine
import Foundation

let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
do {
  try Renderer(root: root).render { print($0) }
} catch {
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  exit(1)
}
