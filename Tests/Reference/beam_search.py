"""Independent reference for Chapter 9's worked example: greedy decoding, beam search and
exhaustive search over the hand-made next-word table.

Written from the chapter's specification with the Python standard library only; it shares no
code with the Swift package.

Spec:
  Vocabulary: a=0, am=1, i=2, thanks=3, student=4, <eos>=5. The table gives P(next | prefix)
  for six prefixes; every other prefix gets <eos> 0.5 and 0.1 for each other word.
  Greedy: take the most probable word (ties: lowest index) until <eos> or max_length words.
  Beam search (shrinking beam, as in Jurafsky & Martin's SLP3): at each step expand every live
  hypothesis by every word, rank the candidates by log-probability (ties: lexicographically
  smaller word list first), keep the best (beam_size - finished) of them; a kept candidate
  that ends in <eos> is finished. Stop when beam_size hypotheses have finished or after
  max_length steps. Rank the finished by score = log P / lp(|Y|), lp = ((5 + |Y|) / 6)^alpha
  (alpha = 0 means no penalty), |Y| counting <eos>.

Run: python3 Tests/Reference/beam_search.py
"""
import itertools
import math

WORDS = ["a", "am", "i", "thanks", "student", "<eos>"]
EOS = 5
TABLE = {
    (): [0.5, 0.04, 0.4, 0.03, 0.02, 0.01],
    (0,): [0.05, 0.2, 0.2, 0.15, 0.3, 0.1],
    (2,): [0.03, 0.9, 0.01, 0.02, 0.02, 0.02],
    (0, 4): [0.1, 0.2, 0.05, 0.05, 0.1, 0.5],
    (2, 1): [0.5, 0.01, 0.01, 0.03, 0.4, 0.05],
    (2, 1, 0): [0.01, 0.01, 0.01, 0.02, 0.9, 0.05],
    (2, 1, 4): [0.02, 0.01, 0.01, 0.03, 0.03, 0.9],
    (2, 1, 0, 4): [0.05, 0.05, 0.05, 0.05, 0.05, 0.75],
}
OTHERWISE = [0.1, 0.1, 0.1, 0.1, 0.1, 0.5]


def probabilities(prefix):
    return TABLE.get(tuple(prefix), OTHERWISE)


def text(words):
    return " ".join(WORDS[w] for w in words)


def lp(length, alpha):
    return ((5 + length) / 6) ** alpha


def greedy(max_length):
    words, logp = [], 0.0
    while len(words) < max_length:
        p = probabilities(words)
        best = max(range(len(p)), key=lambda w: (p[w], -w))
        print(f"  greedy after [{text(words)}]: {text([best])} p={p[best]}")
        words.append(best)
        logp += math.log(p[best])
        if best == EOS:
            break
    return words, logp


def beam(beam_size, top_beams, max_length, alpha=0.0):
    live, finished = [([], 0.0)], []
    for step in range(1, max_length + 1):
        candidates = []
        for words, logp in live:
            p = probabilities(words)
            for w in range(len(p)):
                candidates.append((words + [w], logp + math.log(p[w])))
        candidates.sort(key=lambda c: (-c[1], c[0]))
        kept = candidates[: beam_size - len(finished)]
        live = []
        for words, logp in kept:
            (finished if words[-1] == EOS else live).append((words, logp))
            print(f"  step {step} keeps [{text(words)}] {logp:.10f} = ln {math.exp(logp):.6g}")
        if len(finished) == beam_size:
            break
    def score(h):
        return h[1] / lp(len(h[0]), alpha)
    ranked = sorted(finished, key=lambda h: (-score(h), h[0]))
    ranked += sorted(live, key=lambda h: (-score(h), h[0]))
    return [(text(w), l, score((w, l))) for w, l in ranked[:top_beams]]


def exhaustive(max_length, alpha=0.0):
    sentences = []
    for n in range(1, max_length + 1):
        for body in itertools.product(range(EOS), repeat=n - 1):
            words = list(body) + [EOS]
            logp = sum(math.log(probabilities(words[:k])[words[k]]) for k in range(n))
            sentences.append((words, logp, logp / lp(n, alpha)))
    sentences.sort(key=lambda s: (-s[2], s[0]))
    return [(text(w), l, s) for w, l, s in sentences[:3]]


for row in list(TABLE.values()) + [OTHERWISE]:
    assert abs(sum(row) - 1) < 1e-12, row

print("greedy:", greedy(10))
print("beam 2, top 2:", beam(2, 2, 10))
print("beam 2, top 2, alpha 0.6:", beam(2, 2, 10, 0.6))
print("beam 1:", beam(1, 1, 10))
print("exhaustive, length <= 5:", exhaustive(5))
print("exhaustive, length <= 5, alpha 0.6:", exhaustive(5, 0.6))
print("lp(4) =", lp(4, 0.6), "lp(5) =", lp(5, 0.6))
for x in [0.5, 0.4, 0.36, 0.15, 0.18, 0.144, 0.162, 0.1296, 0.1215, 0.075, 0.3]:
    print(f"ln {x} = {math.log(x):.10f}")
print("ln 0.1296 / lp(4) =", math.log(0.1296) / lp(4, 0.6))
print("ln 0.1215 / lp(5) =", math.log(0.1215) / lp(5, 0.6))
