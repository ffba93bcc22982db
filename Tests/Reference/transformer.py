"""Independent reference for Chapter 6: the decoder and the whole forward pass at the paper's
base size, written from the paper's formulas with NumPy. It shares no code with the Swift
package; the encoder's formulas and weight drawing come from encoder.py (same spec).

Spec (the paper, sections 3.1-3.5; the post, "The Decoder Side"):
  Causal mask M[i, j] = -inf for j > i, else 0, added to the decoder's self-attention scores.
  Decoder layer (post-norm):
      a = LN1(y + MultiHead(y, y, mask M))
      b = LN2(a + MultiHead(queries from a, keys and values from the encoder output))
      out = LN3(b + FFN(b))
  Decoder(seed s): SplitMix64(s).next() gives each layer's seed, bottom first.
  DecoderLayer(seed t): g = SplitMix64(t); self-attention seed, encoder-decoder attention seed
      and feed-forward seed = g.next(), g.next(), g.next() (attention and FFN drawn as in
      encoder.py). Norms: gain 1, bias 0, eps 1e-5.
  Transformer(seed 1): source table = Glorot [6, 512] from SplitMix64(1), target table from
      SplitMix64(2), encoder seed 3, decoder seed 4; N = 6, d_model 512, 8 heads, d_ff 2048.
  Inputs: source "je suis étudiant" = [1, 2, 3]; decoder input "<eos> i am a student" =
      [5, 2, 1, 0, 4]; each embedded, times sqrt(512), plus PE (the paper's layout).

Run: python3 Tests/Reference/transformer.py   (about half a minute)
"""
import contextlib
import io
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
with contextlib.redirect_stdout(io.StringIO()):
    from encoder import (TOY, TOY_X, SplitMix64, glorot, encoder_layer, ffn, layer_norm,
                         multi_head, positional_encoding, random_attention, random_encoder,
                         random_feed_forward, show, show_matrix)


def cross_attention(y, memory, heads, WO):
    zs = []
    for WQ, WK, WV in heads:
        scores = (y @ WQ) @ (memory @ WK).T / math.sqrt(WK.shape[1])
        e = np.exp(scores - scores.max(axis=1, keepdims=True))
        zs.append(e / e.sum(axis=1, keepdims=True) @ (memory @ WV))
    return np.concatenate(zs, axis=1) @ WO


def causal_mask(n):
    mask = np.zeros((n, n))
    mask[np.triu_indices(n, k=1)] = -np.inf
    return mask


def random_decoder_layer(seed, d_model, h, d_ff):
    g = SplitMix64(seed)
    self_seed, cross_seed, ffn_seed = g.next(), g.next(), g.next()
    return dict(self=random_attention(self_seed, d_model, h),
                cross=random_attention(cross_seed, d_model, h),
                ffn=random_feed_forward(ffn_seed, d_model, d_ff))


def decoder_layer(y, memory, p):
    ones, zeros = np.ones(y.shape[1]), np.zeros(y.shape[1])
    a = layer_norm(y + multi_head(y, *p["self"], mask=causal_mask(y.shape[0])), ones, zeros)
    b = layer_norm(a + cross_attention(a, memory, *p["cross"]), ones, zeros)
    _, _, f = ffn(b, *p["ffn"])
    return dict(first_norm=a, second_norm=b, output=layer_norm(b + f, ones, zeros))


def toy_decoder_layer(y, memory):
    """Chapter 6's worked decoder layer: d_model 4, 2 heads of d_k 2, d_ff 8 (weights as in
    Tests/Chapter6Tests/ToyDecoderLayer.swift, written from the chapter's text)."""
    h1, h2 = TOY["heads"]
    cross_WO = np.array([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, -1, 0]], float)
    masked = multi_head(y, TOY["heads"], TOY["WO"], mask=causal_mask(y.shape[0]))
    first_sum = y + masked
    first_norm = layer_norm(first_sum, np.array([1, 1, 1, 2.0]), np.array([0, 1, 0, 0.0]))
    cross = cross_attention(first_norm, memory, [h2, h1], cross_WO)
    second_sum = first_norm + cross
    second_norm = layer_norm(second_sum, np.array([1, -1, 1, 1.0]), np.zeros(4))
    hidden, activated, f = ffn(second_norm, TOY["W1"], TOY["b1"], TOY["W2"], TOY["b2"])
    third_sum = second_norm + f
    out = layer_norm(third_sum, np.ones(4), np.zeros(4))
    return dict(masked=masked, first_sum=first_sum, first_norm=first_norm, cross=cross,
                second_sum=second_sum, second_norm=second_norm, hidden=hidden, ffn=f,
                third_sum=third_sum, output=out)


if __name__ == "__main__":
    toy = toy_decoder_layer(np.array([[1, 0, 0, -1], [-1, -1, 0, 0]], float), TOY_X)
    for key, value in toy.items():
        show_matrix(f"toy decoder {key}", value)
    D = 512
    source = glorot(SplitMix64(1), 6, D)[[1, 2, 3]] * math.sqrt(D) + positional_encoding(3, D)
    target = glorot(SplitMix64(2), 6, D)[[5, 2, 1, 0, 4]] * math.sqrt(D) \
        + positional_encoding(5, D)
    show("target input[0, 0:4]", target[0, 0:4])
    memory = source
    for p in random_encoder(3, 6, D, 8, 2048):
        memory = encoder_layer(memory, p)["output"]
    show("encoder output[0, 0:4]", memory[0, 0:4])
    g = SplitMix64(4)
    current = target
    for index in range(6):
        t = decoder_layer(current, memory, random_decoder_layer(g.next(), D, 8, 2048))
        if index == 0:
            show("decoder layer 1 first_norm[0, 0:4]", t["first_norm"][0, 0:4])
            show("decoder layer 1 second_norm[4, 0:4]", t["second_norm"][4, 0:4])
            show("decoder layer 1 output[2, 508:512]", t["output"][2, 508:512])
        current = t["output"]
    show("decoder output[0, 0:4]", current[0, 0:4])
    show("decoder output[2, 254:258]", current[2, 254:258])
    show("decoder output[4, 508:512]", current[4, 508:512])
