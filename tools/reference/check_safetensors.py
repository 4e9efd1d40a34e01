#!/usr/bin/python3
"""Load a .safetensors file and print each tensor's name, dtype and shape.

Usage:
    /usr/bin/python3 tools/reference/check_safetensors.py FILE.safetensors [--values]

Used to show that a file written by backprop4j (Java) loads in Python.  When the
`safetensors` package is installed it is used as the loader (framework "numpy"); otherwise
the hand-written reader below (read_safetensors) parses the format:
    8 bytes  little-endian unsigned header length N
    N bytes  UTF-8 JSON header: {"<name>": {"dtype": "F32", "shape": [..],
             "data_offsets": [begin, end]}, ..., optional "__metadata__": {str: str}}
    rest     byte buffer; offsets are relative to its start; data little-endian, row-major
The hand-written reader also validates the file: offsets in range, sizes matching
dtype x shape, no overlaps or holes in the buffer.  --values prints the flat values as well.
Exit code 0 when the file loads, 1 otherwise.  Uses only numpy and the standard library.
"""

import json
import struct
import sys

import numpy as np

DTYPES = {
    "F64": np.dtype("<f8"), "F32": np.dtype("<f4"), "F16": np.dtype("<f2"),
    "I64": np.dtype("<i8"), "I32": np.dtype("<i4"), "I16": np.dtype("<i2"), "I8": np.dtype("i1"),
    "U64": np.dtype("<u8"), "U32": np.dtype("<u4"), "U16": np.dtype("<u2"), "U8": np.dtype("u1"),
    "BOOL": np.dtype("?"),
}
BF16 = "BF16"


def read_safetensors(path):
    """Parse a safetensors file; returns (tensors: dict name -> (dtype str, shape, numpy array), metadata)."""
    with open(path, "rb") as fh:
        raw = fh.read()
    if len(raw) < 8:
        raise ValueError("file shorter than the 8-byte header length")
    (n,) = struct.unpack("<Q", raw[:8])
    if 8 + n > len(raw):
        raise ValueError(f"header length {n} exceeds the file size {len(raw)}")
    header_bytes = raw[8:8 + n]
    header = json.loads(header_bytes.decode("utf-8"))
    if not isinstance(header, dict):
        raise ValueError("header is not a JSON object")
    buf = raw[8 + n:]
    metadata = header.pop("__metadata__", None)
    if metadata is not None and not (isinstance(metadata, dict)
                                     and all(isinstance(k, str) and isinstance(v, str)
                                             for k, v in metadata.items())):
        raise ValueError("__metadata__ must map strings to strings")
    tensors = {}
    spans = []
    for name, info in header.items():
        dtype = info["dtype"]
        shape = [int(s) for s in info["shape"]]
        begin, end = (int(v) for v in info["data_offsets"])
        if not (0 <= begin <= end <= len(buf)):
            raise ValueError(f"{name}: data_offsets {begin},{end} outside the buffer of {len(buf)} bytes")
        numel = 1
        for s in shape:
            numel *= s
        if dtype == BF16:
            itemsize = 2
        elif dtype in DTYPES:
            itemsize = DTYPES[dtype].itemsize
        else:
            raise ValueError(f"{name}: unknown dtype {dtype}")
        if end - begin != numel * itemsize:
            raise ValueError(f"{name}: {end - begin} bytes for {dtype}{shape} (expected {numel * itemsize})")
        chunk = buf[begin:end]
        if dtype == BF16:
            u16 = np.frombuffer(chunk, dtype="<u2").astype(np.uint32) << 16
            arr = u16.view(np.float32).reshape(shape)
        else:
            arr = np.frombuffer(chunk, dtype=DTYPES[dtype]).reshape(shape)
        tensors[name] = (dtype, shape, arr)
        spans.append((begin, end, name))
    spans.sort()
    pos = 0
    for begin, end, name in spans:
        if begin != pos:
            raise ValueError(f"{name}: hole or overlap in the byte buffer at {pos} (tensor starts at {begin})")
        pos = end
    if pos != len(buf):
        raise ValueError(f"{len(buf) - pos} trailing bytes after the last tensor")
    return tensors, metadata


def load(path):
    """Prefer the safetensors package when present; returns dict name -> (dtype, shape, array), metadata."""
    try:
        from safetensors import safe_open  # type: ignore
    except ImportError:
        return read_safetensors(path), "hand-written reader"
    out = {}
    with safe_open(path, framework="numpy") as f:
        meta = f.metadata()
        for name in f.keys():
            arr = f.get_tensor(name)
            out[name] = (str(arr.dtype), list(arr.shape), arr)
    # run the strict hand-written checks too
    read_safetensors(path)
    return (out, meta), "safetensors package"


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    show_values = "--values" in argv
    if len(args) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        print("usage: check_safetensors.py FILE.safetensors [--values]", file=sys.stderr)
        return 2
    path = args[0]
    try:
        (tensors, metadata), how = load(path)
    except Exception as e:  # noqa: BLE001 - report any parse problem as a failed load
        print(f"FAILED to load {path}: {e}", file=sys.stderr)
        return 1
    print(f"{path}: {len(tensors)} tensors (loaded with the {how})")
    if metadata:
        print(f"  __metadata__: {json.dumps(metadata, sort_keys=True)}")
    for name in sorted(tensors):
        dtype, shape, arr = tensors[name]
        print(f"  {name}  dtype={dtype}  shape={list(shape)}")
        if show_values:
            print("    " + " ".join(repr(float(v)) if arr.dtype.kind == "f" else str(v)
                                  for v in np.asarray(arr).reshape(-1).tolist()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
