// The one thing the matmul kernel needs that Swift cannot say: a hint to start loading a cache
// line before it is read. Swift has no prefetch intrinsic, and the x86 header's `_mm_prefetch`
// is a macro, which Swift does not import; this inline function is compiled into its Swift
// caller. A prefetch never faults and never changes a result, only when memory arrives.
#ifndef CPREFETCH_H
#define CPREFETCH_H

/// Asks the processor to bring the cache line holding `address` into the cache (locality 2: the
/// level-2 cache and above), for reading.
static inline void prefetchForReading(const void *address) {
  __builtin_prefetch(address, 0, 2);
}

#endif
