"""Independent check of the SafeTensors module, with the Python standard library only.

Written from the format's specification (https://github.com/huggingface/safetensors):
8 bytes little-endian N, N bytes of JSON header {name: {"dtype", "shape",
"data_offsets": [begin, end]}, "__metadata__": {str: str}} padded with spaces,
then the raw little-endian data. It shares no code with the Swift package and
does not need the `safetensors` package (it uses it when installed, to compare).

Run with no arguments to write the two fixtures the Swift tests use, then check
them (Tests/SafeTensorsTests/Fixtures/):
  python_written.safetensors  written the way Python tools might: JSON with
      spaces, tensors listed in no particular order, data in yet another order,
      an F32 tensor. SafeTensorsTests reads it and checks the values below.
  canonical.safetensors  the exact bytes SafeTensors.write must produce for the
      tensors below (sorted names, compact JSON, metadata first, space padding
      to 8 bytes). SafeTensorsTests writes the same tensors and compares bytes,
      so this file is, byte for byte, a Swift-written file.

  python3 Tests/Reference/safetensors_check.py

Run with paths to read any files (e.g. weights a Swift program saved) and print
their tensors; with `pip install safetensors numpy` the files are also loaded by
the safetensors package and both readings compared:

  python3 Tests/Reference/safetensors_check.py weights.safetensors
"""
import json
import math
import os
import struct
import sys

FIXTURES = os.path.normpath(os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "SafeTensorsTests", "Fixtures"))
SIZES = {"F64": 8, "F32": 4}
FORMATS = {"F64": "d", "F32": "f"}

# python_written.safetensors: values written by hand; the Swift test has the same.
PYTHON_WRITTEN = {  # name: (dtype, shape, row-major values)
    "w": ("F64", [2, 3], [1.5, -2.25, 3.0, 0.5, -0.125, 10.0]),
    "b": ("F64", [4], [0.25, -1.0, 2.5, -4.0]),
    "h": ("F32", [2, 2], [1.5, -2.25, 0.75, -8.5]),  # exact in float32
}
PYTHON_WRITTEN_DATA_ORDER = ["h", "w", "b"]
PYTHON_WRITTEN_METADATA = {"source": "safetensors_check.py"}

# canonical.safetensors: the tensors SafeTensorsTests writes with SafeTensors.write.
CANONICAL = {
    "attention.wq": ("F64", [2, 3], [1.5, -2.25, 0.5, 4.0, -0.0, 0.125]),
    "ffn.b1": ("F64", [4], [0.25, -1.0, math.inf, 5e-324]),  # 5e-324: smallest subnormal
    "empty": ("F64", [0, 3], []),
    "\u00e9.scale": ("F64", [], [2.5]),  # a scalar, and a name sorted after ASCII
}
# The note exercises JSON escaping: newline, quote, backslash, a control character, UTF-8.
CANONICAL_METADATA = {"step": "100", "note": "line 1\nsays \"hi\" \\ \x01 \u00e9"}


def pack(dtype, values):
    return struct.pack("<%d%s" % (len(values), FORMATS[dtype]), *values)


def write_python_style(path):
    """Header in dict order with json's default spacing; data in another order."""
    data = b""
    offsets = {}
    for name in PYTHON_WRITTEN_DATA_ORDER:
        dtype, _, values = PYTHON_WRITTEN[name]
        raw = pack(dtype, values)
        offsets[name] = [len(data), len(data) + len(raw)]
        data += raw
    header = {name: {"dtype": dtype, "shape": shape, "data_offsets": offsets[name]}
              for name, (dtype, shape, _) in PYTHON_WRITTEN.items()}
    header["__metadata__"] = PYTHON_WRITTEN_METADATA
    write_file(path, json.dumps(header).encode("utf-8"), data)


def write_canonical(path):
    """Sorted names (code point order = UTF-8 byte order), compact JSON, metadata first."""
    header = {"__metadata__": dict(sorted(CANONICAL_METADATA.items()))}
    data = b""
    for name in sorted(CANONICAL):
        dtype, shape, values = CANONICAL[name]
        raw = pack(dtype, values)
        header[name] = {"dtype": dtype, "shape": shape,
                        "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False)
    write_file(path, text.encode("utf-8"), data)


def write_file(path, header, data):
    header += b" " * (-len(header) % 8)  # the data starts 8-byte aligned
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(header)) + header + data)


def read(path):
    """Returns (metadata, {name: (dtype, shape, values)}), checking the layout."""
    with open(path, "rb") as f:
        raw = f.read()
    assert len(raw) >= 8, "%s: shorter than 8 bytes" % path
    (n,) = struct.unpack("<Q", raw[:8])
    assert 8 + n <= len(raw), "%s: header size %d exceeds the file" % (path, n)
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    data = raw[8 + n:]
    metadata = header.pop("__metadata__", {})
    tensors = {}
    end = 0
    for name, entry in sorted(header.items(), key=lambda e: e[1]["data_offsets"]):
        dtype, shape, (begin, stop) = entry["dtype"], entry["shape"], entry["data_offsets"]
        count = math.prod(shape)
        assert begin == end, "%s: %r begins at %d, not %d" % (path, name, begin, end)
        assert stop - begin == count * SIZES[dtype], "%s: %r has wrong offsets" % (path, name)
        values = list(struct.unpack("<%d%s" % (count, FORMATS[dtype]), data[begin:stop]))
        tensors[name] = (dtype, shape, values)
        end = stop
    assert end == len(data), "%s: tensors cover %d of %d data bytes" % (path, end, len(data))
    return metadata, tensors


def same_bits(a, b):
    return struct.pack("<d", a) == struct.pack("<d", b)


def check(path, expected=None, expected_metadata=None):
    metadata, tensors = read(path)
    print("%s: %d tensors, metadata %s" % (path, len(tensors), json.dumps(metadata)))
    for name in sorted(tensors):
        dtype, shape, values = tensors[name]
        print("  %-14s %s %s %s" % (name, dtype, shape, values))
    if expected is not None:
        assert metadata == expected_metadata, "metadata differs"
        assert sorted(tensors) == sorted(expected), "names differ"
        for name, (dtype, shape, values) in expected.items():
            got = tensors[name]
            assert got[:2] == (dtype, shape), "%r: %s %s" % (name, got[0], got[1])
            assert all(map(same_bits, got[2], values)), "%r: values differ" % name
        print("  matches the values written by hand")
    check_with_safetensors(path, tensors)


def check_with_safetensors(path, tensors):
    try:
        import numpy as np
        from safetensors.numpy import load_file
    except ImportError:
        print("  (safetensors or numpy not installed: pip install safetensors numpy)")
        return
    loaded = load_file(path)
    assert sorted(loaded) == sorted(tensors), "safetensors sees other names"
    for name, (dtype, shape, values) in tensors.items():
        array = loaded[name]
        assert list(array.shape) == shape, "%r: safetensors shape %s" % (name, array.shape)
        assert array.dtype == {"F64": np.float64, "F32": np.float32}[dtype]
        assert all(map(same_bits, array.reshape(-1).astype(np.float64).tolist(), values))
    print("  safetensors %s loads it with the same dtypes, shapes and bits"
          % __import__("safetensors").__version__)


def main():
    if len(sys.argv) > 1:
        for path in sys.argv[1:]:
            check(path)
        return
    os.makedirs(FIXTURES, exist_ok=True)
    python_written = os.path.join(FIXTURES, "python_written.safetensors")
    canonical = os.path.join(FIXTURES, "canonical.safetensors")
    write_python_style(python_written)
    write_canonical(canonical)
    check(python_written, PYTHON_WRITTEN, PYTHON_WRITTEN_METADATA)
    check(canonical, CANONICAL, CANONICAL_METADATA)


if __name__ == "__main__":
    main()
