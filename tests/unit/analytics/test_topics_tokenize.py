"""Recurring issues, the terms of a text: Chinese (simplified and traditional) and English
meet on the lexicon's concepts; the rest is bigrams or stemmed words; noise is dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from aftercare.analytics.topics.tokenize import MAX_CHARS, normalize, stem, tokens

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # simplified and traditional Chinese, and English, read as the same concepts
        ("水壶盖子漏水", ["kettle", "lid", "leak"]),
        ("水壺蓋子漏水", ["kettle", "lid", "leak"]),
        ("電水壺的蓋子會漏水", ["kettle", "lid", "leak"]),  # 會 alone between words: no bigram
        ("The kettle lid leaks", ["kettle", "lid", "leak"]),
        ("my kettle's LID is LEAKING", ["kettle", "lid", "leak"]),
        ("Ｋｅｔｔｌｅ ｌｉｄ leaked", ["kettle", "lid", "leak"]),  # full-width letters
        # mixed Chinese and English in one text
        ("kettle 盖子漏水 please help", ["kettle", "lid", "leak"]),
        ("充电器坏了 charger broken", ["charger", "broken", "charger", "broken"]),
        # emoji, digits, punctuation and stop words are no terms
        ("😡😡 the lid leaks!!! 🙏", ["lid", "leak"]),
        ("order #20261102 arrived with a crack 💔", ["receive", "crack"]),
        ("订单号123456 包裹还没到 😭", ["delivery", "late"]),
        ("请尽快处理一下，谢谢", []),
        ("", []),
        ("🙂🙂🙂 !!! 123", []),
        # words outside the lexicon: Chinese bigrams, stemmed English words
        ("遥控器失灵", ["broken", "遥控", "控器"]),
        ("the remote stopped responding", ["remote", "stop", "respond"]),
        ("batteries boxes glasses", ["battery", "packaging", "glass"]),
    ],
)
def test_the_terms_of_a_text(text: str, wanted: list[str]) -> None:
    assert tokens(text) == wanted


@pytest.mark.parametrize(
    ("word", "wanted"),
    [
        ("leaks", "leak"),
        ("leaking", "leak"),
        ("leaked", "leak"),
        ("batteries", "battery"),
        ("stopped", "stop"),
        ("filled", "fill"),
        ("boxes", "box"),
        ("lines", "line"),
        ("glass", "glass"),
        ("status", "status"),
        ("is", "is"),
        ("bed", "bed"),  # never below three letters
        ("don't", "dont"),
    ],
)
def test_light_stemming(word: str, wanted: str) -> None:
    assert stem(word) == wanted


def test_only_the_opening_of_a_long_text_is_read() -> None:
    long = "kettle lid leaks " + "x" * 5000 + " refund"
    assert len(normalize(long)) == MAX_CHARS
    assert "refund" not in tokens(long)


def test_the_character_table_is_the_one_tickets_ships() -> None:
    """One OpenCC table (ml/triage/t2s.py writes both copies): analytics keeps its own
    because it reads no other domain."""
    ours = ROOT / "shared/aftercare/analytics/topics/t2s.json"
    theirs = ROOT / "shared/aftercare/tickets/triage/t2s.json"
    assert ours.read_bytes() == theirs.read_bytes()
