/// C = A · B for row-major Double matrices. A is [m, k], B is [k, n], C is [m, n] and is fully
/// overwritten. (Placeholder i-k-j loop: same summation order as the reference.)
func blockedMatmul(
  m: Int, k: Int, n: Int,
  a: UnsafePointer<Double>, b: UnsafePointer<Double>, c: UnsafeMutablePointer<Double>
) {
  c.update(repeating: 0, count: m &* n)
  for i in 0..<m {
    for p in 0..<k {
      let x = a[i &* k &+ p]
      for j in 0..<n {
        c[i &* n &+ j] += x * b[p &* n &+ j]
      }
    }
  }
}
