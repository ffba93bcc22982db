import CPrefetch
import Foundation

// Blocked, packed, register-tiled Double matmul in portable Swift SIMD.
//
// Design (Goto / BLIS style), single-threaded:
//   * Register tile: 6 rows x 8 columns of C held in 6 SIMD8<Double> accumulators.
//     With AVX-512 that is 6 zmm registers (the A value broadcast folds into the multiply);
//     with AVX2 it is 12 ymm registers + 2 for the B row + 2 temporaries = all 16;
//     on arm64 NEON it is 24 of the 32 q registers. No tile of this kernel spills.
//     Why not a bigger tile on AVX-512, which has 32 registers: on Zen 4 the tile is bound by the
//     floating-point pipes, not by registers or loads. Measured in L1 on that machine, one thread,
//     against the FMA probe's 58.7 GFLOPS: 6 x 8 runs at 57.5 GFLOPS (98%); 6 x 16 at 44.6;
//     8 x 8 made 64³ and the forward pass slower.
//   * Small products (k ≤ 256 and m·n·k ≤ 64³: attention scores, the chapters' worked examples,
//     Chapter 8's small models) read A and B where they lie; packing them would cost more than it
//     saves.
//   * Larger ones: B is packed per k-block into 8-column micro-panels (row p of a panel = 8
//     contiguous values); A is packed per (m, k)-block into 6-row micro-panels (column p of a
//     panel = 6 contiguous values). Panels are zero-padded. A tile with at most 4 rows (64 words =
//     10 · 6 + 4) runs a 4-row kernel, so no multiply is wasted on padding; rows a kernel computes
//     beyond C's edge go to a small scratch tile, as do tiles narrower than 8 columns.
//   * Blocking: kc = 256 (k), mc = 72 (rows of A per packed block), nc = 4096 (columns of B per
//     packed block). Loop order jc > pc > ic > jr > ir: a B micro-panel (256 x 8 = 16 KiB) stays
//     in L1 while the packed A block (72 x 256 = 144 KiB) streams from L2.
//   * Waiting for memory, the two places it showed (`prefetchForReading`, from CPrefetch):
//     packing B reads a weight matrix that is in no cache (a model's weights are read once per
//     forward pass), so each load asks for the row 16 below it; and a k-block after the first
//     starts each tile by loading C, so the next tile's rows are asked for before each tile.
//
// Bitwise identical to the plain loop `var s = 0.0; for p in 0..<k { s += a[i*k+p] * b[p*n+j] }`:
// every C element is accumulated in ascending p, starting from +0.0, with a separate multiply and
// add (never FMA); later k-blocks resume from the exact Double stored by the previous block, and
// the first k-block never reads C.
//
// Swift: stdlib SIMD types, raw pointers and wrapping index arithmetic only, and one C inline
// function for the prefetch hint, which Swift cannot express; no global mutable state. Fast only
// with a CPU flag (`-Xswiftc -target-cpu -Xswiftc native`); correct everywhere.

private typealias V8 = SIMD8<Double>

private enum BlockedMatmul {
  /// Rows of the register tile.
  static let mr = 6
  /// Columns of the register tile (one SIMD8<Double>).
  static let nr = 8
  /// k-block length. Packed A and B micro-panels are kc long.
  static let kc = 256
  /// Rows of A per packed block; a multiple of mr.
  static let mc = 72
  /// Columns of B per packed block; a multiple of nr.
  static let nc = 4096
  /// Largest product (m · n · k, with k ≤ kc) computed without packing: 64³.
  static let directWork = 1 << 18
}

@inline(__always)
private func load8(_ p: UnsafePointer<Double>) -> V8 {
  UnsafeRawPointer(p).loadUnaligned(as: V8.self)
}

@inline(__always)
private func store8(_ v: V8, _ p: UnsafeMutablePointer<Double>) {
  UnsafeMutableRawPointer(p).storeBytes(of: v, as: V8.self)
}

/// Row r of a tile of C: in C for the tile's h real rows; in `scratch` for the rows below C's edge
/// (A's zero padding makes them), which are computed and thrown away.
@inline(__always)
private func tileRow(
  _ r: Int, _ c: UnsafeMutablePointer<Double>, _ ldc: Int, _ h: Int,
  _ scratch: UnsafeMutablePointer<Double>
) -> UnsafeMutablePointer<Double> {
  r < h ? c + r &* ldc : scratch + r &* BlockedMatmul.nr
}

/// Where a kernel reads its operands. Packed: A's 6 values of step p side by side (`rowStride` 1,
/// `step` 6) and B's 8 values of step p side by side (`bStep` 8). Direct, for small products:
/// A's rows where they are (`rowStride` lda, `step` 1), and B's rows (`bStep` ldb).
private struct Operands {
  var a: UnsafePointer<Double>
  var rowStride: Int
  var step: Int
  var b: UnsafePointer<Double>
  var bStep: Int

  @inline(__always)
  static func packed(_ pa: UnsafePointer<Double>, _ pb: UnsafePointer<Double>) -> Operands {
    Operands(a: pa, rowStride: 1, step: BlockedMatmul.mr, b: pb, bStep: BlockedMatmul.nr)
  }
}

/// C[0..<h, 0..<8] (row stride ldc, h ≤ 6) = (accumulate ? C : 0) + A · B, over kc steps in
/// ascending order, reading A and B as `operands` says.
@inline(__always)
private func sixRowKernel(
  _ kc: Int, _ operands: Operands, _ c: UnsafeMutablePointer<Double>, _ ldc: Int, _ h: Int,
  _ scratch: UnsafeMutablePointer<Double>, _ accumulate: Bool
) {
  let c0 = c
  let c1 = tileRow(1, c, ldc, h, scratch)
  let c2 = tileRow(2, c, ldc, h, scratch)
  let c3 = tileRow(3, c, ldc, h, scratch)
  let c4 = tileRow(4, c, ldc, h, scratch)
  let c5 = tileRow(5, c, ldc, h, scratch)
  var acc0 = V8(), acc1 = V8(), acc2 = V8(), acc3 = V8(), acc4 = V8(), acc5 = V8()
  if accumulate {
    acc0 = load8(c0)
    acc1 = load8(c1)
    acc2 = load8(c2)
    acc3 = load8(c3)
    acc4 = load8(c4)
    acc5 = load8(c5)
  }
  let r1 = operands.rowStride
  let r2 = 2 &* r1, r3 = 3 &* r1, r4 = 4 &* r1, r5 = 5 &* r1
  var a = operands.a
  var b = operands.b
  var p = 0
  while p < kc {
    let bp = load8(b)
    acc0 += V8(repeating: a[0]) * bp
    acc1 += V8(repeating: a[r1]) * bp
    acc2 += V8(repeating: a[r2]) * bp
    acc3 += V8(repeating: a[r3]) * bp
    acc4 += V8(repeating: a[r4]) * bp
    acc5 += V8(repeating: a[r5]) * bp
    a += operands.step
    b += operands.bStep
    p &+= 1
  }
  store8(acc0, c0)
  store8(acc1, c1)
  store8(acc2, c2)
  store8(acc3, c3)
  store8(acc4, c4)
  store8(acc5, c5)
}

/// `sixRowKernel` for a tile of at most 4 rows (h ≤ 4): the first 4 of the panel's 6 rows, so the
/// 2 rows of zero padding under the last rows of A cost nothing. The sums are the same.
@inline(__always)
private func fourRowKernel(
  _ kc: Int, _ operands: Operands, _ c: UnsafeMutablePointer<Double>, _ ldc: Int, _ h: Int,
  _ scratch: UnsafeMutablePointer<Double>, _ accumulate: Bool
) {
  let c0 = c
  let c1 = tileRow(1, c, ldc, h, scratch)
  let c2 = tileRow(2, c, ldc, h, scratch)
  let c3 = tileRow(3, c, ldc, h, scratch)
  var acc0 = V8(), acc1 = V8(), acc2 = V8(), acc3 = V8()
  if accumulate {
    acc0 = load8(c0)
    acc1 = load8(c1)
    acc2 = load8(c2)
    acc3 = load8(c3)
  }
  let r1 = operands.rowStride
  let r2 = 2 &* r1, r3 = 3 &* r1
  var a = operands.a
  var b = operands.b
  var p = 0
  while p < kc {
    let bp = load8(b)
    acc0 += V8(repeating: a[0]) * bp
    acc1 += V8(repeating: a[r1]) * bp
    acc2 += V8(repeating: a[r2]) * bp
    acc3 += V8(repeating: a[r3]) * bp
    a += operands.step
    b += operands.bStep
    p &+= 1
  }
  store8(acc0, c0)
  store8(acc1, c1)
  store8(acc2, c2)
  store8(acc3, c3)
}

/// The packed micro-kernel: `pa` holds 6 values per step, `pb` holds 8 values per step.
private func microKernel(
  _ kc: Int, _ pa: UnsafePointer<Double>, _ pb: UnsafePointer<Double>,
  _ c: UnsafeMutablePointer<Double>, _ ldc: Int, _ h: Int, _ scratch: UnsafeMutablePointer<Double>,
  _ accumulate: Bool
) {
  sixRowKernel(kc, .packed(pa, pb), c, ldc, h, scratch, accumulate)
}

/// The packed micro-kernel for tiles of at most 4 rows.
private func microKernelFourRows(
  _ kc: Int, _ pa: UnsafePointer<Double>, _ pb: UnsafePointer<Double>,
  _ c: UnsafeMutablePointer<Double>, _ ldc: Int, _ h: Int, _ scratch: UnsafeMutablePointer<Double>,
  _ accumulate: Bool
) {
  fourRowKernel(kc, .packed(pa, pb), c, ldc, h, scratch, accumulate)
}

/// Asks for the cache lines of a tile's `rows` rows of 8 values (two lines when a row straddles).
@inline(__always)
private func prefetchTile(_ c: UnsafePointer<Double>, _ ldc: Int, _ rows: Int) {
  var r = 0
  while r < rows {
    let row = c + r &* ldc
    prefetchForReading(row)
    prefetchForReading(row + 7)
    r &+= 1
  }
}

/// The direct kernels: a whole 6- or 4-row, 8-column tile of C from A and B where they lie.
private func directKernel(
  rows: Int, _ k: Int, _ a: UnsafePointer<Double>, _ lda: Int, _ b: UnsafePointer<Double>,
  _ ldb: Int, _ c: UnsafeMutablePointer<Double>, _ ldc: Int
) {
  let operands = Operands(a: a, rowStride: lda, step: 1, b: b, bStep: ldb)
  // Every row is in C, so the scratch tile is never used.
  if rows == BlockedMatmul.mr {
    sixRowKernel(k, operands, c, ldc, rows, c, false)
  } else {
    fourRowKernel(k, operands, c, ldc, rows, c, false)
  }
}

/// One tile of C, h ≤ 6 rows by w ≤ 8 columns, by the kernel that fits its height. A tile
/// narrower than 8 columns is computed in the scratch tile and its w columns copied into C.
@inline(__always)
private func tileKernel(
  _ kc: Int, _ pa: UnsafePointer<Double>, _ pb: UnsafePointer<Double>,
  _ c: UnsafeMutablePointer<Double>, _ ldc: Int, _ h: Int, _ w: Int,
  _ scratch: UnsafeMutablePointer<Double>, _ accumulate: Bool
) {
  let nr = BlockedMatmul.nr
  if w == nr {
    if h > 4 {
      microKernel(kc, pa, pb, c, ldc, h, scratch, accumulate)
    } else {
      microKernelFourRows(kc, pa, pb, c, ldc, h, scratch, accumulate)
    }
    return
  }
  if accumulate {
    var r = 0
    while r < h {
      var j = 0
      while j < w { scratch[r &* nr &+ j] = c[r &* ldc &+ j]; j &+= 1 }
      r &+= 1
    }
  }
  // All 6 rows in the scratch tile (its own row stride, nr).
  microKernel(kc, pa, pb, scratch, nr, BlockedMatmul.mr, scratch, accumulate)
  var r = 0
  while r < h {
    var j = 0
    while j < w { c[r &* ldc &+ j] = scratch[r &* nr &+ j]; j &+= 1 }
    r &+= 1
  }
}

/// Packs B[p0..<p0+kc, j0..<j0+nc] (row stride n) into 8-column micro-panels, each kc x 8,
/// zero-padding the last one. B is read eight rows at a time, left to right, so that reads
/// follow memory order in eight streams and each panel receives 8 × 8 contiguous values (eight
/// whole cache lines) at a time; reading one panel top to bottom instead would jump a whole row
/// of B (16 KiB for a [512, 2048] matrix) between loads and wait for memory at every one. Each
/// load also requests the line 16 rows below it, so that memory works ahead of the copy: for
/// a [512, 64] weight matrix in no cache, [64, 512] times it took 120 µs, 102 with the requests.
private func packB(
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
private func packA(
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
      while p < kc {
        var r = 0
        while r < h { d[r] = src[r &* k &+ p]; r &+= 1 }
        while r < mr { d[r] = 0; r &+= 1 }
        d += mr
        p &+= 1
      }
    }
    ir &+= mr
  }
}

@inline(__always)
private func roundUp(_ x: Int, _ multiple: Int) -> Int {
  (x &+ multiple &- 1) / multiple &* multiple
}

/// C = A · B for row-major Double matrices. A is [m, k], B is [k, n], C is [m, n] and is fully
/// overwritten. The row strides (lda, ldb, ldc) let a caller pass a block of a larger matrix.
func blockedMatmul(
  m: Int, k: Int, n: Int,
  a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
  c: UnsafeMutablePointer<Double>, ldc: Int
) {
  guard m > 0, n > 0 else { return }
  guard k > 0 else {
    for i in 0..<m { (c + i &* ldc).update(repeating: 0, count: n) }
    return
  }
  if k <= BlockedMatmul.kc && m &* n &* k <= BlockedMatmul.directWork {
    directMatmul(m: m, k: k, n: n, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc)
  } else {
    packedMatmul(m: m, k: k, n: n, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc)
  }
}

/// A small product (one k-block, at most `directWork` multiply-adds, so A and B stay in the
/// level-1 and level-2 caches): whole tiles read A and B where they lie, since packing them would
/// cost more than it saves (64 × 64 · 64 × 64: 10.5 µs instead of 11.5). Rows and columns that
/// fill no whole tile go through the packed path.
private func directMatmul(
  m: Int, k: Int, n: Int,
  a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
  c: UnsafeMutablePointer<Double>, ldc: Int
) {
  let mr = BlockedMatmul.mr, nr = BlockedMatmul.nr
  let wholeColumns = n / nr &* nr
  // Tiles of 6 rows, then one of 4 if at least 4 rows remain.
  let sixRowTiles = m / mr
  let fourRowTile = m &- sixRowTiles &* mr >= 4
  let wholeRows = sixRowTiles &* mr &+ (fourRowTile ? 4 : 0)
  var jr = 0
  while jr < wholeColumns {
    var ir = 0
    while ir < wholeRows {
      let rows = ir &+ mr <= sixRowTiles &* mr ? mr : 4
      directKernel(
        rows: rows, k, a + ir &* lda, lda, b + jr, ldb, c + (ir &* ldc &+ jr), ldc)
      ir &+= rows
    }
    jr &+= nr
  }
  if wholeRows < m && wholeColumns > 0 {
    packedMatmul(
      m: m &- wholeRows, k: k, n: wholeColumns, a: a + wholeRows &* lda, lda: lda, b: b, ldb: ldb,
      c: c + wholeRows &* ldc, ldc: ldc)
  }
  if wholeColumns < n {
    packedMatmul(
      m: m, k: k, n: n &- wholeColumns, a: a, lda: lda, b: b + wholeColumns, ldb: ldb,
      c: c + wholeColumns, ldc: ldc)
  }
}

/// The packed path: B and A copied block by block into micro-panels, then tiled (k > 0).
private func packedMatmul(
  m: Int, k: Int, n: Int,
  a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
  c: UnsafeMutablePointer<Double>, ldc: Int
) {
  let mr = BlockedMatmul.mr, nr = BlockedMatmul.nr

  // Packing buffers for one call, 64-byte aligned (a cache line, one AVX-512 vector).
  let kcMax = min(k, BlockedMatmul.kc)
  let bCount = kcMax &* min(roundUp(n, nr), BlockedMatmul.nc)
  let aCount = kcMax &* min(roundUp(m, mr), BlockedMatmul.mc)
  // The packing buffers are kept per thread and reused: allocating a megabyte per call costs a
  // page fault per 4 KiB when the allocator hands fresh pages from the system.
  let buffers = PackingBuffers.forCurrentThread(b: bCount, a: aCount, tile: mr &* nr)
  let bPack = buffers.b
  let aPack = buffers.a
  // Scratch tile for the edges of C: rows and columns beyond them are computed and thrown away.
  let tile = buffers.tile

  var jc = 0
  while jc < n {
    let nc = min(BlockedMatmul.nc, n &- jc)
    var pc = 0
    while pc < k {
      let kc = min(BlockedMatmul.kc, k &- pc)
      // The first k-block starts every element from +0.0; later ones resume from C.
      let accumulate = pc > 0
      packB(b, ldb, pc, kc, jc, nc, bPack)
      var ic = 0
      while ic < m {
        let mc = min(BlockedMatmul.mc, m &- ic)
        packA(a, lda, ic, mc, pc, kc, aPack)
        var jr = 0
        while jr < nc {
          let w = min(nr, nc &- jr)
          let pb = bPack + jr &* kc
          var ir = 0
          while ir < mc {
            let h = min(mr, mc &- ir)
            let pa = aPack + ir &* kc
            let cij = c + ((ic &+ ir) &* ldc &+ jc &+ jr)
            if accumulate {
              // The kernel starts by loading this tile of C, which later k-blocks revisit after
              // the whole of C has gone by; ask for the next tile's rows now, so that they
              // arrive while this tile is multiplied (n = 1000: 40 → 50 GFLOPS).
              let nextRow = ir &+ mr < mc ? ir &+ mr : 0
              let nextColumn = ir &+ mr < mc ? jr : jr &+ nr
              if nextColumn < nc {
                let rows = min(mr, mc &- nextRow)
                prefetchTile(c + ((ic &+ nextRow) &* ldc &+ jc &+ nextColumn), ldc, rows)
              }
            }
            tileKernel(kc, pa, pb, cij, ldc, h, w, tile, accumulate)
            ir &+= mr
          }
          jr &+= nr
        }
        ic &+= mc
      }
      pc &+= kc
    }
    jc &+= nc
  }
}

/// One thread's packing buffers, grown as needed and reused by every product on that thread.
private final class PackingBuffers {
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
