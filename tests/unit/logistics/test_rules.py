"""The status rule, the problems it raises and the delay deadlines, case by case."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from aftercare.logistics import rules
from aftercare.logistics.rules import CourierEvent, ProblemKind, SubStatus, TrackingStatus

T, X = TrackingStatus, SubStatus


def ev(
    event_id: str, status: TrackingStatus, at: str, sub: SubStatus | None = None, eta: str | None = None
) -> CourierEvent:
    return CourierEvent(
        event_id, "sf-express", "SF1", status, f"2026-11-{at}:00.000Z", sub, estimated_delivery=eta
    )


def summary_of(*events: CourierEvent) -> rules.Summary:
    return rules.summarize({event.event_id: event for event in events})


@pytest.mark.parametrize(
    ("events", "status", "deciding"),
    [
        ((), T.INFO_RECEIVED, None),
        ((ev("a", T.IN_TRANSIT, "21T08:00"),), T.IN_TRANSIT, "a"),
        (
            (ev("a", T.IN_TRANSIT, "21T08:00"), ev("b", T.OUT_FOR_DELIVERY, "22T08:00")),
            T.OUT_FOR_DELIVERY,
            "b",
        ),
        (
            (ev("b", T.OUT_FOR_DELIVERY, "22T08:00"), ev("a", T.IN_TRANSIT, "21T08:00")),
            T.OUT_FOR_DELIVERY,
            "b",
        ),
        # a late IN_TRANSIT, even stamped after the delivery, does not undo DELIVERED
        ((ev("d", T.DELIVERED, "22T08:00"), ev("late", T.IN_TRANSIT, "23T08:00")), T.DELIVERED, "d"),
        ((ev("d", T.DELIVERED, "22T08:00"), ev("x", T.EXCEPTION, "23T08:00", X.LOST)), T.DELIVERED, "d"),
        # the latest event decides otherwise, whatever it says
        ((ev("x", T.EXCEPTION, "21T08:00", X.DELAYED), ev("t", T.IN_TRANSIT, "22T08:00")), T.IN_TRANSIT, "t"),
        ((ev("t", T.IN_TRANSIT, "21T08:00"), ev("x", T.EXCEPTION, "22T08:00", X.DAMAGED)), T.EXCEPTION, "x"),
        # same instant: the status further along the journey wins, then the id
        (
            (ev("a", T.OUT_FOR_DELIVERY, "22T08:00"), ev("b", T.IN_TRANSIT, "22T08:00")),
            T.OUT_FOR_DELIVERY,
            "a",
        ),
        ((ev("a", T.IN_TRANSIT, "22T08:00"), ev("b", T.IN_TRANSIT, "22T08:00")), T.IN_TRANSIT, "b"),
        # two deliveries: the later one speaks
        ((ev("d1", T.DELIVERED, "22T08:00"), ev("d2", T.DELIVERED, "23T08:00")), T.DELIVERED, "d2"),
    ],
)
def test_the_deciding_event(
    events: tuple[CourierEvent, ...], status: TrackingStatus, deciding: str | None
) -> None:
    summary = summary_of(*events)
    assert (summary.status, summary.status_event_id) == (status, deciding)


def test_the_estimate_comes_from_the_latest_event_that_carries_one() -> None:
    summary = summary_of(
        ev("a", T.IN_TRANSIT, "21T08:00", eta="2026-11-25"),
        ev("b", T.IN_TRANSIT, "22T08:00", eta="2026-11-27"),
        ev("c", T.OUT_FOR_DELIVERY, "23T08:00"),
    )
    assert summary.estimated_delivery == "2026-11-27"
    assert summary.last_event_at == "2026-11-23T08:00:00.000Z"


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("IN_TRANSIT", T.IN_TRANSIT),
        ("in_transit", T.IN_TRANSIT),
        ("out-for-delivery", T.OUT_FOR_DELIVERY),
        ("Available For Pickup", T.AVAILABLE_FOR_PICKUP),
        ("FAILED_ATTEMPT", T.ATTEMPT_FAIL),
        ("PENDING", T.INFO_RECEIVED),
        ("TELEPORTED", None),
        ("", None),
    ],
)
def test_status_codes(code: str, status: TrackingStatus | None) -> None:
    assert rules.status_of(code) is status


@pytest.mark.parametrize(
    ("events", "kinds"),
    [
        ((ev("x", T.EXCEPTION, "21T08:00", X.ADDRESS_ISSUE),), {ProblemKind.EXCEPTION}),
        ((ev("x", T.EXCEPTION, "21T08:00", X.LOST),), {ProblemKind.LOST}),
        ((ev("x", T.EXCEPTION, "21T08:00", X.DELAYED),), {ProblemKind.DELAYED}),
        ((ev("f1", T.ATTEMPT_FAIL, "21T08:00"),), set()),
        (
            (ev("f1", T.ATTEMPT_FAIL, "21T08:00"), ev("f2", T.ATTEMPT_FAIL, "22T08:00")),
            {ProblemKind.REPEATED_ATTEMPT_FAIL},
        ),
        # an exception since overtaken by transit is still the customer's to know about
        (
            (ev("x", T.EXCEPTION, "21T08:00", X.REFUSED), ev("t", T.IN_TRANSIT, "22T08:00")),
            {ProblemKind.EXCEPTION},
        ),
        # once delivered, nothing is a problem any more
        ((ev("x", T.EXCEPTION, "21T08:00", X.DAMAGED), ev("d", T.DELIVERED, "22T08:00")), set()),
        ((ev("t", T.IN_TRANSIT, "21T08:00"),), set()),
    ],
)
def test_problems_the_events_reveal(events: tuple[CourierEvent, ...], kinds: set[ProblemKind]) -> None:
    known = {event.event_id: event for event in events}
    assert set(rules.problems_in(known, rules.summarize(known))) == kinds


def test_a_lost_parcel_offers_reshipment_or_refund() -> None:
    known = {"x": ev("x", T.EXCEPTION, "21T08:00", X.LOST)}
    problem = rules.problems_in(known, rules.summarize(known))[ProblemKind.LOST]
    assert problem.offers_reship_or_refund
    assert problem.reason == "LOST"


CREATED = "2026-11-20T08:00:00.000Z"


@pytest.mark.parametrize(
    ("events", "delay_recorded", "due"),
    [
        ((), False, "2026-11-23T08:00:00.000Z"),  # 72 hours after shipping
        (
            (ev("a", T.IN_TRANSIT, "21T10:00"),),
            False,
            "2026-11-24T10:00:00.000Z",
        ),  # 72 hours after the last event
        (
            (ev("a", T.IN_TRANSIT, "21T10:00", eta="2026-11-22"),),
            False,
            "2026-11-23T00:00:00.000Z",
        ),  # end of the estimated day
        ((ev("a", T.IN_TRANSIT, "21T10:00", eta="2026-11-29"),), False, "2026-11-24T10:00:00.000Z"),
        ((ev("d", T.DELIVERED, "21T10:00"),), False, None),
        ((ev("a", T.IN_TRANSIT, "21T10:00"),), True, None),  # flagged once, never again
    ],
)
def test_when_a_shipment_becomes_delayed(
    events: tuple[CourierEvent, ...], delay_recorded: bool, due: str | None
) -> None:
    assert rules.due_at(CREATED, summary_of(*events), delay_recorded=delay_recorded) == due


@pytest.mark.parametrize(
    ("now", "events", "reason"),
    [
        ("2026-11-23T07:59", (), None),
        ("2026-11-23T08:00", (), rules.STALLED),
        ("2026-11-22T23:59", (ev("a", T.IN_TRANSIT, "21T10:00", eta="2026-11-22"),), None),
        (
            "2026-11-23T00:00",
            (ev("a", T.IN_TRANSIT, "21T10:00", eta="2026-11-22"),),
            rules.PAST_ESTIMATED_DELIVERY,
        ),
        (
            "2026-11-23T00:00",
            (ev("a", T.IN_TRANSIT, "21T10:00", eta="2026-11-22T18:00:00.000Z"),),
            rules.PAST_ESTIMATED_DELIVERY,
        ),
        ("2026-12-30T00:00", (ev("d", T.DELIVERED, "21T10:00"),), None),
    ],
)
def test_the_delay_of_a_quiet_or_late_shipment(
    now: str, events: tuple[CourierEvent, ...], reason: str | None
) -> None:
    at = datetime.fromisoformat(now).replace(tzinfo=UTC)
    problem = rules.delay(at, CREATED, summary_of(*events))
    assert (problem.reason if problem else None) == reason
    if problem:
        assert problem.kind is ProblemKind.DELAYED
