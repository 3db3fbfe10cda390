"""Events arrive late, twice, or out of order: the outcome depends only on which events
arrived, never on how (PRODUCT.md §3; the rule is in aftercare/logistics/rules.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aftercare.logistics import rules
from aftercare.logistics.rules import CourierEvent, SubStatus, TrackingStatus

TIMES = [f"2026-11-2{day}T0{hour}:00:00.000Z" for day in range(1, 4) for hour in range(0, 3)]

events = st.builds(
    CourierEvent,
    event_id=st.text(alphabet="abcdef0123456789", min_size=1, max_size=6),
    carrier=st.just("sf-express"),
    tracking_number=st.just("SF100200300"),
    status=st.sampled_from(list(TrackingStatus)),
    occurred_at=st.sampled_from(TIMES),  # few instants, so ties happen
    sub_status=st.none() | st.sampled_from(list(SubStatus)),
    estimated_delivery=st.none() | st.sampled_from(["2026-11-25", "2026-11-26"]),
)


@st.composite
def journeys(draw: st.DrawFn) -> tuple[list[CourierEvent], list[CourierEvent]]:
    """A set of distinct events, and one way they might arrive: shuffled, some twice."""
    distinct = draw(st.lists(events, min_size=0, max_size=12, unique_by=lambda event: event.event_id))
    shuffled = draw(st.permutations(distinct))
    repeats = draw(st.lists(st.sampled_from(distinct), max_size=6)) if distinct else []
    arrival = list(shuffled)
    for repeat in repeats:
        arrival.insert(draw(st.integers(0, len(arrival))), repeat)
    return distinct, arrival


def state_after(arrival: list[CourierEvent], *, batch: int = 1) -> tuple[rules.Summary, list[CourierEvent]]:
    known: dict[str, CourierEvent] = {}
    for start in range(0, len(arrival), batch):
        known = rules.merge(known, arrival[start : start + batch])
    return rules.summarize(known), rules.history(known)


@settings(max_examples=200, deadline=None)
@given(journeys(), st.integers(1, 5))
def test_any_order_and_duplication_yields_the_same_status_and_history(
    journey: tuple[list[CourierEvent], list[CourierEvent]], batch: int
) -> None:
    distinct, arrival = journey
    expected_summary, expected_history = state_after(distinct)
    summary, history = state_after(arrival, batch=batch)
    assert summary == expected_summary
    assert history == expected_history
    assert len(history) == len(distinct)
    assert [event.occurred_at for event in history] == sorted(event.occurred_at for event in history)


@settings(max_examples=150, deadline=None)
@given(journeys())
def test_the_status_never_regresses_while_events_arrive(
    journey: tuple[list[CourierEvent], list[CourierEvent]],
) -> None:
    _, arrival = journey
    known: dict[str, CourierEvent] = {}
    previous: tuple[bool, str, int, str] | None = None
    for event in arrival:
        known = rules.merge(known, [event])
        summary = rules.summarize(known)
        assert summary.status_event_id is not None
        current = rules.rank(summary.status_event_id, known[summary.status_event_id])
        assert previous is None or current >= previous
        if previous is not None and previous[0]:
            assert summary.status is TrackingStatus.DELIVERED  # nothing undoes a delivery
        previous = current


@settings(max_examples=200, deadline=None)
@given(journeys())
def test_the_problems_found_depend_only_on_the_events(
    journey: tuple[list[CourierEvent], list[CourierEvent]],
) -> None:
    distinct, arrival = journey
    merged_all = rules.merge({}, distinct)
    merged_arrival = rules.merge({}, arrival)
    assert rules.problems_in(merged_arrival, rules.summarize(merged_arrival)) == rules.problems_in(
        merged_all, rules.summarize(merged_all)
    )
