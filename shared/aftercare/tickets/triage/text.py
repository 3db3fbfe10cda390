"""Text normalisation shared by the features, the urgency rules and training.

One form for every way a shopper types the same thing: NFKC (full-width letters, digits
and punctuation become plain), lower case, traditional Chinese characters folded to
simplified ones (`t2s.json`, OpenCC's character table, shipped in the layer), runs of
white space to one space. Training reads text through the same function, so the model
never sees a form that inference does not produce.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

# Package data beside the code, read without importlib.resources: its first use alone costs
# the cold start more than the data does.
HERE = Path(__file__).resolve().parent

_SPACE = re.compile(r"\s+")
# one expression for every use: compiling a class this wide costs a millisecond or two
CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
LATIN_LETTER = re.compile(r"[a-z]")


@cache
def _t2s() -> dict[int, int]:
    raw = (HERE / "t2s.json").read_text(encoding="utf-8")
    table = json.loads(raw)
    return str.maketrans(table["traditional"], table["simplified"])


def normalize(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).lower().translate(_t2s())
    return _SPACE.sub(" ", folded).strip()


def language_of(text: str) -> str:
    """zh, en or mixed: Chinese characters and Latin words both present make it mixed."""
    normal = normalize(text)
    has_zh = bool(CJK_RUN.search(normal))
    latin_words = len(re.findall(r"[a-z]{3,}", normal))
    if has_zh and latin_words >= 2:
        return "mixed"
    if has_zh:
        return "zh"
    return "en"
