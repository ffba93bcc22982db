import Foundation
import Matrix

/// Before any timing: the release build's kernel must give the plain loop's bits, on every
/// thread count (`swift test` checks the debug build; this checks the build being timed).
func checkKernelAgainstThePlainLoop() {
  let shapes = [
    (1, 1, 1), (7, 13, 5), (17, 33, 15), (65, 129, 33), (73, 257, 9), (7, 513, 17),
    (5, 300, 4097), (128, 128, 128), (200, 64, 300), (64, 64, 64), (10, 200, 40),
  ]
  let saved = MatmulThreads.count
  defer { MatmulThreads.count = saved }
  for (m, k, n) in shapes {
    var generator = SplitMix64(seed: UInt64(m * 1_000_000 + k * 1000 + n))
    let a = Matrix.random(rows: m, columns: k, in: -1, 1, using: &generator)
    let b = Matrix.random(rows: k, columns: n, in: -1, 1, using: &generator)
    let reference = matmulPlainLoop(a, b).elements.map(\.bitPattern)
    // The backward pass's products read a transposed operand as stored: the same bits.
    let (storedA, storedB) = (a.transposed(), b.transposed())
    let products: [(String, () -> Matrix)] = [
      ("A · B", { matmul(a, b) }), ("A · (Bᵀ)ᵀ", { matmul(a, transposed: storedB) }),
      ("(Aᵀ)ᵀ · B", { matmul(transposed: storedA, b) }),
    ]
    for threads in [1, 2, 3] {
      MatmulThreads.count = threads
      for (name, product) in products where product().elements.map(\.bitPattern) != reference {
        print(
          "error: the release kernel differs from the plain loop at [\(m), \(k)] × [\(k), \(n)]"
            + " (\(name)) on \(threads) threads")
        exit(1)
      }
    }
  }
  print(
    "release build: kernel == plain loop, bit for bit, on 1, 2 and 3 threads (\(shapes.count) "
      + "shapes, each also with Aᵀ or Bᵀ as stored)")
}

/// The core's double-precision peak as this build can reach it, measured two ways, GFLOPS:
/// fused multiply-adds, and a separate multiply and add (what the kernel does, to keep the plain
/// loop's bits). Each runs in a few shapes and keeps the fastest, since
/// the number a core needs in flight depends on its vector width and pipes (an 8-wide vector is
/// one AVX-512 register, two AVX2 ones, four SSE or NEON ones): too few leave pipes idle, too many
/// spill registers. Without a CPU flag the fused form is a library call per lane, so the table
/// compares the kernel with the faster of the two.
func measuredPeak() -> (fused: Double, separate: Double) {
  (
    max(
      probe(iterations: 200_000, chains: 4, flops: 2, fusedFour),
      probe(iterations: 200_000, chains: 8, flops: 2, fusedEight)),
    max(
      probe(iterations: 2_000_000, chains: 6, flops: 2, multiplyThenAddSix),
      probe(iterations: 2_000_000, chains: 6, flops: 1, separateSix),
      probe(iterations: 2_000_000, chains: 12, flops: 1, separateTwelve))
  )
}

private typealias V8 = SIMD8<Double>

// Read at run time, so that the optimizer cannot fold the probes' loops away.
nonisolated(unsafe) private var probeFactor = 0.999_999_9
nonisolated(unsafe) private var probeStep = 1e-9

/// The best of 5 runs of `body` (which does `iterations` rounds of `chains` 8-wide operations of
/// `flops` each per lane: 2 for a multiply-add, 1 for a multiply or an add), in GFLOPS.
private func probe(iterations: Int, chains: Int, flops: Int, _ body: (Int) -> Double) -> Double {
  var best = Double.infinity
  var sink = 0.0
  for round in 0..<5 {
    let start = ContinuousClock.now
    // A different count each round: the same call five times could be made once, untimed.
    let rounds = iterations &+ round
    sink += body(rounds)
    best = min(best, seconds(ContinuousClock.now - start) * Double(iterations) / Double(rounds))
  }
  precondition(sink.isFinite)
  return Double(iterations) * Double(chains) * 8 * Double(flops) / best / 1e9
}

private func fusedFour(_ iterations: Int) -> Double {
  let x = V8(repeating: probeFactor), y = V8(repeating: probeStep)
  var a0 = V8(repeating: 1), a1 = V8(repeating: 2), a2 = V8(repeating: 3), a3 = V8(repeating: 4)
  for _ in 0..<iterations {
    a0 = a0.addingProduct(x, y)
    a1 = a1.addingProduct(x, y)
    a2 = a2.addingProduct(x, y)
    a3 = a3.addingProduct(x, y)
  }
  return (a0 + a1 + a2 + a3).sum()
}

private func fusedEight(_ iterations: Int) -> Double {
  let x = V8(repeating: probeFactor), y = V8(repeating: probeStep)
  var a0 = V8(repeating: 1), a1 = V8(repeating: 2), a2 = V8(repeating: 3), a3 = V8(repeating: 4)
  var a4 = V8(repeating: 5), a5 = V8(repeating: 6), a6 = V8(repeating: 7), a7 = V8(repeating: 8)
  for _ in 0..<iterations {
    a0 = a0.addingProduct(x, y)
    a1 = a1.addingProduct(x, y)
    a2 = a2.addingProduct(x, y)
    a3 = a3.addingProduct(x, y)
    a4 = a4.addingProduct(x, y)
    a5 = a5.addingProduct(x, y)
    a6 = a6.addingProduct(x, y)
    a7 = a7.addingProduct(x, y)
  }
  return (a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7).sum()
}

/// 6 chains of a multiply then an add, `a = a · x + y`, as in the kernel's 6-row tile.
private func multiplyThenAddSix(_ iterations: Int) -> Double {
  let x = V8(repeating: probeFactor), y = V8(repeating: probeStep)
  var a0 = V8(repeating: 1), a1 = V8(repeating: 2), a2 = V8(repeating: 3)
  var a3 = V8(repeating: 4), a4 = V8(repeating: 5), a5 = V8(repeating: 6)
  for _ in 0..<iterations {
    a0 = a0 * x + y
    a1 = a1 * x + y
    a2 = a2 * x + y
    a3 = a3 * x + y
    a4 = a4 * x + y
    a5 = a5 * x + y
  }
  return (a0 + a1 + a2 + a3 + a4 + a5).sum()
}

/// Independent chains of multiplies and of adds, half each: the two kinds of pipe the kernel's
/// `acc += a * b` keeps busy.
private func separateSix(_ iterations: Int) -> Double {
  let x = V8(repeating: probeFactor), y = V8(repeating: probeStep)
  var m0 = V8(repeating: 1), m1 = V8(repeating: 2), m2 = V8(repeating: 3)
  var s0 = V8(repeating: 1), s1 = V8(repeating: 2), s2 = V8(repeating: 3)
  for _ in 0..<iterations {
    m0 = m0 * x
    s0 = s0 + y
    m1 = m1 * x
    s1 = s1 + y
    m2 = m2 * x
    s2 = s2 + y
  }
  return (m0 + m1 + m2 + s0 + s1 + s2).sum()
}

private func separateTwelve(_ iterations: Int) -> Double {
  let x = V8(repeating: probeFactor), y = V8(repeating: probeStep)
  var m0 = V8(repeating: 1), m1 = V8(repeating: 2), m2 = V8(repeating: 3)
  var m3 = V8(repeating: 4), m4 = V8(repeating: 5), m5 = V8(repeating: 6)
  var s0 = V8(repeating: 1), s1 = V8(repeating: 2), s2 = V8(repeating: 3)
  var s3 = V8(repeating: 4), s4 = V8(repeating: 5), s5 = V8(repeating: 6)
  for _ in 0..<iterations {
    m0 = m0 * x
    s0 = s0 + y
    m1 = m1 * x
    s1 = s1 + y
    m2 = m2 * x
    s2 = s2 + y
    m3 = m3 * x
    s3 = s3 + y
    m4 = m4 * x
    s4 = s4 + y
    m5 = m5 * x
    s5 = s5 + y
  }
  return (m0 + m1 + m2 + m3 + m4 + m5 + s0 + s1 + s2 + s3 + s4 + s5).sum()
}

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// The matmul table: the plain loop, the kernel on one thread (and as a fraction of the peak),
/// and the kernel on every thread.
func benchMatmul(peak probes: (fused: Double, separate: Double)) {
  let cores = ProcessInfo.processInfo.activeProcessorCount
  let peak = max(probes.fused, probes.separate)
  print(
    "\nmatmul, square n × n Double matrices: GFLOPS = 2·n³ / best time; peak = "
      + formatDecimal(peak, decimals: 1) + " GFLOPS (one core: fused multiply-add probe "
      + formatDecimal(probes.fused, decimals: 1) + ", separate multiply and add "
      + formatDecimal(probes.separate, decimals: 1) + ")")
  // Without a CPU flag a fused multiply-add is a library call per lane, and the compiler
  // schedules 8-wide vectors as 2-wide SSE ones: neither probe then shows what the core can do.
  let peakMeasured = probes.fused > probes.separate / 4
  if !peakMeasured {
    print("(a build without a CPU flag: the core's peak is not measured, so no fraction of it)")
  }
  print(
    padded("n", 6) + padded("plain loop", 12) + padded("kernel", 10) + padded("of peak", 10)
      + padded("\(cores) threads", 12))
  let saved = MatmulThreads.count
  defer { MatmulThreads.count = saved }
  for n in [64, 128, 256, 512, 1024] {
    var generator = SplitMix64(seed: UInt64(n))
    let a = Matrix.random(rows: n, columns: n, in: -1, 1, using: &generator)
    let b = Matrix.random(rows: n, columns: n, in: -1, 1, using: &generator)
    let flops = 2 * Double(n) * Double(n) * Double(n)
    // About 0.3 s of runs at 50 GFLOPS for each figure, the same as numpy_dgemm.py takes: the
    // best of 50 runs of 64³ (10 µs each) moved by 5% from one bench to the next.
    let reps = max(5, Int(1.5e10 / flops))
    var sink = 0.0
    let plainReps = max(2, min(50, Int(4e9 / flops)) / 8)
    let plain = bestTime(repetitions: plainReps) { sink += matmulPlainLoop(a, b)[0, 0] }
    MatmulThreads.count = 1
    let kernel = bestTime(repetitions: reps) { sink += matmul(a, b)[0, 0] }
    MatmulThreads.count = cores
    let threaded = bestTime(repetitions: reps) { sink += matmul(a, b)[0, 0] }
    precondition(sink.isFinite)
    let gflops = flops / kernel / 1e9
    print(
      padded("\(n)", 6) + padded(formatDecimal(flops / plain / 1e9, decimals: 1), 12)
        + padded(formatDecimal(gflops, decimals: 1), 10)
        + padded(peakMeasured ? formatDecimal(100 * gflops / peak, decimals: 0) + "%" : "-", 10)
        + padded(formatDecimal(flops / threaded / 1e9, decimals: 1), 12))
  }
}
