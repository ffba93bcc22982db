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
    for threads in [1, 2, 3] {
      MatmulThreads.count = threads
      guard matmul(a, b).elements.map(\.bitPattern) == reference else {
        print(
          "error: the release kernel differs from the plain loop at [\(m), \(k)] × [\(k), \(n)]"
            + " on \(threads) threads")
        exit(1)
      }
    }
  }
  print(
    "release build: kernel == plain loop, bit for bit, on 1, 2 and 3 threads (\(shapes.count) shapes)"
  )
}

/// The core's double-precision peak as this build can reach it, measured two ways, GFLOPS:
/// 12 independent chains of 8-wide fused multiply-adds, and 6 chains of a separate multiply and
/// add (what the kernel does, to keep the plain loop's bits). Without a CPU flag the fused
/// form is a library call per lane, so the table compares the kernel with the faster of the two.
func measuredPeak() -> (fused: Double, separate: Double) {
  (peakProbe(fused: true), peakProbe(fused: false))
}

private func peakProbe(fused: Bool) -> Double {
  typealias V = SIMD8<Double>
  let x = V(repeating: 0.999_999_9)
  let y = V(repeating: 1e-9)
  // The fused form is about 20 times slower without a CPU flag; fewer rounds keep it short.
  let iterations = fused ? 200_000 : 2_000_000
  var best = Double.infinity
  var sink = 0.0
  for _ in 0..<5 {
    var a0 = V(repeating: 1), a1 = V(repeating: 2), a2 = V(repeating: 3), a3 = V(repeating: 4)
    var a4 = V(repeating: 5), a5 = V(repeating: 6), a6 = V(repeating: 7), a7 = V(repeating: 8)
    var a8 = V(repeating: 9), a9 = V(repeating: 10), a10 = V(repeating: 11)
    var a11 = V(repeating: 12)
    let start = ContinuousClock.now
    if fused {
      for _ in 0..<iterations {
        a0 = a0.addingProduct(x, y)
        a1 = a1.addingProduct(x, y)
        a2 = a2.addingProduct(x, y)
        a3 = a3.addingProduct(x, y)
        a4 = a4.addingProduct(x, y)
        a5 = a5.addingProduct(x, y)
        a6 = a6.addingProduct(x, y)
        a7 = a7.addingProduct(x, y)
        a8 = a8.addingProduct(x, y)
        a9 = a9.addingProduct(x, y)
        a10 = a10.addingProduct(x, y)
        a11 = a11.addingProduct(x, y)
      }
    } else {
      // 6 chains, as in the kernel's 6-row tile: 12 would spill registers without a CPU flag
      // (each 8-wide vector is then four 2-wide SSE registers) and read low; with one, 6 are
      // enough to fill the pipes (58.7 GFLOPS on Zen 4, as 12 fused chains).
      for _ in 0..<iterations {
        a0 = a0 * x + y
        a1 = a1 * x + y
        a2 = a2 * x + y
        a3 = a3 * x + y
        a4 = a4 * x + y
        a5 = a5 * x + y
      }
    }
    let elapsed = ContinuousClock.now - start
    best = min(best, seconds(elapsed))
    let total = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11
    sink += total.sum()
  }
  precondition(sink.isFinite)
  return Double(iterations) * (fused ? 12 : 6) * 8 * 2 / best / 1e9
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
    let reps = max(5, min(50, Int(4e9 / flops)))
    var sink = 0.0
    let plain = bestTime(repetitions: max(2, reps / 8)) { sink += matmulPlainLoop(a, b)[0, 0] }
    MatmulThreads.count = 1
    let kernel = bestTime(repetitions: reps) { sink += matmul(a, b)[0, 0] }
    MatmulThreads.count = cores
    let threaded = bestTime(repetitions: reps) { sink += matmul(a, b)[0, 0] }
    precondition(sink.isFinite)
    let gflops = flops / kernel / 1e9
    print(
      padded("\(n)", 6) + padded(formatDecimal(flops / plain / 1e9, decimals: 1), 12)
        + padded(formatDecimal(gflops, decimals: 1), 10)
        + padded(formatDecimal(100 * gflops / peak, decimals: 0) + "%", 10)
        + padded(formatDecimal(flops / threaded / 1e9, decimals: 1), 12))
  }
}
