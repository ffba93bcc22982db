"""The same model in PyTorch: the fixture behind "Agreement with PyTorch".

Builds a small encoder-decoder from PyTorch's own layers (nn.TransformerEncoderLayer,
nn.TransformerDecoderLayer, nn.MultiheadAttention inside them, nn.Embedding, nn.Linear) in
float64, with seeded random weights, runs it on "je suis étudiant <eos>" -> "<eos> i am a
student", and writes ONE safetensors file holding the weights (PyTorch's own names and
layouts) and the outputs the Swift tests compare with, layer by layer:

  Tests/AgreementTests/Fixtures/pytorch_agreement.safetensors

It also builds a decoder-only stack (GPT-style: encoder layers with a causal mask, the
"gpt." tensors) and writes its outputs to the same file.

  pip install torch numpy safetensors
  python3 Tests/Reference/pytorch_agreement.py

The file is the same bit for bit on every run: the weights come from torch.manual_seed, every
computation is float64 on the CPU, and the file is written here with struct and json (names
sorted, metadata sorted), because safetensors' save_file writes the metadata in a different
order on each run. With the safetensors package installed, the file is read back with it and
compared. The script shares no code with the Swift package.

Where the paper (and so the Swift code) and PyTorch's layers differ, the script makes PyTorch
compute the paper's model:

- nn.Transformer adds a final LayerNorm after each stack; the paper does not. The stacks here
  are nn.TransformerEncoder / nn.TransformerDecoder with norm=None (no final norm).
- nn.MultiheadAttention has biases (in_proj_bias, out_proj.bias); the paper's equations and the
  Swift attention have none. They are set to zero here and saved, so the Swift loader can
  check that they are zero.
- LayerNorm: post-norm (norm_first=False), epsilon 1e-5, biased variance (PyTorch's too).
- The causal mask is additive, 0 on and below the diagonal and -inf above it
  (nn.Transformer.generate_square_subsequent_mask), as in the Swift code.
- PyTorch has no built-in for the embedding scale or the positional encoding: both are written
  below as the paper gives them (X = E * sqrt(d_model) + PE, PE[pos, 2i] = sin(pos * w_i),
  PE[pos, 2i + 1] = cos(pos * w_i), w_i = 1 / 10000^(2i / d_model): the interleaved layout).
- Dropout 0, ReLU, batch_first=True; the batch holds one sentence.
"""
import json
import math
import os
import struct

import torch
import torch.nn as nn

SEED = 2017
MODEL_DIMENSION = 16  # d_model
HEAD_COUNT = 2  # h, so d_k = d_v = 8
HIDDEN_DIMENSION = 32  # d_ff
LAYER_COUNT = 2  # N, encoder and decoder each
EPSILON = 1e-5

FRENCH = ["<unk>", "je", "suis", "étudiant", "merci", "<eos>"]
ENGLISH = ["a", "am", "i", "thanks", "student", "<eos>"]
SOURCE = [FRENCH.index(w) for w in "je suis étudiant <eos>".split()]  # [1, 2, 3, 5]
TARGET = [ENGLISH.index(w) for w in "i am a student <eos>".split()]  # [2, 1, 0, 4, 5]
DECODER_INPUT = [ENGLISH.index("<eos>")] + TARGET[:-1]  # shifted right: [5, 2, 1, 0, 4]

FIXTURE = os.path.normpath(os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "AgreementTests", "Fixtures",
    "pytorch_agreement.safetensors"))


def encoder_layer():
    return nn.TransformerEncoderLayer(
        MODEL_DIMENSION, HEAD_COUNT, HIDDEN_DIMENSION, dropout=0.0, activation="relu",
        layer_norm_eps=EPSILON, batch_first=True, norm_first=False)


def decoder_layer():
    return nn.TransformerDecoderLayer(
        MODEL_DIMENSION, HEAD_COUNT, HIDDEN_DIMENSION, dropout=0.0, activation="relu",
        layer_norm_eps=EPSILON, batch_first=True, norm_first=False)


class PaperTransformer(nn.Module):
    """The paper's encoder-decoder from PyTorch's layers, without nn.Transformer's final norms.
    The state dict's names are nn.Transformer's (encoder.layers.0.self_attn.in_proj_weight, ...)
    plus source_embedding, target_embedding and generator (the final linear layer)."""

    def __init__(self, source_vocabulary, target_vocabulary):
        super().__init__()
        self.source_embedding = nn.Embedding(source_vocabulary, MODEL_DIMENSION)
        self.target_embedding = nn.Embedding(target_vocabulary, MODEL_DIMENSION)
        self.encoder = nn.TransformerEncoder(
            encoder_layer(), LAYER_COUNT, norm=None, enable_nested_tensor=False)
        self.decoder = nn.TransformerDecoder(decoder_layer(), LAYER_COUNT, norm=None)
        self.generator = nn.Linear(MODEL_DIMENSION, target_vocabulary)


class DecoderOnly(nn.Module):
    """GPT-style: encoder layers (self-attention and feed-forward) with a causal mask."""

    def __init__(self, vocabulary):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, MODEL_DIMENSION)
        self.layers = nn.ModuleList([encoder_layer() for _ in range(LAYER_COUNT)])
        self.generator = nn.Linear(MODEL_DIMENSION, vocabulary)


def randomize(model):
    """Seeded random values for every parameter, in the state dict's order. nn.TransformerEncoder
    deep-copies one layer N times, so PyTorch's own initialization would give identical layers;
    and LayerNorm starts at gain 1, bias 0, which would not test that they are loaded."""
    with torch.no_grad():
        for name, parameter in model.named_parameters():
            if name.endswith("in_proj_bias") or name.endswith("out_proj.bias"):
                parameter.zero_()  # the paper's attention has no biases
            elif "norm" in name and name.endswith(".weight"):
                parameter.uniform_(0.5, 1.5)  # gain γ
            elif "embedding" in name:
                parameter.normal_(0.0, 1.0 / math.sqrt(MODEL_DIMENSION))  # times √d_model: ~1
            elif parameter.dim() == 2:
                limit = 1.0 / math.sqrt(parameter.shape[1])  # nn.Linear's, ±1/√fan_in
                parameter.uniform_(-limit, limit)
            else:
                parameter.uniform_(-0.5, 0.5)  # biases of the feed-forward, β, generator


def positional_encoding(positions, d_model):
    """The paper's sinusoids, interleaved: [positions, d_model]."""
    encoding = torch.zeros(positions, d_model)
    for pos in range(positions):
        for i in range(d_model // 2):
            angle = pos * (1.0 / math.pow(10000.0, (2 * i) / d_model))
            encoding[pos, 2 * i] = math.sin(angle)
            encoding[pos, 2 * i + 1] = math.cos(angle)
    return encoding


def model_input(embedding, tokens):
    """X = E * √d_model + PE, as a batch of one: [1, n, d_model]."""
    embedded = embedding(torch.tensor([tokens]))  # [1, n, d_model]
    return embedded * math.sqrt(MODEL_DIMENSION) + positional_encoding(
        len(tokens), MODEL_DIMENSION)


def run_encoder_decoder(model):
    """Every output the Swift tests check, named as the fixture stores them."""
    expected = {}
    source_input = model_input(model.source_embedding, SOURCE)
    target_input = model_input(model.target_embedding, DECODER_INPUT)
    expected["expected.source_input"] = source_input
    expected["expected.target_input"] = target_input
    x = source_input
    for n, layer in enumerate(model.encoder.layers):
        if n == 0:
            expected["expected.encoder.layers.0.self_attn"] = layer.self_attn(
                x, x, x, need_weights=False)[0]
        x = layer(x)
        expected["expected.encoder.layers.%d" % n] = x
    memory = x
    # The stack's own forward pass must give the same: no final norm, nothing else added.
    assert torch.equal(model.encoder(source_input), memory)
    causal = nn.Transformer.generate_square_subsequent_mask(len(DECODER_INPUT))  # 0 / -inf
    y = target_input
    for n, layer in enumerate(model.decoder.layers):
        y = layer(y, memory, tgt_mask=causal)
        expected["expected.decoder.layers.%d" % n] = y
    assert torch.equal(model.decoder(target_input, memory, tgt_mask=causal), y)
    expected["expected.logits"] = model.generator(y)
    return expected


def run_decoder_only(model):
    expected = {}
    x = model_input(model.embedding, DECODER_INPUT)
    expected["gpt.expected.input"] = x
    causal = nn.Transformer.generate_square_subsequent_mask(len(DECODER_INPUT))
    for n, layer in enumerate(model.layers):
        x = layer(x, src_mask=causal)
        expected["gpt.expected.layers.%d" % n] = x
    expected["gpt.expected.logits"] = model.generator(x)
    return expected


def write_safetensors(tensors, metadata, path):
    """The format's layout: 8 bytes little-endian header size, the JSON header (names sorted,
    compact, padded with spaces so the data starts 8-byte aligned), then the F64 data in the
    header's order."""
    names = sorted(tensors, key=lambda name: name.encode("utf-8"))
    header = {"__metadata__": dict(sorted(metadata.items()))}
    data = []
    offset = 0
    for name in names:
        values = tensors[name].flatten().tolist()
        chunk = struct.pack("<%dd" % len(values), *values)
        header[name] = {"dtype": "F64", "shape": list(tensors[name].shape),
                        "data_offsets": [offset, offset + len(chunk)]}
        data.append(chunk)
        offset += len(chunk)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * (-(8 + len(text)) % 8)
    with open(path, "wb") as file:
        file.write(struct.pack("<Q", len(text)) + text + b"".join(data))


def check_with_safetensors(tensors, path):
    try:
        from safetensors.torch import load_file
    except ImportError:
        print("(safetensors is not installed: the file was not read back with it)")
        return
    loaded = load_file(path)
    assert sorted(loaded) == sorted(tensors)
    for name, value in tensors.items():
        assert torch.equal(loaded[name], value), name
    print("read back with safetensors %s: every tensor equal" % __import__("safetensors").__version__)


def main():
    torch.set_default_dtype(torch.float64)
    torch.backends.mha.set_fastpath_enabled(False)  # the plain path, the same on every CPU
    torch.manual_seed(SEED)
    model = PaperTransformer(len(FRENCH), len(ENGLISH))
    randomize(model)
    gpt = DecoderOnly(len(ENGLISH))
    randomize(gpt)
    model.eval()
    gpt.eval()
    tensors = dict(model.state_dict())
    tensors.update({"gpt." + name: value for name, value in gpt.state_dict().items()})
    with torch.no_grad():
        tensors.update(run_encoder_decoder(model))
        tensors.update(run_decoder_only(gpt))
    tensors["input.source"] = torch.tensor(SOURCE, dtype=torch.float64)
    tensors["input.target"] = torch.tensor(DECODER_INPUT, dtype=torch.float64)
    # One sentence per batch: drop the batch dimension, so every output is [n, d_model].
    tensors = {name: value.squeeze(0).detach().contiguous() for name, value in tensors.items()}
    for name, value in tensors.items():
        assert value.dtype == torch.float64, name
    metadata = {
        "source": "Tests/Reference/pytorch_agreement.py",
        "torch": torch.__version__.split("+")[0],
        "seed": str(SEED),
        "d_model": str(MODEL_DIMENSION), "heads": str(HEAD_COUNT),
        "d_ff": str(HIDDEN_DIMENSION), "layers": str(LAYER_COUNT),
    }
    os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
    write_safetensors(tensors, metadata, FIXTURE)
    check_with_safetensors(tensors, FIXTURE)
    logits = tensors["expected.logits"]
    print("wrote %s: %d tensors, %d bytes" % (
        os.path.relpath(FIXTURE), len(tensors), os.path.getsize(FIXTURE)))
    print("logits row 1:", " ".join("%.6f" % v for v in logits[0].tolist()))


if __name__ == "__main__":
    main()
