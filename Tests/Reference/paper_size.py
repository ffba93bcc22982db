"""Independent reference for the paper-size single-head attention example.

Computes every value straight from the written specification, using only
the Python standard library and numpy.
"""
import math
import numpy as np

MASK64 = (1 << 64) - 1


class SplitMix64:
    """SplitMix64 generator with a 64-bit state initialised to the seed (spec 1)."""

    def __init__(self, seed):
        self.s = seed & MASK64

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & MASK64
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def unit(self):
        # Top 53 bits scaled to [0, 1) -- exact in IEEE double (spec 2).
        return float(self.next() >> 11) * 2.0**-53

    def uniform(self, lower, upper):
        # Evaluated exactly in this order with Python floats (spec 2).
        return lower + (upper - lower) * self.unit()


def glorot_limit(rows, cols):
    return math.sqrt(6 / (rows + cols))


def glorot(gen, rows, cols):
    """Glorot uniform matrix, elements drawn in row-major order (spec 3)."""
    limit = glorot_limit(rows, cols)
    data = [gen.uniform(-limit, limit) for _ in range(rows * cols)]
    return np.array(data, dtype=np.float64).reshape(rows, cols)


# Sanity check from the spec: seed 0's first output.
assert SplitMix64(0).next() == 0xE220A8397B1DCDAF

# Spec 4: embedding table (seed 1), sentence tokens [1, 2, 3].
table = glorot(SplitMix64(1), 6, 512)
X = table[[1, 2, 3]]                     # shape [3, 512]; row 0 is token 1 "je"

# Spec 5: one new generator (seed 2) draws W^Q, W^K, W^V in that order.
g = SplitMix64(2)
WQ = glorot(g, 512, 64)
WK = glorot(g, 512, 64)
WV = glorot(g, 512, 64)

# Spec 6: single-head scaled dot-product attention.
# (Matrix products use numpy float64; summation order inside a dot product
#  is numpy's/BLAS's, so the last bit or two may differ from a naive loop.)
Q, K, V = X @ WQ, X @ WK, X @ WV
scores = Q @ K.T                          # [3, 3]
scaled = scores / math.sqrt(64)
shifted = np.exp(scaled - scaled.max(axis=1, keepdims=True))
weights = shifted / shifted.sum(axis=1, keepdims=True)
Z = weights @ V                           # [3, 64]


def show(name, arr):
    print(f"{name} = {[float(v) for v in np.ravel(arr)]!r}")


def show_matrix(name, m):
    print(f"{name} =")
    for row in m:
        print("  " + repr([float(v) for v in row]))


show("X[0, 0:4]", X[0, 0:4])
show("X[0, 508:512]", X[0, 508:512])
show("X[1, 0:4]", X[1, 0:4])
show("X[2, 0:4]", X[2, 0:4])
show_matrix("scores", scores)
show_matrix("scaled", scaled)
show_matrix("weights", weights)
show("Z[0, 0:4]", Z[0, 0:4])
show("Z[2, 60:64]", Z[2, 60:64])
print(f"glorot_limit(6, 512) = {glorot_limit(6, 512)!r}")
print(f"glorot_limit(512, 64) = {glorot_limit(512, 64)!r}")
