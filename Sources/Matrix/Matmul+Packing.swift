import CPrefetch
import Foundation

// Packing for the blocked matmul (design in Matmul+Blocked.swift): B into 8-column micro-panels,
// A into 6-row micro-panels, in buffers each thread keeps and reuses.

/// Packs B[p0..<p0+kc, j0..<j0+nc] (row stride n) into 8-column micro-panels, each kc x 8,
/// zero-padding the last one. B is read eight rows at a time, left to right, so that reads
/// follow memory order in eight streams and each panel receives 8 × 8 contiguous values (eight
/// whole cache lines) at a time; reading one panel top to bottom instead would jump a whole row
/// of B (16 KiB for a [512, 2048] matrix) between loads and wait for memory at every one. Each
/// load also requests the line 16 rows below it, so that memory works ahead of the copy: for
/// a [512, 64] weight matrix in no cache, [64, 512] times it took 120 µs, 102 with the requests.
func packB(
  _ b: UnsafePointer<Double>, _ n: Int, _ p0: Int, _ kc: Int, _ j0: Int, _ nc: Int,
  _ dst: UnsafeMutablePointer<Double>
) {
  let nr = BlockedMatmul.nr
  let fullPanels = nc / nr
  let rest = nc &- fullPanels &* nr
  let panelStride = kc &* nr
  // Rows ahead of the one being copied whose lines are requested from memory: two groups of 8.
  let prefetchDistance = 16
  var p = 0
  while p < kc {
    let rows = min(8, kc &- p)
    let src = b + ((p0 &+ p) &* n &+ j0)
    var panel = 0
    while panel < fullPanels {
      let from = src + panel &* nr
      let to = dst + (panel &* panelStride &+ p &* nr)
      var r = 0
      while r < rows {
        if p &+ r &+ prefetchDistance < kc {
          prefetchForReading(from + (r &+ prefetchDistance) &* n)
        }
        store8(load8(from + r &* n), to + r &* nr)
        r &+= 1
      }
      panel &+= 1
    }
    if rest > 0 {
      let to = dst + (fullPanels &* panelStride &+ p &* nr)
      var r = 0
      while r < rows {
        let from = src + (r &* n &+ fullPanels &* nr)
        var j = 0
        while j < rest { to[r &* nr &+ j] = from[j]; j &+= 1 }
        while j < nr { to[r &* nr &+ j] = 0; j &+= 1 }
        r &+= 1
      }
    }
    p &+= 8
  }
}

/// Packs A[i0..<i0+mc, p0..<p0+kc] (row stride k) into 6-row micro-panels, each kc x 6 with the
/// 6 values of one column contiguous, zero-padding the last one.
func packA(
  _ a: UnsafePointer<Double>, _ k: Int, _ i0: Int, _ mc: Int, _ p0: Int, _ kc: Int,
  _ dst: UnsafeMutablePointer<Double>
) {
  let mr = BlockedMatmul.mr
  var d = dst
  var ir = 0
  while ir < mc {
    let h = min(mr, mc &- ir)
    let src = a + ((i0 &+ ir) &* k &+ p0)
    var p = 0
    if h == mr {
      let s0 = src
      let s1 = src + k
      let s2 = src + 2 &* k
      let s3 = src + 3 &* k
      let s4 = src + 4 &* k
      let s5 = src + 5 &* k
      while p < kc {
        d[0] = s0[p]
        d[1] = s1[p]
        d[2] = s2[p]
        d[3] = s3[p]
        d[4] = s4[p]
        d[5] = s5[p]
        d += mr
        p &+= 1
      }
    } else {
      packPanel(src, lineStride: k, step: 1, lines: h, width: mr, kc, d)
      d += kc &* mr
    }
    ir &+= mr
  }
}

/// One panel `width` values wide: value r of step p is src[r * lineStride + p * step], for the
/// panel's first `lines` values; the rest of each step is zero padding.
@inline(__always)
func packPanel(
  _ src: UnsafePointer<Double>, lineStride: Int, step: Int, lines: Int, width: Int, _ kc: Int,
  _ dst: UnsafeMutablePointer<Double>
) {
  var to = dst
  var p = 0
  while p < kc {
    let from = src + p &* step
    var r = 0
    while r < lines { to[r] = from[r &* lineStride]; r &+= 1 }
    while r < width { to[r] = 0; r &+= 1 }
    to += width
    p &+= 1
  }
}

/// `packB` for B stored as its transpose (Bᵀ, [n, k], row stride ldb): B's element (p, j) is
/// b[j * ldb + p]. A panel's 8 columns are 8 rows of the storage, read side by side from p0 on,
/// so that the transpose costs nothing beyond the packing (matmulBackward's dC · Bᵀ).
func packTransposedB(
  _ b: UnsafePointer<Double>, _ ldb: Int, _ p0: Int, _ kc: Int, _ j0: Int, _ nc: Int,
  _ dst: UnsafeMutablePointer<Double>
) {
  let nr = BlockedMatmul.nr
  var jr = 0
  while jr < nc {
    let src = b + ((j0 &+ jr) &* ldb &+ p0)
    packPanel(
      src, lineStride: ldb, step: 1, lines: min(nr, nc &- jr), width: nr, kc, dst + jr &* kc)
    jr &+= nr
  }
}

/// `packA` for A stored as its transpose (Aᵀ, [k, m], row stride lda): A's element (i, p) is
/// a[p * lda + i], so the 6 values of a panel's step p lie side by side in the storage
/// (matmulBackward's Aᵀ · dC).
func packTransposedA(
  _ a: UnsafePointer<Double>, _ lda: Int, _ i0: Int, _ mc: Int, _ p0: Int, _ kc: Int,
  _ dst: UnsafeMutablePointer<Double>
) {
  let mr = BlockedMatmul.mr
  var ir = 0
  while ir < mc {
    let src = a + (p0 &* lda &+ i0 &+ ir)
    packPanel(
      src, lineStride: 1, step: lda, lines: min(mr, mc &- ir), width: mr, kc, dst + ir &* kc)
    ir &+= mr
  }
}

/// One thread's packing buffers, grown as needed and reused by every product on that thread.
final class PackingBuffers {
  private(set) var b: UnsafeMutablePointer<Double>
  private(set) var a: UnsafeMutablePointer<Double>
  let tile: UnsafeMutablePointer<Double>
  private var bCapacity = 0
  private var aCapacity = 0

  private init(tile count: Int) {
    b = Self.allocate(0)
    a = Self.allocate(0)
    tile = Self.allocate(count)
  }

  deinit {
    b.deallocate()
    a.deallocate()
    tile.deallocate()
  }

  private static func allocate(_ count: Int) -> UnsafeMutablePointer<Double> {
    UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) &* 8, alignment: 64)
      .bindMemory(to: Double.self, capacity: max(count, 1))
  }

  private static let key = "IllustratedTransformer.PackingBuffers"

  /// This thread's buffers, with room for at least `b`, `a` and `tile` Doubles.
  static func forCurrentThread(b bCount: Int, a aCount: Int, tile tileCount: Int)
    -> PackingBuffers
  {
    let dictionary = Thread.current.threadDictionary
    let buffers: PackingBuffers
    if let existing = dictionary[key] as? PackingBuffers {
      buffers = existing
    } else {
      buffers = PackingBuffers(tile: tileCount)
      dictionary[key] = buffers
    }
    if buffers.bCapacity < bCount {
      buffers.b.deallocate()
      buffers.b = allocate(bCount)
      buffers.bCapacity = bCount
    }
    if buffers.aCapacity < aCount {
      buffers.a.deallocate()
      buffers.a = allocate(aCount)
      buffers.aCapacity = aCount
    }
    buffers.tile.initialize(repeating: 0, count: tileCount)
    return buffers
  }
}
