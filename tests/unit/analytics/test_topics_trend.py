"""Recurring issues, labels and trends: a topic's top terms and readable label, its most
typical tickets, and its count against the previous period's matching groups."""

from __future__ import annotations

import pytest

from aftercare.analytics.topics import Text, find_topics
from aftercare.analytics.topics.cluster import normalized
from aftercare.analytics.topics.label import examples, label_of, top_terms
from aftercare.analytics.topics.trend import previous_counts, trend_of

KETTLE = normalized({"kettle": 1.0, "lid": 1.0, "leak": 1.0})
PARCEL = normalized({"delivery": 1.0, "late": 1.0})


@pytest.mark.parametrize(
    ("count", "previous", "wanted"),
    [
        (8, 3, "up from 3"),
        (2, 9, "down from 9"),
        (4, 4, "same as before (4)"),
        (5, 0, "new"),
    ],
)
def test_the_trend_in_words(count: int, previous: int, wanted: str) -> None:
    assert trend_of(count, previous) == wanted


@pytest.mark.parametrize(
    ("previous", "wanted"),
    [
        ([(KETTLE, 3)], [3, 0]),
        (
            [(KETTLE, 2), (normalized({"kettle": 1.0, "lid": 1.0, "leak": 0.8}), 1)],
            [3, 0],
        ),  # two groups, one topic
        ([(normalized({"kettle": 1.0, "lid": 0.2}), 4)], [4, 0]),  # kettle mostly: overlap 0.65
        ([(normalized({"lid": 1.0, "handle": 1.0}), 4)], [0, 0]),  # overlap 0.41: no match
        ([(PARCEL, 5), (KETTLE, 1)], [1, 5]),
        ([(normalized({"invoice": 1.0}), 7)], [0, 0]),  # an old topic gone: no current one gets it
        ([], [0, 0]),
    ],
)
def test_previous_groups_count_for_the_topic_their_terms_overlap_most(
    previous: list[tuple[dict[str, float], int]], wanted: list[int]
) -> None:
    assert previous_counts([KETTLE, PARCEL], previous) == wanted


@pytest.mark.parametrize(
    ("centre", "terms", "label"),
    [
        (
            {"lid": 0.5, "kettle": 0.7, "leak": 0.5, "pour": 0.1},
            ["kettle", "leak", "lid", "pour"],
            "kettle · leak · lid",
        ),
        ({"invoice": 1.0}, ["invoice"], "invoice"),
        ({}, [], "(no terms)"),
    ],
)
def test_top_terms_heaviest_first_ties_by_term_and_the_label(
    centre: dict[str, float], terms: list[str], label: str
) -> None:
    assert top_terms(centre) == terms
    assert label_of(top_terms(centre)) == label


def test_examples_are_the_most_typical_members_ties_by_id() -> None:
    vectors = [KETTLE, normalized({"kettle": 1.0}), KETTLE, PARCEL]
    ids = ["tk_b", "tk_c", "tk_a", "tk_d"]
    assert examples(KETTLE, [0, 1, 2], vectors, ids, n=2) == ["tk_a", "tk_b"]


def _texts(prefix: str, day: str, texts: list[str]) -> list[Text]:
    return [Text(f"tk_{prefix}{i:02d}", text, f"{day}T09:{i:02d}:00Z") for i, text in enumerate(texts)]


def test_a_week_of_tickets_becomes_topics_with_counts_trends_and_examples() -> None:
    kettle_zh, kettle_en = (
        ["水壶盖子漏水", "水壺蓋子漏水", "电水壶盖子漏水"],
        ["The kettle lid leaks", "kettle lid leaking"],
    )
    last_week = _texts(
        "p", "2026-11-18", [kettle_zh[0], kettle_en[0], kettle_zh[1], "my parcel is late", "包裹还没到"]
    )
    this_week = _texts(
        "c",
        "2026-11-25",
        [
            *kettle_zh,
            *kettle_en,
            *kettle_zh,
            "鞋子尺码偏小",
            "these shoes run small",
            "请开发票",
            "parcel late",
        ],
    )
    topics = find_topics(this_week, last_week)
    assert [(t.label, t.count, t.trend) for t in topics] == [
        ("kettle · leak · lid", 8, "up from 3"),  # equal weights: by term
        ("shoes · small", 2, "new"),  # "size": in one text only, no term
    ]
    kettle = topics[0]
    assert set(kettle.terms) >= {"kettle", "lid", "leak"}
    assert len(kettle.examples) == 5 and set(kettle.examples) <= {f"tk_c{i:02d}" for i in range(8)}


def test_no_tickets_no_topics() -> None:
    assert find_topics([], []) == []
