/// Where to put ticks along an axis of `count` cells or points numbered from 0: multiples of
/// the smallest step of the form 1, 2 or 5 × 10^k that gives at most `maximumTicks` ticks.
///
///     axisTicks(count: 20)    // [0, 5, 10, 15]
///     axisTicks(count: 512)   // [0, 100, 200, 300, 400, 500]
func axisTicks(count: Int, maximumTicks: Int = 6) -> [Int] {
  guard count > 0 else { return [] }
  var power = 1
  while true {
    for multiple in [1, 2, 5] {
      let step = multiple * power
      if (count - 1) / step + 1 <= maximumTicks {
        return Array(stride(from: 0, to: count, by: step))
      }
    }
    power *= 10
  }
}
