"""Decode TensorFlow.js weight files (manifest + binary shards) into numpy.

TensorFlow.js stores every weight of a group back to back in the shards, in
manifest order, each as `prod(shape)` values of its storage dtype.  Quantized
weights (the two models we convert are uint8-quantized) are stored as
integers q and mean `q * scale + min`.  tfjs evaluates that expression in
JavaScript doubles and then stores it in a Float32Array, so we do the same:
compute in float64, round once to float32.  Doing it in float32 would differ
in the last bit for many weights.

Weights that are not needed (e.g. int32 constants of the original TF graph,
which the face detector manifest still lists) still occupy bytes, so every
entry has to be walked even if it is discarded afterwards.
"""

from __future__ import annotations

import numpy as np

# Bytes per stored value, as tfjs' DTYPE_VALUE_SIZE_MAP.
_STORAGE = {
    "float32": np.dtype("<f4"),
    "int32": np.dtype("<i4"),
    "bool": np.dtype("u1"),
    "uint8": np.dtype("u1"),
    "uint16": np.dtype("<u2"),
    "float16": np.dtype("<f2"),
}


class WeightFormatError(RuntimeError):
    pass


def decode_weights(specs: list[dict], data: bytes) -> dict[str, np.ndarray]:
    """Return {name: array} for a list of manifest weight specs over `data`.

    `data` is the concatenation of the group's shards in `paths` order.
    float32 weights come back as float32, int32 as int32, bool as bool.
    """
    out: dict[str, np.ndarray] = {}
    offset = 0
    for spec in specs:
        name = spec["name"]
        dtype = spec["dtype"]
        shape = [int(d) for d in spec.get("shape", [])]
        count = int(np.prod(shape, dtype=np.int64)) if shape else 1
        quant = spec.get("quantization")
        storage = _STORAGE.get(quant["dtype"] if quant else dtype)
        if storage is None:
            raise WeightFormatError(f"{name}: unsupported storage dtype {quant or dtype}")
        nbytes = count * storage.itemsize
        if offset + nbytes > len(data):
            raise WeightFormatError(f"{name}: weight data is truncated "
                                    f"(need {offset + nbytes} bytes, have {len(data)})")
        raw = np.frombuffer(data, dtype=storage, count=count, offset=offset)
        offset += nbytes

        if quant is None:
            values = raw.astype(np.bool_) if dtype == "bool" else raw.copy()
        elif quant["dtype"] in ("uint8", "uint16"):
            if "scale" not in quant or "min" not in quant:
                raise WeightFormatError(f"{name}: {quant['dtype']} quantization without scale/min")
            real = raw.astype(np.float64) * float(quant["scale"]) + float(quant["min"])
            if dtype == "float32":
                values = real.astype(np.float32)
            elif dtype == "int32":
                # tfjs: Math.round(v * scale + min); JS rounds halves up.
                values = np.floor(real + 0.5).astype(np.int32)
            else:
                raise WeightFormatError(f"{name}: cannot dequantize into {dtype}")
        elif quant["dtype"] == "float16":
            if dtype != "float32":
                raise WeightFormatError(f"{name}: float16 quantization of {dtype}")
            values = raw.astype(np.float32)
        else:
            raise WeightFormatError(f"{name}: unsupported quantization {quant['dtype']}")

        if name in out:
            raise WeightFormatError(f"duplicate weight name {name}")
        out[name] = values.reshape(shape)
    if offset != len(data):
        raise WeightFormatError(f"weight data has {len(data) - offset} unused trailing bytes; "
                                "manifest and shards do not match")
    return out


class WeightMap:
    """Dict-like access that remembers which weights were consumed, so a
    converter can assert that it used every floating-point weight (a missed
    weight means the architecture was misread)."""

    def __init__(self, weights: dict[str, np.ndarray]):
        self._weights = weights
        self._used: set[str] = set()

    def __contains__(self, name: str) -> bool:
        return name in self._weights

    def get(self, name: str, shape: list[int] | tuple[int, ...] | None = None) -> np.ndarray:
        if name not in self._weights:
            raise KeyError(f"weight {name!r} missing from the manifest")
        value = self._weights[name]
        if shape is not None and list(value.shape) != list(shape):
            raise WeightFormatError(f"weight {name!r} has shape {list(value.shape)}, expected {list(shape)}")
        self._used.add(name)
        return value

    def unused(self, float_only: bool = True) -> list[str]:
        return sorted(n for n, v in self._weights.items()
                      if n not in self._used and (not float_only or v.dtype == np.float32))
