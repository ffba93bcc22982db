import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// How many threads `matmul` may use: the machine's cores unless the environment variable
/// `TRANSFORMER_THREADS` says otherwise, or a program sets it.
///
///     MatmulThreads.count = 1   // one thread, e.g. to time the single-threaded kernel
///
/// The result of `matmul` is the same, bit for bit, for every thread count: each element of C is
/// computed by one thread, with the same products summed in the same order.
public enum MatmulThreads {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var stored: Int? = nil

  /// The number of threads, at least 1.
  public static var count: Int {
    get {
      lock.lock()
      defer { lock.unlock() }
      if let stored { return stored }
      let fromEnvironment = ProcessInfo.processInfo.environment["TRANSFORMER_THREADS"]
        .flatMap { Int($0) }
      let value = max(1, fromEnvironment ?? ProcessInfo.processInfo.activeProcessorCount)
      stored = value
      return value
    }
    set {
      lock.lock()
      defer { lock.unlock() }
      stored = max(1, newValue)
    }
  }

  /// Below this many multiply-adds a product runs on one thread: starting threads would cost
  /// more than it saves.
  static let minimumWorkPerThread = 1 << 18

  /// Runs `body` with `threads` threads for the products and `concurrentMap`s it starts on this
  /// thread, whatever `count` says elsewhere; the results are the same as with any other count.
  ///
  ///     let trace = MatmulThreads.with(threads: 1) { layer.trace(x) }
  public static func with<Result>(threads: Int, _ body: () throws -> Result) rethrows -> Result {
    try $scopedCount.withValue(max(1, threads)) { try body() }
  }

  /// The count set by `with(threads:_:)` around the current code, if any.
  @TaskLocal static var scopedCount: Int? = nil

  /// True inside `concurrentMap`'s work: the threads are busy already, so each product there
  /// runs on the thread that asks for it.
  @TaskLocal static var insideConcurrentWork = false

  /// The threads a product may use here: 1 inside `concurrentMap`, else `with(threads:_:)`'s
  /// count, else `count`.
  static var forThisProduct: Int { insideConcurrentWork ? 1 : (scopedCount ?? count) }
}

extension RandomAccessCollection where Self: Sendable, Element: Sendable, Index == Int {
  /// `map(transform)` on up to `MatmulThreads.count` threads (or `with(threads:_:)`'s count),
  /// for work whose items are independent: the heads of multi-head attention, the sentence
  /// pairs of a training batch. The results come back in the collection's order and are the same, bit for bit, for every
  /// thread count: each item is computed by one thread, exactly as `map` would compute it (the
  /// products inside run on that thread alone).
  ///
  ///     let traces = heads.concurrentMap { $0.trace(x) }   // == heads.map { $0.trace(x) }
  public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
    let threads = Swift.min(MatmulThreads.forThisProduct, count)
    guard threads > 1 else { return map(transform) }
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer {
      _ = results.deinitialize()
      results.deallocate()
    }
    // A pointer is not Sendable; its address is, and each item writes only its own slot.
    let address = Int(bitPattern: results.baseAddress)
    let start = startIndex
    DispatchQueue.concurrentPerform(iterations: count) { offset in
      MatmulThreads.$insideConcurrentWork.withValue(true) {
        let value = transform(self[start + offset])
        UnsafeMutablePointer<T?>(bitPattern: address)![offset] = value
      }
    }
    return results.map { $0! }
  }
}

/// Tells glibc's allocator to serve matrices of up to 64 MiB from its heap and to keep freed
/// memory, instead of mapping fresh pages from the system for every matrix over 128 KiB and
/// unmapping them when it is freed. With the default, a forward pass at the paper's size spends
/// about a fifth of its time in the kernel zeroing new pages. Called once, before the first
/// product (a global `let` is initialised once, on first use); elsewhere than glibc it does
/// nothing.
let largeAllocationsStayInTheHeap: Bool = {
  #if os(Linux) && canImport(Glibc)
    // <malloc.h>'s M_TRIM_THRESHOLD and M_MMAP_THRESHOLD.
    _ = glibcMallopt(-1, 256 << 20)
    _ = glibcMallopt(-3, 64 << 20)
  #endif
  return true
}()

#if os(Linux) && canImport(Glibc)
  /// glibc's `int mallopt(int param, int value)`, which the Glibc module does not export.
  @_silgen_name("mallopt")
  private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// C = A · B on up to `threads` threads. The rows of C (or its columns, when C has fewer rows
/// than columns) are cut into slabs whose edges are multiples of the kernel's tile, and each
/// thread runs the single-threaded kernel on its slab. Bitwise identical to `blockedMatmul`.
func parallelMatmul(
  m: Int, k: Int, n: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>,
  c: UnsafeMutablePointer<Double>, threads: Int,
  minimumWork: Int = MatmulThreads.minimumWorkPerThread,
  aTransposed: Bool = false, bTransposed: Bool = false
) {
  _ = largeAllocationsStayInTheHeap
  let work = m &* n &* k
  let byRows = m >= n
  let extent = byRows ? m : n
  let tile = byRows ? 6 : 8  // the register tile: rows of A, columns of B
  let slabs = min(threads, max(1, work / max(1, minimumWork)), extent / tile)
  // A stored as Aᵀ ([k, m]) has row stride m, and its row i starts at column i of the storage;
  // likewise B stored as Bᵀ ([n, k]).
  let (lda, ldb) = (aTransposed ? m : k, bTransposed ? k : n)
  let (aRow, bColumn) = (aTransposed ? 1 : lda, bTransposed ? ldb : 1)
  guard slabs > 1 else {
    blockedMatmul(
      m: m, k: k, n: n, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: n, aTransposed: aTransposed,
      bTransposed: bTransposed)
    return
  }
  let slab = (extent / slabs + tile - 1) / tile * tile  // a whole number of tiles
  let count = (extent + slab - 1) / slab
  // Pointers are not Sendable; their addresses are, and each slab writes only its own part of C.
  let (aAddress, bAddress, cAddress) = (Int(bitPattern: a), Int(bitPattern: b), Int(bitPattern: c))
  DispatchQueue.concurrentPerform(iterations: count) { index in
    let start = index * slab
    let size = min(slab, extent - start)
    let a = UnsafePointer<Double>(bitPattern: aAddress)!
    let b = UnsafePointer<Double>(bitPattern: bAddress)!
    let c = UnsafeMutablePointer<Double>(bitPattern: cAddress)!
    if byRows {
      blockedMatmul(
        m: size, k: k, n: n, a: a + start * aRow, lda: lda, b: b, ldb: ldb, c: c + start * n,
        ldc: n, aTransposed: aTransposed, bTransposed: bTransposed)
    } else {
      blockedMatmul(
        m: m, k: k, n: size, a: a, lda: lda, b: b + start * bColumn, ldb: ldb, c: c + start,
        ldc: n, aTransposed: aTransposed, bTransposed: bTransposed)
    }
  }
}
