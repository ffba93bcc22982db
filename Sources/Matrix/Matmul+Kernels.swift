import CPrefetch

// The register-tiled kernels of the blocked matmul (design in Matmul+Blocked.swift): the 6-row and
// 4-row tiles, packed or reading A and B where they lie, and the tile of C they write.

@inline(__always)
func load8(_ p: UnsafePointer<Double>) -> V8 {
  UnsafeRawPointer(p).loadUnaligned(as: V8.self)
}

@inline(__always)
func store8(_ v: V8, _ p: UnsafeMutablePointer<Double>) {
  UnsafeMutableRawPointer(p).storeBytes(of: v, as: V8.self)
}

/// Row r of a tile of C: in C for the tile's h real rows; in `scratch` for the rows below C's edge
/// (A's zero padding makes them), which are computed and thrown away.
@inline(__always)
func tileRow(
  _ r: Int, _ c: UnsafeMutablePointer<Double>, _ ldc: Int, _ h: Int,
  _ scratch: UnsafeMutablePointer<Double>
) -> UnsafeMutablePointer<Double> {
  r < h ? c + r &* ldc : scratch + r &* BlockedMatmul.nr
}

/// Where a kernel reads its operands. Packed: A's 6 values of step p side by side (`rowStride` 1,
/// `step` 6) and B's 8 values of step p side by side (`bStep` 8). Direct, for small products:
/// A's rows where they are (`rowStride` lda, `step` 1), and B's rows (`bStep` ldb).
struct Operands {
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
func sixRowKernel(
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
func fourRowKernel(
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
func microKernel(
  _ kc: Int, _ pa: UnsafePointer<Double>, _ pb: UnsafePointer<Double>,
  _ c: UnsafeMutablePointer<Double>, _ ldc: Int, _ h: Int, _ scratch: UnsafeMutablePointer<Double>,
  _ accumulate: Bool
) {
  sixRowKernel(kc, .packed(pa, pb), c, ldc, h, scratch, accumulate)
}

/// The packed micro-kernel for tiles of at most 4 rows.
func microKernelFourRows(
  _ kc: Int, _ pa: UnsafePointer<Double>, _ pb: UnsafePointer<Double>,
  _ c: UnsafeMutablePointer<Double>, _ ldc: Int, _ h: Int, _ scratch: UnsafeMutablePointer<Double>,
  _ accumulate: Bool
) {
  fourRowKernel(kc, .packed(pa, pb), c, ldc, h, scratch, accumulate)
}

/// Asks for the cache lines of a tile's `rows` rows of 8 values (two lines when a row straddles).
@inline(__always)
func prefetchTile(_ c: UnsafePointer<Double>, _ ldc: Int, _ rows: Int) {
  var r = 0
  while r < rows {
    let row = c + r &* ldc
    prefetchForReading(row)
    prefetchForReading(row + 7)
    r &+= 1
  }
}

/// The direct kernels: a whole 6- or 4-row, 8-column tile of C from A and B where they lie.
@inline(__always)
func directKernel(
  rows: Int, _ k: Int, _ a: UnsafePointer<Double>, _ lda: Int, _ b: UnsafePointer<Double>,
  _ ldb: Int, _ c: UnsafeMutablePointer<Double>, _ ldc: Int, accumulate: Bool
) {
  let operands = Operands(a: a, rowStride: lda, step: 1, b: b, bStep: ldb)
  // Every row is in C, so the scratch tile is never used.
  if rows == BlockedMatmul.mr {
    sixRowKernel(k, operands, c, ldc, rows, c, accumulate)
  } else {
    fourRowKernel(k, operands, c, ldc, rows, c, accumulate)
  }
}

/// One tile of C, h ≤ 6 rows by w ≤ 8 columns, by the kernel that fits its height. A tile
/// narrower than 8 columns is computed in the scratch tile and its w columns copied into C.
@inline(__always)
func tileKernel(
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
