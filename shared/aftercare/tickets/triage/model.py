"""The trained triage model: three linear classifiers (category, priority, sentiment) over
the features of `features.py`, read from `weights.json` and evaluated in plain Python.

The weights file is written by `ml/triage/train.py` (`make train-triage`): for each feature
one row of integer weights (the trained value times `scale`), the category's columns, then
the priority's, then the sentiment's; features the training found worthless are left out.
A head's score for a label is its bias plus the weights of the features present; the
probabilities are the softmax of the scores. Integers keep the file small and quick to
parse, which is what the tickets function's cold start pays for.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

HEADS = ("category", "priority", "sentiment")


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
        self.rows: dict[str, list[int]] = data["weights"]
        self.trained_on: dict[str, Any] = data.get("trainedOn", {})

    def predict(self, present: Iterable[str]) -> dict[str, Prediction]:
        totals = [0] * self.width
        rows = self.rows
        for feature in present:
            row = rows.get(feature)
            if row is not None:
                totals = [a + b for a, b in zip(totals, row, strict=True)]
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
    raw = resources.files("aftercare.tickets.triage").joinpath("weights.json").read_text(encoding="utf-8")
    return model_from(raw)
