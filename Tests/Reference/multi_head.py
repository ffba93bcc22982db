"""Independent reference for Chapter 3's multi-head attention.

Written from the chapter's specification with the Python standard library and
numpy; it shares no code with the Swift package. SplitMix64 and Glorot come
from paper_size.py (themselves written from the spec).

Spec:
  1. X = rows 1, 2, 3 ("je suis étudiant") of the [6, 512] Glorot table drawn
     from SplitMix64(seed 1), as in paper_size.py.
  2. One new generator, SplitMix64(seed 2), draws for head 0, 1, ..., 7 in
     turn: W^Q_i, W^K_i, W^V_i, each a [512, 64] Glorot matrix (row-major);
     then W^O, a [512, 512] Glorot matrix.
  3. Head i: Z_i = softmax(Q_i K_i^T / sqrt(64)) V_i with Q_i = X W^Q_i, etc.
  4. Output = [Z_0 Z_1 ... Z_7] W^O, shape [3, 512].

Also checks the hand-derived worked example of the chapter (d_model 4, two
heads, d_k 4) against plain numpy.

Run: python3 Tests/Reference/multi_head.py
"""
import contextlib
import io
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
with contextlib.redirect_stdout(io.StringIO()):  # paper_size prints its own values
    from paper_size import SplitMix64, glorot


def softmax_rows(m):
    shifted = np.exp(m - m.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def head(X, WQ, WK, WV):
    Q, K, V = X @ WQ, X @ WK, X @ WV
    weights = softmax_rows(Q @ K.T / math.sqrt(WK.shape[1]))
    return weights, weights @ V


def show(name, arr):
    print(f"{name} = {[float(v) for v in np.ravel(arr)]!r}")


# Spec 1
table = glorot(SplitMix64(1), 6, 512)
X = table[[1, 2, 3]]

# Spec 2
g = SplitMix64(2)
heads = []
for _ in range(8):
    WQ = glorot(g, 512, 64)
    WK = glorot(g, 512, 64)
    WV = glorot(g, 512, 64)
    heads.append((WQ, WK, WV))
WO = glorot(g, 512, 512)

# Spec 3 and 4
results = [head(X, *h) for h in heads]
concat = np.concatenate([z for _, z in results], axis=1)   # [3, 512]
output = concat @ WO                                        # [3, 512]

show("W^Q_1[0, 0:4] (head 2)", heads[1][0][0, 0:4])
show("W^V_8[511, 60:64] (head 8)", heads[7][2][511, 60:64])
show("W^O[0, 0:4]", WO[0, 0:4])
show("W^O[511, 508:512]", WO[511, 508:512])
print("head 8 weights =")
for row in results[7][0]:
    print("  " + repr([float(v) for v in row]))
show("Z_8[2, 60:64] (head 8)", results[7][1][2, 60:64])
show("concat[1, 64:68] (head 2's Z, row 2)", concat[1, 64:68])
show("output[0, 0:4]", output[0, 0:4])
show("output[2, 508:512]", output[2, 508:512])
print(f"max |output| = {float(np.abs(output).max())!r}")

# The worked example (d_model 4, two heads, d_k = d_v = 4).
Xw = np.array([[1, -1, 0, 2], [0, 2, 1, -1], [2, 1, -1, 0]], dtype=float)
worked = [
    (np.array([[-1, 1, 0, 0], [0, 0, 1, 1], [0, 1, 0, -1], [1, 0, 1, 0]]),
     np.array([[0, 0, 0, 0], [0, 0, 0, 0], [-1, 0, 0, 1], [0, 1, 1, 0]]),
     np.array([[1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [0, 1, 0, 0]])),
    (np.array([[0, 0, 0, 1], [1, 0, -1, 0], [0, -1, 1, 1], [0, 0, 0, 1]]),
     np.array([[0, 0, 0, 0], [1, 0, 0, 1], [0, -1, 1, -1], [0, 0, 0, 0]]),
     np.array([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, -1], [0, 0, 1, 0]])),
]
WOw = np.array([[1, 0, 0, 0], [0, 0, 1, 0], [0, -1, 0, 0], [0, 0, 0, 1],
                [0, 1, 0, 0], [0, 0, 0, -1], [1, 0, 0, 0], [0, 0, 1, 0]], dtype=float)
zs = [head(Xw, *h)[1] for h in worked]
print("worked example output =")
for row in np.concatenate(zs, axis=1) @ WOw:
    print("  " + repr([float(v) for v in row]))
