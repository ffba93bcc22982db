"""Independent reference for Chapter 7: the final linear layer, softmax and the loss.

Written from the chapter's specification with the Python standard library and
numpy; it shares no code with the Swift package. SplitMix64 and Glorot come
from paper_size.py (themselves written from the spec).

Spec:
  1. Stand-in decoder output D [5, 512]: SplitMix64(seed 7) draws uniform
     numbers in [-1, 1) row by row (lower + (upper - lower) * unit).
  2. Final linear layer: W [512, 6] Glorot uniform from SplitMix64(seed 8),
     row by row; bias b = 0.
  3. logits = D W + b; probabilities = softmax of each row;
     log-probabilities = logits - max - log(sum(exp(logits - max))).
  4. Vocabulary a, am, i, thanks, student, <eos>; target "i am a student
     <eos>" = indices 2, 1, 0, 4, 5, as one-hot rows.
  5. Cross-entropy per position -sum(t * log p), its mean, perplexity
     exp(mean), gradient of the mean (p - t) / 5.
  6. Label smoothing eps = 0.1 spread over the 5 other words (0.02 each,
     0.9 on the right word): per-position loss and mean.

Run: python3 Tests/Reference/loss.py
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


def show(name, arr):
    print(f"{name} = {[float(v) for v in np.ravel(arr)]!r}")


def show_matrix(name, m):
    print(f"{name} =")
    for row in m:
        print("  " + repr([float(v) for v in row]))


# Spec 1
g = SplitMix64(7)
D = np.array([g.uniform(-1.0, 1.0) for _ in range(5 * 512)]).reshape(5, 512)
# Spec 2
W = glorot(SplitMix64(8), 512, 6)
b = np.zeros(6)
# Spec 3
logits = D @ W + b
m = logits.max(axis=1, keepdims=True)
log_p = logits - m - np.log(np.exp(logits - m).sum(axis=1, keepdims=True))
p = np.exp(logits - m) / np.exp(logits - m).sum(axis=1, keepdims=True)
# Spec 4
target_words = [2, 1, 0, 4, 5]
t = np.eye(6)[target_words]
# Spec 5
loss = -(t * log_p).sum(axis=1)
mean = loss.mean()
gradient = (p - t) / 5
# Spec 6
eps = 0.1
ts = np.full((5, 6), eps / 5)
ts[np.arange(5), target_words] = 1 - eps
smoothed = -(ts * log_p).sum(axis=1)

show("D[0, 0:4]", D[0, 0:4])
show("W[0, 0:6]", W[0])
show("W[511, 0:6]", W[511])
show_matrix("logits", logits)
show_matrix("probabilities", p)
show_matrix("log-probabilities", log_p)
show("predictions", p.argmax(axis=1))
show("per-position loss", loss)
print(f"mean loss = {float(mean)!r}")
print(f"perplexity = {math.exp(mean)!r}")
show_matrix("gradient", gradient)
show("smoothed per-position loss", smoothed)
print(f"smoothed mean loss = {float(smoothed.mean())!r}")
