"""Independent reference for Chapter 5: layer normalization, the feed-forward network and the
encoder, written from the paper's formulas with the Python standard library and NumPy. It shares
no code with the Swift package; SplitMix64 and Glorot come from paper_size.py (written from the
spec).

Spec (the paper, sections 3.1, 3.3, 3.4, 5.4; the post, "The Residuals"):
  LayerNorm(x) = gain * (x - mean) / sqrt(var + eps) + bias, per row, var = mean((x - mean)^2)
                 (divide by d_model), eps = 1e-5 (PyTorch's default; the paper gives none).
  FFN(x)       = max(0, x W1 + b1) W2 + b2.
  Encoder layer (post-norm): h = LN1(x + MultiHead(x)); y = LN2(h + FFN(h)).
  MultiHead(x) = [Z_1 ... Z_h] W^O, Z_i = softmax(Q_i K_i^T / sqrt(d_k)) V_i.
  Encoder input: embeddings * sqrt(d_model) + PE (the paper's interleaved sines and cosines).

Random weights at the paper's size (d_model 512, 8 heads, d_ff 2048, N = 6):
  Encoder(seed s): SplitMix64(s).next() gives each layer's seed, bottom layer first.
  Layer(seed t): g = SplitMix64(t); attention seed = g.next(), feed-forward seed = g.next().
  Attention(seed a): SplitMix64(a) draws W^Q_i, W^K_i, W^V_i [512, 64] for each head in turn,
                     then W^O [512, 512], all Glorot uniform (as multi_head.py).
  FeedForward(seed f): SplitMix64(f) draws W1 [512, 2048] Glorot, b1 [2048] uniform in
                     +-1/sqrt(512), W2 [2048, 512] Glorot, b2 [512] uniform in +-1/sqrt(2048).
  Both norms: gain 1, bias 0.
  Input: rows 1, 2, 3 ("je suis étudiant") of the [6, 512] Glorot table from SplitMix64(1),
  times sqrt(512), plus PE(0..2). Encoder seed 3.

Run: python3 Tests/Reference/encoder.py   (about a minute: the weights are drawn in Python)
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

EPS = 1e-5


def softmax_rows(m):
    shifted = np.exp(m - m.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def layer_norm(x, gain, bias, eps=EPS):
    mean = x.mean(axis=1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=1, keepdims=True)   # biased: divide by d_model
    return gain * (x - mean) / np.sqrt(var + eps) + bias


def multi_head(x, heads, WO, mask=None):
    zs = []
    for WQ, WK, WV in heads:
        scores = (x @ WQ) @ (x @ WK).T / math.sqrt(WK.shape[1])
        if mask is not None:
            scores = scores + mask
        zs.append(softmax_rows(scores) @ (x @ WV))
    return np.concatenate(zs, axis=1) @ WO


def ffn(x, W1, b1, W2, b2):
    hidden = x @ W1 + b1
    return hidden, np.maximum(hidden, 0), np.maximum(hidden, 0) @ W2 + b2


def encoder_layer(x, p, mask=None):
    z = multi_head(x, p["heads"], p["WO"], mask)
    first_sum = x + z
    first_norm = layer_norm(first_sum, p["g1"], p["b1n"])
    hidden, activated, out = ffn(first_norm, p["W1"], p["b1"], p["W2"], p["b2"])
    second_sum = first_norm + out
    second_norm = layer_norm(second_sum, p["g2"], p["b2n"])
    return dict(z=z, first_sum=first_sum, first_norm=first_norm, hidden=hidden,
                activated=activated, ffn=out, second_sum=second_sum, output=second_norm)


def uniform(gen, n, limit):
    return np.array([gen.uniform(-limit, limit) for _ in range(n)])


def random_attention(seed, d_model, h):
    g = SplitMix64(seed)
    d_k = d_model // h
    heads = [(glorot(g, d_model, d_k), glorot(g, d_model, d_k), glorot(g, d_model, d_k))
             for _ in range(h)]
    return heads, glorot(g, h * d_k, d_model)


def random_feed_forward(seed, d_model, d_ff):
    g = SplitMix64(seed)
    W1 = glorot(g, d_model, d_ff)
    b1 = uniform(g, d_ff, 1 / math.sqrt(d_model))
    W2 = glorot(g, d_ff, d_model)
    b2 = uniform(g, d_model, 1 / math.sqrt(d_ff))
    return W1, b1, W2, b2


def random_encoder_layer(seed, d_model, h, d_ff):
    g = SplitMix64(seed)
    attention_seed, ffn_seed = g.next(), g.next()
    heads, WO = random_attention(attention_seed, d_model, h)
    W1, b1, W2, b2 = random_feed_forward(ffn_seed, d_model, d_ff)
    ones, zeros = np.ones(d_model), np.zeros(d_model)
    return dict(heads=heads, WO=WO, W1=W1, b1=b1, W2=W2, b2=b2,
                g1=ones, b1n=zeros, g2=ones, b2n=zeros)


def random_encoder(seed, n, d_model, h, d_ff):
    g = SplitMix64(seed)
    return [random_encoder_layer(g.next(), d_model, h, d_ff) for _ in range(n)]


def positional_encoding(positions, d_model):
    pos = np.arange(positions, dtype=np.float64)[:, None]
    two_i = np.arange(0, d_model, 2, dtype=np.float64)[None, :]
    angles = pos / np.power(10000.0, two_i / d_model)
    pe = np.zeros((positions, d_model))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe


def show(name, arr):
    print(f"{name} = {[float(v) for v in np.ravel(arr)]!r}")


def show_matrix(name, m):
    print(f"{name} =")
    for row in np.atleast_2d(m):
        print("  " + repr([float(v) for v in row]))


# The toy encoder layer of the chapter: d_model 4, 2 heads of d_k 2, d_ff 8.
TOY_X = np.array([[1, -1, 0, 2], [0, 2, 1, -1], [2, 1, -1, 0]], dtype=float)
TOY = dict(
    heads=[
        (np.array([[1, 0], [0, 1], [1, 0], [0, -1]], float),
         np.array([[0, 1], [1, 0], [0, 0], [1, 1]], float),
         np.array([[1, 0], [0, 0], [0, 1], [1, 0]], float)),
        (np.array([[0, 1], [1, 0], [0, 0], [-1, 1]], float),
         np.array([[1, 0], [0, -1], [1, 1], [0, 0]], float),
         np.array([[0, 1], [1, 0], [0, -1], [0, 0]], float)),
    ],
    WO=np.array([[1, 0, 0, 0], [0, 0, 1, 0], [0, -1, 0, 0], [0, 0, 0, 1]], float),
    W1=np.array([[1, 0, -1, 0, 1, 0, 0, 1], [0, 1, 0, -1, 1, 0, 1, 0],
                 [1, 1, 0, 0, 0, -1, 0, 1], [0, 0, 1, 1, 0, 1, -1, 0]], float),
    b1=np.array([0, 1, 0, -1, 0, 1, 0, -1], float),
    W2=np.array([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1],
                 [1, -1, 0, 0], [0, 0, 1, -1], [-1, 0, 0, 1], [0, 1, 1, 0]], float),
    b2=np.array([1, 0, -1, 0], float),
    g1=np.array([2, 1, 1, 1], float), b1n=np.array([0, 0, 1, 0], float),
    g2=np.ones(4), b2n=np.zeros(4),
)

if __name__ == "__main__":
    toy = encoder_layer(TOY_X, TOY)
    for key in ["z", "first_sum", "first_norm", "hidden", "activated", "ffn", "second_sum",
                "output"]:
        show_matrix(f"toy {key}", toy[key])
    # The toy layer on the padded sentence "je suis étudiant <pad>" with a key-padding mask.
    pad = np.array([[3, 0, -2, 1]], float)
    mask = np.zeros((4, 4))
    mask[:, 3] = -np.inf
    padded = encoder_layer(np.concatenate([TOY_X, pad]), TOY, mask)
    print("padded, masked: max |real rows - unpadded| =",
          float(np.abs(padded["output"][:3] - toy["output"]).max()))

    # The paper's size.
    table = glorot(SplitMix64(1), 6, 512)
    x = table[[1, 2, 3]] * math.sqrt(512) + positional_encoding(3, 512)
    show("input[0, 0:4]", x[0, 0:4])
    layers = random_encoder(3, 6, 512, 8, 2048)
    show("layer 1 W1[0, 0:4]", layers[0]["W1"][0, 0:4])
    show("layer 1 b1[0:4]", layers[0]["b1"][0:4])
    show("layer 6 b2[508:512]", layers[5]["b2"][508:512])
    current = x
    for index, p in enumerate(layers):
        t = encoder_layer(current, p)
        if index == 0:
            show("layer 1 z[0, 0:4]", t["z"][0, 0:4])
            show("layer 1 first_norm[1, 0:4]", t["first_norm"][1, 0:4])
            show("layer 1 hidden[2, 0:4]", t["hidden"][2, 0:4])
            show("layer 1 output[0, 0:4]", t["output"][0, 0:4])
        current = t["output"]
    show("encoder output[0, 0:4]", current[0, 0:4])
    show("encoder output[1, 254:258]", current[1, 254:258])
    show("encoder output[2, 508:512]", current[2, 508:512])
    print(f"max |encoder output| = {float(np.abs(current).max())!r}")
