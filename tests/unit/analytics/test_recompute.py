"""The aggregates, summed over generated histories, say what a direct recomputation from the
raw histories says: counts and sums exactly, histograms bucket for bucket, quantiles within
their bucket, correlations to the fourth decimal."""

from __future__ import annotations

from hypothesis import given, settings

from aftercare.analytics.aggregate import deltas
from aftercare.analytics.facts import facts_of
from aftercare.analytics.kpis import compute
from tests.unit.analytics.world import (
    FIRST_DAY,
    LAST_DAY,
    OrderPlan,
    TicketPlan,
    changes_of,
    check,
    expected,
    split,
    worlds,
)


@settings(max_examples=120, deadline=None)
@given(worlds(max_orders=12, max_tickets=16))
def test_aggregates_of_generated_histories_equal_a_direct_recomputation(
    world: tuple[list[OrderPlan], list[TicketPlan]],
) -> None:
    orders, tickets = world
    found = [f for event, subject in changes_of(orders, tickets) for f in facts_of(event, subject)]
    totals, agents = split(deltas(found))
    check(compute(FIRST_DAY, LAST_DAY, totals, agents, generated_at="now"), expected(orders, tickets))


@settings(max_examples=60, deadline=None)
@given(worlds())
def test_adding_record_by_record_equals_adding_everything_at_once(
    world: tuple[list[OrderPlan], list[TicketPlan]],
) -> None:
    from collections import Counter

    changes = changes_of(*world)
    at_once = deltas(f for event, subject in changes for f in facts_of(event, subject))
    one_by_one: dict[tuple[str, str | None], Counter[str]] = {}
    for event, subject in changes:
        for key, adds in deltas(facts_of(event, subject)).items():
            one_by_one.setdefault(key, Counter()).update(adds)
    assert one_by_one == at_once
