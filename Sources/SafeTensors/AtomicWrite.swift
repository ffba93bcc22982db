import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes `bytes` to `url` so that a crash never leaves half a file: the bytes go to a new
/// temporary file beside `url` (same directory, so same file system), which is fsync'ed and then
/// renamed over `url` with rename(2), which replaces the destination in one step. On any failure
/// the temporary file is removed and `url` is untouched.
func writeAtomically(_ bytes: Data, to url: URL) throws(SafeTensorsError) {
  let path = url.path
  let directory = url.deletingLastPathComponent().path
  let temporary = directory + "/." + url.lastPathComponent + "." + UUID().uuidString + ".tmp"
  func failure(_ step: String) -> SafeTensorsError {
    .cannotWrite(path: path, reason: "\(step): \(String(cString: strerror(errno)))")
  }

  let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
  guard descriptor >= 0 else { throw failure("creating a temporary file in \(directory)") }
  var renamed = false
  defer {
    if !renamed { unlink(temporary) }
  }
  var failed: SafeTensorsError?
  if !writeAll(bytes, to: descriptor) {
    failed = failure("writing \(temporary)")
  } else if fsync(descriptor) != 0 {
    failed = failure("flushing \(temporary) to disk")
  }
  if close(descriptor) != 0, failed == nil { failed = failure("closing \(temporary)") }
  if let failed { throw failed }
  guard rename(temporary, path) == 0 else { throw failure("renaming \(temporary) over it") }
  renamed = true
  syncDirectory(directory)
}

/// Writes every byte, retrying short writes and interrupted calls; false on an error (errno set).
private func writeAll(_ bytes: Data, to descriptor: Int32) -> Bool {
  bytes.withUnsafeBytes { raw in
    var offset = 0
    while offset < raw.count {
      let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += written
    }
    return true
  }
}

/// Flushes the directory entry of the rename to disk, best effort: some file systems refuse to
/// fsync a directory, and the file's contents are already safe.
private func syncDirectory(_ directory: String) {
  let descriptor = open(directory, O_RDONLY | O_CLOEXEC)
  guard descriptor >= 0 else { return }
  _ = fsync(descriptor)
  close(descriptor)
}
