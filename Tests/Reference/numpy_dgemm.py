"""NumPy's dgemm (OpenBLAS) on the sizes `make bench` times, single-threaded, for comparison.

Run it the way the bench runs: on one core, with nothing else busy.

    pip install numpy threadpoolctl
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 \
        python3 Tests/Reference/numpy_dgemm.py

Some machines set OPENBLAS_CORETYPE (and OPENBLAS_L2_SIZE) because older OpenBLAS builds
misbehave on their processors; a current numpy picks a slower kernel with them, so unset both
for this command only. The script prints which kernel OpenBLAS chose.
"""
import time

import numpy as np

try:
    from threadpoolctl import threadpool_info, threadpool_limits
except ImportError:  # threadpoolctl only reports the kernel and pins the threads
    threadpool_info = None
    threadpool_limits = None


def best_time(function, repetitions):
    function()
    best = float("inf")
    for _ in range(repetitions):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    if threadpool_info is not None:
        for pool in threadpool_info():
            print(f"{pool.get('internal_api')}: {pool.get('architecture')}, "
                  f"{pool.get('num_threads')} threads, version {pool.get('version')}")
    print("numpy dgemm, square n × n float64, single thread: GFLOPS = 2·n³ / best time")
    print(f"{'n':>6}{'dgemm':>10}")
    generator = np.random.default_rng(0)
    for n in [64, 128, 256, 512, 1024]:
        a = generator.uniform(-1, 1, (n, n))
        b = generator.uniform(-1, 1, (n, n))
        flops = 2.0 * n ** 3
        # About 0.3 s of runs at 50 GFLOPS, as `make bench` takes for its kernel.
        repetitions = max(5, int(1.5e10 / flops))
        seconds = best_time(lambda: a @ b, repetitions)
        print(f"{n:>6}{flops / seconds / 1e9:>10.1f}")


if __name__ == "__main__":
    if threadpool_limits is not None:
        with threadpool_limits(limits=1):
            main()
    else:
        main()
