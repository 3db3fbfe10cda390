"""The ticket state machine and SLA clocks: every (status, action) pair, allowed or refused."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from aftercare.errors import Conflict
from aftercare.tickets.rules import (
    Breach,
    Priority,
    SlaState,
    TicketAction,
    TicketStatus,
    auto_close_at,
    due_breaches,
    first_response_due_after_escalation,
    initial_deadlines,
    next_check_at,
    next_status,
    queue_due,
    raise_priority,
    resumed_resolution_due,
    should_auto_close,
)

S, A = TicketStatus, TicketAction
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
H = timedelta(hours=1)

ALLOWED = {
    (S.NEW, A.ASSIGN): S.OPEN,
    (S.OPEN, A.ASSIGN): S.OPEN,
    (S.PENDING, A.ASSIGN): S.PENDING,
    (S.OPEN, A.REPLY): S.OPEN,
    (S.PENDING, A.REPLY): S.PENDING,
    (S.OPEN, A.AWAIT_CUSTOMER): S.PENDING,
    (S.NEW, A.CUSTOMER_MESSAGE): S.NEW,
    (S.OPEN, A.CUSTOMER_MESSAGE): S.OPEN,
    (S.PENDING, A.CUSTOMER_MESSAGE): S.OPEN,
    (S.SOLVED, A.CUSTOMER_MESSAGE): S.OPEN,
    (S.NEW, A.SYSTEM_MESSAGE): S.NEW,
    (S.OPEN, A.SYSTEM_MESSAGE): S.OPEN,
    (S.PENDING, A.SYSTEM_MESSAGE): S.PENDING,
    (S.SOLVED, A.SYSTEM_MESSAGE): S.OPEN,
    (S.OPEN, A.SOLVE): S.SOLVED,
    (S.PENDING, A.SOLVE): S.SOLVED,
    (S.SOLVED, A.CLOSE): S.CLOSED,
    (S.NEW, A.ESCALATE): S.NEW,
    (S.OPEN, A.ESCALATE): S.OPEN,
    (S.PENDING, A.ESCALATE): S.PENDING,
}
REFUSED = [pair for pair in itertools.product(S, A) if pair not in ALLOWED]


@pytest.mark.parametrize(("current", "action"), list(ALLOWED), ids=str)
def test_allowed_transition_reaches_its_target(current: TicketStatus, action: TicketAction) -> None:
    assert next_status(current, action) is ALLOWED[(current, action)]


@pytest.mark.parametrize(("current", "action"), REFUSED, ids=str)
def test_every_other_transition_is_a_conflict(current: TicketStatus, action: TicketAction) -> None:
    with pytest.raises(Conflict):
        next_status(current, action)


def test_the_table_covers_every_pair_exactly_once() -> None:
    assert len(ALLOWED) + len(REFUSED) == len(S) * len(A)


def test_nothing_ever_moves_a_ticket_back_to_new_and_closed_is_final() -> None:
    assert all(target is not S.NEW for (current, _), target in ALLOWED.items() if current is not S.NEW)
    assert not [pair for pair in ALLOWED if pair[0] is S.CLOSED]


def test_a_closed_ticket_explains_that_a_message_opens_a_follow_up() -> None:
    with pytest.raises(Conflict, match="follow-up"):
        next_status(S.CLOSED, A.CUSTOMER_MESSAGE)


@pytest.mark.parametrize(
    ("priority", "hours"),
    [(Priority.URGENT, 1), (Priority.HIGH, 4), (Priority.NORMAL, 12), (Priority.LOW, 24)],
)
def test_first_response_target_by_priority_and_resolution_in_48_hours(priority: Priority, hours: int) -> None:
    deadlines = initial_deadlines(T0, priority)
    assert deadlines.first_response_due == T0 + hours * H
    assert deadlines.resolution_due == T0 + 48 * H


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (Priority.LOW, Priority.NORMAL),
        (Priority.NORMAL, Priority.HIGH),
        (Priority.HIGH, Priority.URGENT),
        (Priority.URGENT, Priority.URGENT),
    ],
)
def test_escalation_raises_priority_one_level_and_stops_at_urgent(before: Priority, after: Priority) -> None:
    assert raise_priority(before) is after


def state(
    status: TicketStatus = S.OPEN,
    *,
    responded: bool = False,
    breached: frozenset[Breach] = frozenset(),
    solved_at: datetime | None = None,
) -> SlaState:
    return SlaState(status, T0 + 12 * H, T0 + 48 * H, responded, breached, solved_at)


@pytest.mark.parametrize(
    ("sla", "now", "expected"),
    [
        (state(), T0 + 11 * H, []),
        (state(), T0 + 12 * H, [Breach.FIRST_RESPONSE]),
        (state(S.NEW), T0 + 13 * H, [Breach.FIRST_RESPONSE]),
        (state(responded=True), T0 + 13 * H, []),
        (state(breached=frozenset({Breach.FIRST_RESPONSE})), T0 + 13 * H, []),
        (state(), T0 + 49 * H, [Breach.FIRST_RESPONSE, Breach.RESOLUTION]),
        (state(responded=True), T0 + 48 * H, [Breach.RESOLUTION]),
        (state(S.PENDING, responded=True), T0 + 60 * H, []),  # paused: waiting on the customer
        (state(S.PENDING), T0 + 13 * H, [Breach.FIRST_RESPONSE]),  # the first response is still owed
        (state(S.SOLVED, responded=True, solved_at=T0), T0 + 60 * H, []),
        (state(S.CLOSED, responded=True), T0 + 60 * H, []),
    ],
)
def test_due_breaches(sla: SlaState, now: datetime, expected: list[Breach]) -> None:
    assert due_breaches(sla, now) == expected


@pytest.mark.parametrize(
    ("sla", "expected"),
    [
        (state(), T0 + 12 * H),
        (state(responded=True), T0 + 48 * H),
        (state(breached=frozenset({Breach.FIRST_RESPONSE})), T0 + 48 * H),
        (state(responded=True, breached=frozenset({Breach.RESOLUTION})), None),
        (state(S.PENDING, responded=True), None),
        (state(S.SOLVED, responded=True, solved_at=T0 + 5 * H), T0 + 5 * H + timedelta(days=4)),
        (state(S.CLOSED, responded=True), None),
    ],
)
def test_next_check_is_the_earliest_deadline_still_to_watch(sla: SlaState, expected: datetime | None) -> None:
    assert next_check_at(sla) == expected


def test_resuming_extends_the_resolution_due_time_by_the_pause() -> None:
    assert resumed_resolution_due(T0 + 48 * H, T0 + 10 * H, T0 + 30 * H) == T0 + 68 * H
    assert resumed_resolution_due(T0 + 48 * H, T0 + 10 * H, T0 + 9 * H) == T0 + 48 * H  # never earlier


def test_a_solved_ticket_closes_four_days_after_it_was_solved() -> None:
    solved = state(S.SOLVED, responded=True, solved_at=T0)
    assert auto_close_at(T0) == T0 + timedelta(days=4)
    assert not should_auto_close(solved, T0 + timedelta(days=4) - timedelta(seconds=1))
    assert should_auto_close(solved, T0 + timedelta(days=4))
    assert not should_auto_close(state(), T0 + timedelta(days=9))


def test_manual_escalation_tightens_an_unanswered_first_response_target() -> None:
    assert first_response_due_after_escalation(T0 + 12 * H, T0 + 2 * H, Priority.HIGH) == T0 + 6 * H
    assert first_response_due_after_escalation(T0 + 3 * H, T0 + 2 * H, Priority.HIGH) == T0 + 3 * H


def test_the_queue_sorts_by_the_next_target_that_matters() -> None:
    assert queue_due(state()) == T0 + 12 * H
    assert queue_due(state(responded=True)) == T0 + 48 * H
    assert queue_due(state(S.SOLVED, responded=True, solved_at=T0)) == T0 + timedelta(days=4)
