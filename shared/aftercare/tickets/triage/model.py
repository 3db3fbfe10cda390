"""The trained triage model: three linear classifiers (category, priority, sentiment) over
the features of `features.py`, read from `weights.bin` and evaluated in plain Python.

The weights file is written by `ml/triage/train.py` (`make train-triage`). For each
feature one row of integer weights (the trained value times `scale`): the category's
columns, then the priority's, then the sentiment's; features the training found worthless
are left out. The file is one ASCII line of JSON (the heads, the scale, the sizes and
provenance), the newline-separated feature names (UTF-8), then the rows as little-endian
16-bit integers, raw. Loading is one read, a short JSON parse, one decode of the names and
one dict, about 2 ms of the tickets function's cold start: a JSON file holding the same
rows in base64 took 9 ms, most of it decoding 600 KiB of text. A head's score for a label
is its bias plus the weights of the features present; the probabilities are the softmax of
the scores.
"""

from __future__ import annotations

import json
import math
import sys
from array import array
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

# Package data beside the code, read without importlib.resources: its first use alone costs
# the cold start more than the data does.
HERE = Path(__file__).resolve().parent
HEADS = ("category", "priority", "sentiment")
INT16 = 32767


class Prediction(NamedTuple):
    label: str
    confidence: float  # the softmax probability of the label
    scores: dict[str, float]


class Head(NamedTuple):
    name: str
    labels: tuple[str, ...]
    bias: tuple[float, ...]
    offset: int  # where this head's columns start in a feature's row


def pack(rows: dict[str, list[int]]) -> dict[str, Any]:
    """Rows of integer weights as the file stores them (sorted by feature)."""
    names = sorted(rows)
    values = array("h", [w for name in names for w in rows[name]])
    if sys.byteorder == "big":
        values.byteswap()
    return {"features": "\n".join(names), "weights": values.tobytes()}


def unpack(data: dict[str, Any], width: int) -> tuple[dict[str, int], array[int]]:
    """Where each feature's row starts, and all the rows (sliced only when a feature occurs)."""
    values = array("h")
    values.frombytes(data["weights"])
    if sys.byteorder == "big":
        values.byteswap()
    names = data["features"].split("\n") if data["features"] else []
    return dict(zip(names, range(0, len(names) * width, width), strict=True)), values


def dumps(model: dict[str, Any]) -> bytes:
    """The weights file: a JSON line of everything but the rows, the names, the rows."""
    names = model["features"].encode("utf-8")
    header = {key: value for key, value in model.items() if key not in ("features", "weights")}
    header["namesBytes"] = len(names)
    line = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("ascii")
    return line + b"\n" + names + model["weights"]


def loads(raw: bytes) -> dict[str, Any]:
    end = raw.index(b"\n")
    data: dict[str, Any] = json.loads(raw[:end])
    names_end = end + 1 + data.pop("namesBytes")
    data["features"] = raw[end + 1 : names_end].decode("utf-8")
    data["weights"] = raw[names_end:]
    return data


class LinearModel:
    def __init__(self, data: dict[str, Any]) -> None:
        scale = float(data["scale"])
        offset = 0
        heads = []
        for name in HEADS:
            head = data["heads"][name]
            labels = tuple(head["labels"])
            heads.append(Head(name, labels, tuple(b / scale for b in head["bias"]), offset))
            offset += len(labels)
        self.heads = tuple(heads)
        self.width = offset
        self.scale = scale
        self.offsets, self.values = unpack(data, offset)
        self.trained_on: dict[str, Any] = data.get("trainedOn", {})

    def row(self, feature: str) -> list[int] | None:
        start = self.offsets.get(feature)
        return None if start is None else list(self.values[start : start + self.width])

    def predict(self, present: Iterable[str]) -> dict[str, Prediction]:
        width, offsets, values = self.width, self.offsets, self.values
        # one sum a column over the rows present, rather than a new list of totals per feature:
        # a long ticket has hundreds of them
        rows = [values[start : start + width] for start in map(offsets.get, present) if start is not None]
        totals = [sum(column) for column in zip(*rows, strict=True)] if rows else [0] * width
        found = {}
        for head in self.heads:
            scores = [bias + totals[head.offset + index] / self.scale for index, bias in enumerate(head.bias)]
            top = max(scores)
            exps = [math.exp(score - top) for score in scores]
            best = scores.index(top)
            found[head.name] = Prediction(
                label=head.labels[best],
                confidence=exps[best] / sum(exps),
                scores=dict(zip(head.labels, scores, strict=True)),
            )
        return found


def model_from(raw: bytes) -> LinearModel:
    return LinearModel(loads(raw))


@cache
def default_model() -> LinearModel:
    return model_from((HERE / "weights.bin").read_bytes())
