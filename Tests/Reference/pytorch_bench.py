"""PyTorch's CPU forward pass, one thread, float64, at the paper's size on 64 words: the
figures `make bench` compares with. Run it on the same machine, with nothing else busy:

    pip install torch
    python3 Tests/Reference/pytorch_bench.py
"""
import time

import torch
import torch.nn as nn


def best_ms(function, repetitions=20):
    with torch.no_grad():
        function()
        best = float("inf")
        for _ in range(repetitions):
            start = time.perf_counter()
            function()
            best = min(best, time.perf_counter() - start)
    return best * 1e3


def main():
    torch.set_num_threads(1)
    torch.manual_seed(0)
    d, heads, ff, words = 512, 8, 2048, 64
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} thread, float64, {words} words")
    x = torch.randn(1, words, d, dtype=torch.float64)
    wq = torch.randn(d, 64, dtype=torch.float64)
    wk = torch.randn(d, 64, dtype=torch.float64)
    wv = torch.randn(d, 64, dtype=torch.float64)

    def one_head():
        q, k, v = x[0] @ wq, x[0] @ wk, x[0] @ wv
        return torch.softmax(q @ k.T / 8, dim=-1) @ v

    mha = nn.MultiheadAttention(d, heads, batch_first=True, dtype=torch.float64).eval()
    layer = nn.TransformerEncoderLayer(
        d, heads, ff, dropout=0.0, batch_first=True, dtype=torch.float64).eval()
    model = nn.Transformer(
        d, heads, 6, 6, ff, dropout=0.0, batch_first=True, dtype=torch.float64).eval()
    y = torch.randn(1, words, d, dtype=torch.float64)
    mask = nn.Transformer.generate_square_subsequent_mask(words, dtype=torch.float64)
    rows = [
        ("one attention head (512 -> 64)", one_head),
        ("nn.MultiheadAttention, 8 heads", lambda: mha(x, x, x, need_weights=False)),
        ("nn.TransformerEncoderLayer, d_ff 2048", lambda: layer(x)),
        ("nn.Transformer 6 + 6 layers, 64 + 64 words", lambda: model(x, y, tgt_mask=mask)),
    ]
    for name, function in rows:
        print(f"  {name:<48}{best_ms(function, 5 if 'nn.Transformer ' in name else 20):>10.2f} ms")


if __name__ == "__main__":
    main()
