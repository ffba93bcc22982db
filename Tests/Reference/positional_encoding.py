"""Independent reference for Chapter 4: sinusoidal positional encoding at d_model 512.

Written from the formulas, sharing no code with the Swift package:
- the paper (section 3.5): PE(pos, 2i) = sin(pos / 10000^(2i/d_model)),
  PE(pos, 2i+1) = cos(pos / 10000^(2i/d_model)), sines and cosines interleaved;
- tensor2tensor's get_timing_signal_1d: num_timescales = d_model/2,
  log_timescale_increment = ln(10000) / max(num_timescales - 1, 1),
  inv_timescales = exp(-arange(num_timescales) * increment),
  signal = concat([sin(pos * inv), cos(pos * inv)]).
X comes from paper_size.py's SplitMix64 and Glorot uniform (spec 4 there).
"""
import contextlib
import io
import math

import numpy as np

with contextlib.redirect_stdout(io.StringIO()):  # paper_size prints its own values on import
    from paper_size import SplitMix64, glorot

D_MODEL = 512
POSITIONS = 20


def paper(positions, d_model):
    """The paper's formula, interleaved: [positions, d_model]."""
    pos = np.arange(positions, dtype=np.float64)[:, None]           # [positions, 1]
    two_i = np.arange(0, d_model, 2, dtype=np.float64)[None, :]     # [1, d_model/2]
    angles = pos / np.power(10000.0, two_i / d_model)                # [positions, d_model/2]
    pe = np.zeros((positions, d_model))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe


def t2t(positions, d_model):
    """tensor2tensor's get_timing_signal_1d (min_timescale 1, max_timescale 1e4)."""
    num_timescales = d_model // 2
    increment = math.log(10000.0 / 1.0) / max(num_timescales - 1, 1)
    inv_timescales = np.exp(np.arange(num_timescales, dtype=np.float64) * -increment)
    scaled_time = np.arange(positions, dtype=np.float64)[:, None] * inv_timescales[None, :]
    return np.concatenate([np.sin(scaled_time), np.cos(scaled_time)], axis=1)


def show(name, arr):
    print(f"{name} = {[float(v) for v in np.ravel(arr)]!r}")


pe_paper = paper(POSITIONS, D_MODEL)
pe_t2t = t2t(POSITIONS, D_MODEL)
for name, pe in [("paper", pe_paper), ("t2t", pe_t2t)]:
    show(f"{name}[1, 0:4]", pe[1, 0:4])
    show(f"{name}[19, 254:258]", pe[19, 254:258])
    show(f"{name}[19, 508:512]", pe[19, 508:512])

# X = rows 1, 2, 3 ("je suis étudiant") of the [6, 512] Glorot table drawn with seed 1.
X = glorot(SplitMix64(1), 6, 512)[[1, 2, 3]]
for name, pe in [("paper", pe_paper), ("t2t", pe_t2t)]:
    total = X + pe[0:3]
    for row in range(3):
        show(f"X + {name}[{row}, 0:4]", total[row, 0:4])
        show(f"X + {name}[{row}, 508:512]", total[row, 508:512])

# Far beyond any sentence: position 10000.
show("paper(10001)[10000, 0:4]", paper(10001, D_MODEL)[10000, 0:4])
show("t2t(10001)[10000, 254:258]", t2t(10001, D_MODEL)[10000, 254:258])
