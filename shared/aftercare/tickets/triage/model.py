"""The trained triage model: three linear classifiers (category, priority, sentiment) over
the features of `features.py`, read from `weights.json` and evaluated in plain Python.

The weights file is written by `ml/triage/train.py` (`make train-triage`). For each
feature one row of integer weights (the trained value times `scale`): the category's
columns, then the priority's, then the sentiment's; features the training found worthless
are left out. The rows are packed as little-endian 16-bit integers in base64 beside the
newline-separated feature names, so loading is one JSON parse of two strings, one base64
decode and one dict, a few milliseconds of the tickets function's cold start (a JSON list
per feature took ten times as long). A head's score for a label is its bias plus the
weights of the features present; the probabilities are the softmax of the scores.
"""

from __future__ import annotations

import base64
import json
import math
import sys
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

# Package data beside the code, read without importlib.resources: its first use alone costs
# the cold start more than the data does.
HERE = Path(__file__).resolve().parent
HEADS = ("category", "priority", "sentiment")
INT16 = 32767


@dataclass(frozen=True)
class Prediction:
    label: str
    confidence: float  # the softmax probability of the label
    scores: dict[str, float]


@dataclass(frozen=True)
class Head:
    name: str
    labels: tuple[str, ...]
    bias: tuple[float, ...]
    offset: int  # where this head's columns start in a feature's row


def pack(rows: dict[str, list[int]]) -> dict[str, str]:
    """Rows of integer weights as the file stores them (sorted by feature)."""
    names = sorted(rows)
    values = array("h", [w for name in names for w in rows[name]])
    if sys.byteorder == "big":
        values.byteswap()
    return {"features": "\n".join(names), "weights": base64.b64encode(values.tobytes()).decode("ascii")}


def unpack(data: dict[str, Any], width: int) -> tuple[dict[str, int], array[int]]:
    """Where each feature's row starts, and all the rows (sliced only when a feature occurs)."""
    values = array("h")
    values.frombytes(base64.b64decode(data["weights"]))
    if sys.byteorder == "big":
        values.byteswap()
    names = data["features"].split("\n") if data["features"] else []
    return dict(zip(names, range(0, len(names) * width, width), strict=True)), values


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
        width, totals = self.width, [0] * self.width
        offsets, values = self.offsets, self.values
        for feature in present:
            start = offsets.get(feature)
            if start is not None:
                totals = [a + b for a, b in zip(totals, values[start : start + width], strict=True)]
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


def model_from(raw: str) -> LinearModel:
    return LinearModel(json.loads(raw))


@cache
def default_model() -> LinearModel:
    return model_from((HERE / "weights.json").read_text(encoding="utf-8"))
