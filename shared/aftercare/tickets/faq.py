"""FAQ self-service: a curated bilingual FAQ (`faq.json`, shipped in the layer) ranked by
BM25. English is split into words (lower case, a light plural strip, stop words dropped);
Chinese into overlapping character bigrams, so no segmentation dictionary is needed. Each
entry is indexed once per language (question twice, keywords, answer); a query answers
in the language of the entry that matched it best.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

_CJK = re.compile(r"[\u3400-\u9fff]+")
_LATIN = re.compile(r"[a-z0-9]+")
_STOP_WORDS = (
    "a an the i my me to of in on for is are was it do does did can how what why when where which "
    "i'm you your we our and or with be have has this that there not"
)
_STOP = frozenset(_STOP_WORDS.split())
K1, B = 1.5, 0.75


def tokens(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).lower()
    found: list[str] = []
    for run in _CJK.findall(folded):
        if len(run) == 1:
            found.append(run)
        else:
            found.extend(run[i : i + 2] for i in range(len(run) - 1))
    for word in _LATIN.findall(_CJK.sub(" ", folded)):
        if word in _STOP:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        found.append(word)
    return found


def language_of(text: str) -> str:
    return "zh" if _CJK.search(text) else "en"


@dataclass(frozen=True)
class FaqEntry:
    faq_id: str
    category: str
    language: str
    question: str
    answer: str


@dataclass(frozen=True)
class Hit:
    entry: FaqEntry
    score: float


@dataclass(frozen=True)
class _Index:
    entries: list[FaqEntry]
    frequencies: list[Counter[str]]
    lengths: list[int]
    average_length: float
    document_frequency: Counter[str]


@cache
def _index() -> _Index:
    raw = resources.files("aftercare.tickets").joinpath("faq.json").read_text(encoding="utf-8")
    entries, frequencies = [], []
    for item in json.loads(raw)["entries"]:
        for language in ("zh", "en"):
            variant = item[language]
            entries.append(
                FaqEntry(item["faqId"], item["category"], language, variant["question"], variant["answer"])
            )
            text = " ".join([variant["question"]] * 2 + [variant.get("keywords", ""), variant["answer"]])
            frequencies.append(Counter(tokens(text)))
    lengths = [sum(counter.values()) for counter in frequencies]
    document_frequency: Counter[str] = Counter()
    for counter in frequencies:
        document_frequency.update(counter.keys())
    return _Index(entries, frequencies, lengths, sum(lengths) / len(lengths), document_frequency)


def entries(language: str | None = None) -> list[FaqEntry]:
    return [entry for entry in _index().entries if language is None or entry.language == language]


def search(query: str, *, limit: int = 5, language: str | None = None) -> list[Hit]:
    """The best entries for `query`, one per FAQ item, highest score first."""
    index = _index()
    terms = Counter(tokens(query))
    if not terms:
        return []
    total = len(index.entries)
    best: dict[str, Hit] = {}
    for position, frequency in enumerate(index.frequencies):
        entry = index.entries[position]
        if language is not None and entry.language != language:
            continue
        score = 0.0
        norm = K1 * (1 - B + B * index.lengths[position] / index.average_length)
        for term, query_count in terms.items():
            count = frequency.get(term, 0)
            if not count:
                continue
            df = index.document_frequency[term]
            idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
            score += query_count * idf * count * (K1 + 1) / (count + norm)
        if score > 0 and (entry.faq_id not in best or best[entry.faq_id].score < score):
            best[entry.faq_id] = Hit(entry, score)
    return sorted(best.values(), key=lambda hit: (-hit.score, hit.entry.faq_id))[:limit]
