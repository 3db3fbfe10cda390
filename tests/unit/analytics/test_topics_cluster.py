"""Recurring issues, the grouping: texts about one problem land together whatever the
language; unrelated texts do not; the same input always gives the same groups."""

from __future__ import annotations

import random

import pytest

from aftercare.analytics.topics import Text, find_topics
from aftercare.analytics.topics.cluster import Vocabulary, cluster, cosine, normalized
from aftercare.analytics.topics.tokenize import tokens

KETTLE = [
    "水壶盖子漏水",
    "The kettle lid leaks",
    "水壺蓋子漏水，怎麼辦",
    "my kettle is leaking from the lid 😡",
    "电水壶的盖子漏水 please help",
    "Kettle lid leaked all over the counter",
]
PARCEL = ["包裹还没到", "My parcel is late", "快递太慢了，包裹还没到", "the parcel is so late"]
SIZE = ["鞋子尺码偏小", "these shoes run small", "鞋码偏小"]
ONE_OFFS = ["请开发票", "I love the colour of the lamp", "账号登录不了"]


def groups_of(texts: list[str], **options: float) -> list[set[str]]:
    terms = [tokens(text) for text in texts]
    vocabulary = Vocabulary.fit(terms)
    vectors = [vocabulary.vector(t) for t in terms]
    return [{texts[i] for i in members} for members in cluster(vectors, **options)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("together", "apart"),
    [
        (KETTLE, PARCEL),
        (PARCEL, SIZE),
        (SIZE, KETTLE),
        (KETTLE[:2], ["水壶很好看", "the kettle is beautiful"]),  # one product, no shared problem
    ],
)
def test_texts_about_one_problem_land_in_one_group_in_both_languages(
    together: list[str], apart: list[str]
) -> None:
    found = groups_of([*together, *apart, *ONE_OFFS])
    home = next(group for group in found if together[0] in group)
    assert home == set(together)


def test_unrelated_texts_stay_apart() -> None:
    found = groups_of([*ONE_OFFS, "the kettle is beautiful", "鞋子很舒服"])
    assert all(len(group) == 1 for group in found)


def test_a_text_without_terms_is_in_no_group() -> None:
    found = groups_of(["😡😡😡", "!!!", *KETTLE[:2]])
    assert found == [set(KETTLE[:2])]


def test_the_same_texts_give_the_same_groups_every_time() -> None:
    texts = KETTLE + PARCEL + SIZE + ONE_OFFS
    assert groups_of(texts) == groups_of(list(texts))
    items = [Text(f"tk_{i:02d}", text, f"2026-11-2{i % 7}T08:00:00Z") for i, text in enumerate(texts)]
    shuffled = list(items)
    random.Random(7).shuffle(shuffled)
    assert find_topics(items) == find_topics(shuffled)  # ordered by time and id, not arrival


def test_groups_are_largest_first() -> None:
    found = groups_of([*SIZE, *KETTLE, *PARCEL])
    assert [len(group) for group in found] == [6, 4, 3]


def test_no_more_groups_than_allowed_and_the_rest_alone() -> None:
    texts = ["kettle lid leaks", "parcel is late", "shoes run small", "invoice please"]
    texts += [f"the {text}" for text in texts]
    found = groups_of(texts, max_clusters=2)
    assert sorted(len(group) for group in found) == [1, 1, 1, 1, 2, 2]


@pytest.mark.parametrize(
    ("a", "b", "wanted"),
    [
        ({"x": 1.0}, {"x": 1.0}, 1.0),
        ({"x": 1.0}, {"y": 1.0}, 0.0),
        (normalized({"x": 1.0, "y": 1.0}), {"x": 1.0}, 0.7071),
        ({}, {"x": 1.0}, 0.0),
    ],
)
def test_cosine_of_unit_vectors(a: dict[str, float], b: dict[str, float], wanted: float) -> None:
    assert cosine(a, b) == pytest.approx(wanted, abs=1e-4)


def test_the_vocabulary_keeps_terms_of_two_texts_or_more_and_at_most_so_many() -> None:
    docs = [["a", "b"], ["a", "c"], ["a", "b"], ["d"]]
    assert set(Vocabulary.fit(docs).idf) == {"a", "b"}
    assert set(Vocabulary.fit(docs, max_vocab=1).idf) == {"a"}
    idf = Vocabulary.fit(docs).idf
    assert idf["b"] > idf["a"]  # the rarer term weighs more
