"""AuditScored in the KPIs: the facts a scored audit adds (for its agent and its audited
week), and the count and mean score the KPI document shows from them."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from aftercare.analytics.aggregate import deltas
from aftercare.analytics.facts import COUNTED, Count, facts_of
from aftercare.analytics.kpis import audits, compute
from aftercare.audits.events import AuditScored
from aftercare.events import DomainEvent, Happened, envelope

AT = "2026-12-01T09:00:00.000000Z"


def scored(scores: dict[str, int], agent: str = "agent_li", week: str = "2026-W48") -> DomainEvent:
    payload = AuditScored("aud_1", agent, week, "TICKET", "tk_1", scores, "sup_zhao", AT)
    return envelope(Happened(payload, subject="aud_1", time=AT), source="audits", origin=repr(payload))


def test_analytics_listens_to_audit_scored() -> None:
    assert AuditScored.TYPE in COUNTED


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        (
            {"greeting": 5, "accuracy": 4, "tone": 4, "resolution": 3},
            [
                Count("audits.n", "2026-12-01", 1, "agent_li"),
                Count("audits.points", "2026-12-01", 16, "agent_li"),
                Count("audits.criteria", "2026-12-01", 4, "agent_li"),
                Count("audits.week.2026-W48.n", "2026-12-01", 1, "agent_li"),
                Count("audits.week.2026-W48.points", "2026-12-01", 16, "agent_li"),
                Count("audits.week.2026-W48.criteria", "2026-12-01", 4, "agent_li"),
            ],
        ),
        ({}, []),  # no score: nothing to count
        ({"greeting": 9, "tone": 0}, []),  # out of range (a corrupt image): not counted
    ],
)
def test_a_scored_audit_counts_for_its_agent_and_its_week(
    scores: dict[str, int], expected: list[Count]
) -> None:
    assert facts_of(scored(scores)) == expected


def test_the_kpis_show_count_and_mean_per_agent_and_per_week() -> None:
    events = [
        scored({"greeting": 5, "accuracy": 4, "tone": 4, "resolution": 3}),  # 4.0
        scored({"greeting": 2, "accuracy": 3, "tone": 2, "resolution": 2}, week="2026-W47"),  # 2.25
        scored({"greeting": 5, "accuracy": 5, "tone": 5, "resolution": 5}, agent="agent_wang"),  # 5.0
    ]
    totals: dict[str, Counter[str]] = {}
    agents: dict[str, dict[str, Counter[str]]] = {}
    for event in events:
        for (day, agent), adds in deltas(facts_of(event)).items():
            if agent is None:
                totals.setdefault(day, Counter()).update(adds)
            else:
                agents.setdefault(day, {}).setdefault(agent, Counter()).update(adds)
    kpis = compute(date(2026, 12, 1), date(2026, 12, 1), totals, agents, generated_at=AT)
    assert kpis.audits is not None
    assert (kpis.audits.n, kpis.audits.mean_score) == (3, 3.75)
    assert [(w.week, w.n, w.mean_score) for w in kpis.audits.by_week] == [
        ("2026-W47", 1, 2.25),
        ("2026-W48", 2, 4.5),
    ]
    by_agent = {a.agent_id: a.audits for a in kpis.agents}
    li, wang = by_agent["agent_li"], by_agent["agent_wang"]
    assert li is not None and wang is not None
    assert (li.n, li.mean_score, [w.week for w in li.by_week]) == (2, 3.12, ["2026-W47", "2026-W48"])
    assert (wang.n, wang.mean_score) == (1, 5.0)


def test_no_audits_is_zero_and_no_mean() -> None:
    empty = audits(Counter())
    assert (empty.n, empty.mean_score, empty.by_week) == (0, None, [])
