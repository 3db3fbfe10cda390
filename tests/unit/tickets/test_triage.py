"""Triage on a labelled table of realistic Chinese and English messages (triage_cases.py):
each field must be right for at least 90 % of them; the accuracy is printed in the summary."""

from __future__ import annotations

import pytest

from aftercare.tickets.rules import Category, Priority, Sentiment
from aftercare.tickets.triage import TriageContext, classify, lexicon_from, normalize
from tests.unit.tickets.triage_cases import CASES
from tests.unit.tickets.triage_report import accuracy, run

THRESHOLD = 0.90


def test_the_labelled_table_is_large_and_bilingual() -> None:
    assert len(CASES) >= 60
    assert {case.category for case in CASES} == {c.value for c in Category}
    assert {case.priority for case in CASES} == {p.value for p in Priority}
    assert {case.sentiment for case in CASES} == {s.value for s in Sentiment}
    assert sum(case.hard for case in CASES) >= 20


@pytest.mark.parametrize("field", ["category", "priority", "sentiment"])
def test_triage_gets_each_field_right_for_at_least_90_percent_of_the_table(field: str) -> None:
    measured = accuracy(run(), field)
    assert measured >= THRESHOLD, f"{field} accuracy {measured:.1%}"


def test_triage_gets_all_three_fields_right_for_most_messages() -> None:
    assert accuracy(run(), "all") >= 0.80


@pytest.mark.parametrize(
    ("message", "category"),
    [
        ("再不处理我就去12315投诉", "COMPLAINT"),
        ("I will report you to the consumer protection agency", "COMPLAINT"),
        ("this is going to be a chargeback", "COMPLAINT"),
        ("等着差评吧", "COMPLAINT"),
        ("我要向消协反映", "COMPLAINT"),
    ],
)
def test_a_threat_is_an_urgent_negative_complaint(message: str, category: str) -> None:
    result = classify("", message)
    assert (result.category, result.priority, result.sentiment) == (category, "URGENT", "NEGATIVE")


def test_context_raises_priority_high_value_and_repeat_contacts() -> None:
    text = ("物流", "我的快递什么时候到")
    assert classify(*text).priority == "NORMAL"
    assert classify(*text, TriageContext(order_value=100_000)).priority == "HIGH"
    assert classify(*text, TriageContext(order_value=99_999)).priority == "NORMAL"
    assert classify(*text, TriageContext(recent_contacts=2)).priority == "HIGH"
    assert classify(*text, TriageContext(recent_contacts=4)).priority == "URGENT"


def test_a_negator_flips_a_sentiment_word() -> None:
    assert classify("", "I am not happy with this, disappointed").sentiment == "NEGATIVE"
    assert classify("", "not disappointed at all, great").sentiment == "POSITIVE"
    assert classify("", "我对处理结果不满意").sentiment == "NEGATIVE"


def test_full_width_text_is_normalised() -> None:
    assert normalize("ＲＥＦＵＮＤ　１２３１５") == "refund 12315"
    assert classify("", "ＲＥＦＵＮＤ please").category == "REFUND"


def test_the_lexicon_is_data_a_new_term_changes_the_outcome() -> None:
    import json
    from importlib import resources

    data = json.loads(resources.files("aftercare.tickets").joinpath("triage_lexicon.json").read_text("utf-8"))
    assert classify("", "my gizmo is kaput").category == "OTHER"
    data["categories"]["PRODUCT"]["kaput"] = 3
    assert classify("", "my gizmo is kaput", lexicon=lexicon_from(data)).category == "PRODUCT"


def test_empty_text_is_other_low_neutral() -> None:
    result = classify("", "")
    assert (result.category, result.priority, result.sentiment) == ("OTHER", "LOW", "NEUTRAL")
