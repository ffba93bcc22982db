// Blocked, packed, register-tiled Double matmul in portable Swift SIMD: the blocking and the two
// paths here, the register tiles in Matmul+Kernels.swift, the packing in Matmul+Packing.swift.
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
//     saves. They go through k in blocks of 32, so that for 64 words the block of A being
//     multiplied (64 x 32, 16 KiB) stays in the 32 KiB L1 while every column of B goes by, rather
//     than all of A (32 KiB) coming again from L2 for each 8 columns: 64³ went from 10.7 to
//     10.4 µs, and to 10.1–10.3 with the tile kernel inlined into the loop.
//   * Larger ones: B is packed per k-block into 8-column micro-panels (row p of a panel = 8
//     contiguous values); A is packed per (m, k)-block into 6-row micro-panels (column p of a
//     panel = 6 contiguous values). Panels are zero-padded. A tile with at most 4 rows (64 words =
//     10 · 6 + 4) runs a 4-row kernel, so no multiply is wasted on padding; rows a kernel computes
//     beyond C's edge go to a small scratch tile, as do tiles narrower than 8 columns.
//   * An operand stored transposed (the backward pass's dC · Bᵀ and Aᵀ · dC, through
//     `matmul(_:transposed:)` and `matmul(transposed:_:)`) is read as such while it is packed
//     (`packTransposedB`, `packTransposedA`), so no transpose is copied; it always takes the
//     packed path.
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

typealias V8 = SIMD8<Double>

enum BlockedMatmul {
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
  static let directKC = 32
}

@inline(__always)
func roundUp(_ x: Int, _ multiple: Int) -> Int {
  (x &+ multiple &- 1) / multiple &* multiple
}

/// C = A · B for row-major Double matrices. A is [m, k], B is [k, n], C is [m, n] and is fully
/// overwritten. The row strides (lda, ldb, ldc) let a caller pass a block of a larger matrix.
func blockedMatmul(
  m: Int, k: Int, n: Int,
  a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
  c: UnsafeMutablePointer<Double>, ldc: Int, aTransposed: Bool = false, bTransposed: Bool = false
) {
  guard m > 0, n > 0 else { return }
  guard k > 0 else {
    for i in 0..<m { (c + i &* ldc).update(repeating: 0, count: n) }
    return
  }
  let transposed = aTransposed || bTransposed
  if !transposed && k <= BlockedMatmul.kc && m &* n &* k <= BlockedMatmul.directWork {
    directMatmul(m: m, k: k, n: n, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc)
  } else {
    packedMatmul(
      m: m, k: k, n: n, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, aTransposed: aTransposed,
      bTransposed: bTransposed)
  }
}

/// A small product (one k-block, at most `directWork` multiply-adds, so A and B stay in the
/// level-1 and level-2 caches): whole tiles read A and B where they lie, since packing them would
/// cost more than it saves (64 × 64 · 64 × 64: 10.5 µs instead of 11.5). Rows and columns that
/// fill no whole tile go through the packed path.
func directMatmul(
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
  var pc = 0
  while pc < k {
    let kc = min(BlockedMatmul.directKC, k &- pc)
    var jr = 0
    while jr < wholeColumns {
      var ir = 0
      while ir < wholeRows {
        let rows = ir &+ mr <= sixRowTiles &* mr ? mr : 4
        directKernel(
          rows: rows, kc, a + (ir &* lda &+ pc), lda, b + (pc &* ldb &+ jr), ldb,
          c + (ir &* ldc &+ jr), ldc, accumulate: pc > 0)
        ir &+= rows
      }
      jr &+= nr
    }
    pc &+= kc
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
func packedMatmul(
  m: Int, k: Int, n: Int,
  a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
  c: UnsafeMutablePointer<Double>, ldc: Int, aTransposed: Bool = false, bTransposed: Bool = false
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
      if bTransposed {
        packTransposedB(b, ldb, pc, kc, jc, nc, bPack)
      } else {
        packB(b, ldb, pc, kc, jc, nc, bPack)
      }
      var ic = 0
      while ic < m {
        let mc = min(BlockedMatmul.mc, m &- ic)
        if aTransposed {
          packTransposedA(a, lda, ic, mc, pc, kc, aPack)
        } else {
          packA(a, lda, ic, mc, pc, kc, aPack)
        }
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
