"""The audits' pure rules: the week, the reproducible sample, the scores, own work, the
transitions."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from aftercare.audits import rules
from aftercare.audits.rules import AlreadyScored, AuditAction, AuditStatus, OwnWork
from aftercare.errors import BusinessRuleViolation

TEN = [f"tk_{i:02d}" for i in range(10)]


@pytest.mark.parametrize(
    ("at", "week"),
    [
        ("2026-11-23T00:00:00Z", "2026-W48"),  # a Monday starts the week
        ("2026-11-29T23:59:59Z", "2026-W48"),  # its Sunday ends it
        ("2026-11-30T00:00:00Z", "2026-W49"),
        ("2027-01-01T10:00:00Z", "2026-W53"),  # ISO years: 1 Jan 2027 is in 2026's last week
        ("2027-01-04T10:00:00Z", "2027-W01"),
    ],
)
def test_work_belongs_to_the_iso_week_it_was_done_in(at: str, week: str) -> None:
    assert rules.week_of(at) == week


@pytest.mark.parametrize(
    ("now", "week"),
    [
        (datetime(2026, 11, 30, 2, 0, tzinfo=UTC), "2026-W48"),  # Monday's run: the week before
        (datetime(2026, 12, 6, 23, 0, tzinfo=UTC), "2026-W48"),  # still the last whole week
        (datetime(2026, 12, 7, 0, 0, tzinfo=UTC), "2026-W49"),
    ],
)
def test_the_weekly_run_samples_the_last_whole_week(now: datetime, week: str) -> None:
    assert rules.previous_week(now) == week


@pytest.mark.parametrize(
    ("candidates", "n", "expected_size"),
    [
        (TEN, 2, 2),
        (TEN, 3, 3),
        (TEN[:1], 2, 1),  # fewer candidates than N: all of them
        (TEN[:2], 2, 2),
        ([], 2, 0),
        (TEN, 0, 0),
        (["tk_01", "tk_01", "tk_01"], 2, 1),  # repeats are one candidate: never picked twice
    ],
)
def test_the_sample_takes_n_distinct_candidates_at_most(
    candidates: list[str], n: int, expected_size: int
) -> None:
    picked = rules.sample(candidates, week="2026-W48", agent="agent_li", kind="TICKET", n=n)
    assert len(picked) == expected_size
    assert len(set(picked)) == len(picked)
    assert set(picked) <= set(candidates)


def test_the_sample_is_reproducible_whatever_order_the_candidates_come_in() -> None:
    first = rules.sample(TEN, week="2026-W48", agent="agent_li", kind="TICKET", n=3)
    again = rules.sample(list(reversed(TEN)), week="2026-W48", agent="agent_li", kind="TICKET", n=3)
    assert first == again


@pytest.mark.parametrize(
    "other",
    [
        {"week": "2026-W49", "agent": "agent_li", "kind": "TICKET"},
        {"week": "2026-W48", "agent": "agent_wang", "kind": "TICKET"},
        {"week": "2026-W48", "agent": "agent_li", "kind": "CASE"},
    ],
)
def test_the_seed_is_the_week_the_agent_and_the_kind(other: dict[str, str]) -> None:
    many = [f"tk_{i:03d}" for i in range(200)]
    mine = rules.sample(many, week="2026-W48", agent="agent_li", kind="TICKET", n=5)
    assert rules.seed(**other) != rules.seed("2026-W48", "agent_li", "TICKET")
    assert rules.sample(many, n=5, **other) != mine  # 200 choose 5: a collision would be a bug


def test_every_candidate_can_be_drawn() -> None:
    drawn = {
        subject
        for week in range(1, 53)
        for subject in rules.sample(TEN, week=f"2026-W{week:02d}", agent="agent_li", kind="TICKET", n=2)
    }
    assert drawn == set(TEN)


GOOD = {"greeting": 5, "accuracy": 4, "tone": 3, "resolution": 1}


@pytest.mark.parametrize(
    ("change", "bad"),
    [
        ({"greeting": 0}, ["scores.greeting"]),
        ({"accuracy": 6}, ["scores.accuracy"]),
        ({"tone": -1, "resolution": 10}, ["scores.tone", "scores.resolution"]),
        ({"tone": True}, ["scores.tone"]),
        ({"extra": 3}, ["scores.extra"]),
    ],
)
def test_a_score_outside_1_to_5_is_refused_naming_each_bad_criterion(
    change: dict[str, object], bad: list[str]
) -> None:
    with pytest.raises(BusinessRuleViolation) as refused:
        rules.checked_scores({**GOOD, **change})  # type: ignore[dict-item]
    assert [e["field"] for e in refused.value.errors] == bad


def test_a_missing_criterion_is_refused() -> None:
    with pytest.raises(BusinessRuleViolation):
        rules.checked_scores({"greeting": 3, "accuracy": 3, "tone": 3})


def test_scores_1_to_5_are_kept_and_averaged() -> None:
    assert rules.checked_scores(GOOD) == GOOD
    assert (rules.total(GOOD), rules.mean(GOOD)) == (13, 3.25)


@pytest.mark.parametrize(
    ("scorer", "agent", "refused"),
    [("sup_zhao", "sup_zhao", True), ("sup_zhao", "agent_li", False), ("sup_morgan", "sup_zhao", False)],
)
def test_nobody_audits_their_own_work(scorer: str, agent: str, refused: bool) -> None:
    if refused:
        with pytest.raises(OwnWork):
            rules.check_not_own_work(scorer, agent)
    else:
        rules.check_not_own_work(scorer, agent)


def test_an_audit_is_scored_once() -> None:
    assert rules.next_status(AuditStatus.PENDING, AuditAction.SCORE) is AuditStatus.SCORED
    with pytest.raises(AlreadyScored):
        rules.next_status(AuditStatus.SCORED, AuditAction.SCORE)
