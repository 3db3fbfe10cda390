"""The ticket state machine, priorities and SLA clocks: pure, no I/O.

States (PRODUCT.md §6): NEW → OPEN → PENDING (waiting on the customer) → SOLVED → CLOSED.
Assigning moves NEW to OPEN and nothing ever moves a ticket back to NEW; a customer's
message reopens a PENDING or SOLVED ticket; CLOSED is final (a customer writing to a
closed ticket gets a follow-up ticket linked to it); SOLVED closes itself after 4 days.

The SLA: a first response within 1/4/12/24 hours by priority, and a resolution within 48
hours. Waiting on the customer (PENDING) and the time a ticket spends SOLVED before it is
reopened do not count against the resolution clock: resuming moves the due time on by
the time spent paused. Each kind of breach is recorded once per ticket.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from aftercare.errors import Conflict


class TicketStatus(StrEnum):
    NEW = "NEW"
    OPEN = "OPEN"
    PENDING = "PENDING"
    SOLVED = "SOLVED"
    CLOSED = "CLOSED"


class TicketAction(StrEnum):
    ASSIGN = "ASSIGN"
    REPLY = "REPLY"  # an agent's message
    AWAIT_CUSTOMER = "AWAIT_CUSTOMER"
    CUSTOMER_MESSAGE = "CUSTOMER_MESSAGE"
    SYSTEM_MESSAGE = "SYSTEM_MESSAGE"  # another domain reports more about the same problem
    SOLVE = "SOLVE"
    CLOSE = "CLOSE"  # automatic, 4 days after SOLVED
    ESCALATE = "ESCALATE"


class Channel(StrEnum):
    APP = "app"
    WEB = "web"
    EMAIL = "email"
    PHONE = "phone"
    SOCIAL = "social"
    SMS = "sms"
    LIVE_STREAM = "live-stream"


class Category(StrEnum):
    ORDER = "ORDER"
    PAYMENT = "PAYMENT"
    LOGISTICS = "LOGISTICS"
    RETURN = "RETURN"
    REFUND = "REFUND"
    PRODUCT = "PRODUCT"
    COMPLAINT = "COMPLAINT"
    PRESALE = "PRESALE"
    OTHER = "OTHER"


class Priority(StrEnum):
    LOW = "LOW"
    NORMAL = "NORMAL"
    HIGH = "HIGH"
    URGENT = "URGENT"


class Sentiment(StrEnum):
    NEGATIVE = "NEGATIVE"
    NEUTRAL = "NEUTRAL"
    POSITIVE = "POSITIVE"


class Breach(StrEnum):
    FIRST_RESPONSE = "FIRST_RESPONSE"
    RESOLUTION = "RESOLUTION"


S, A = TicketStatus, TicketAction
ACTIVE = frozenset({S.NEW, S.OPEN, S.PENDING})
_WORKED = (S.OPEN, S.PENDING)

TRANSITIONS: dict[tuple[TicketStatus, TicketAction], TicketStatus] = {
    (S.NEW, A.ASSIGN): S.OPEN,
    (S.OPEN, A.ASSIGN): S.OPEN,  # reassignment
    (S.PENDING, A.ASSIGN): S.PENDING,
    (S.OPEN, A.REPLY): S.OPEN,
    (S.PENDING, A.REPLY): S.PENDING,
    (S.OPEN, A.AWAIT_CUSTOMER): S.PENDING,
    (S.NEW, A.CUSTOMER_MESSAGE): S.NEW,
    (S.OPEN, A.CUSTOMER_MESSAGE): S.OPEN,
    (S.PENDING, A.CUSTOMER_MESSAGE): S.OPEN,  # the customer answered: the clock resumes
    (S.SOLVED, A.CUSTOMER_MESSAGE): S.OPEN,  # reopened
    (S.NEW, A.SYSTEM_MESSAGE): S.NEW,
    (S.OPEN, A.SYSTEM_MESSAGE): S.OPEN,
    (S.PENDING, A.SYSTEM_MESSAGE): S.PENDING,
    (S.SOLVED, A.SYSTEM_MESSAGE): S.OPEN,  # the problem came back
    (S.OPEN, A.SOLVE): S.SOLVED,
    (S.PENDING, A.SOLVE): S.SOLVED,
    (S.SOLVED, A.CLOSE): S.CLOSED,
    **{(status, A.ESCALATE): status for status in ACTIVE},
}

_REFUSALS = {
    (S.NEW, A.REPLY): "assign the ticket before replying",
    (S.NEW, A.SOLVE): "assign the ticket before solving it",
    (S.NEW, A.AWAIT_CUSTOMER): "assign the ticket before waiting on the customer",
}


def next_status(current: TicketStatus, action: TicketAction) -> TicketStatus:
    target = TRANSITIONS.get((current, action))
    if target is None:
        reason = _REFUSALS.get((current, action))
        if reason is None and current is S.CLOSED:
            reason = "the ticket is closed; a new message opens a follow-up ticket"
        raise Conflict(reason or f"a ticket in {current} cannot {action.lower().replace('_', ' ')}")
    return target


def can_transition(current: TicketStatus, action: TicketAction) -> bool:
    return (current, action) in TRANSITIONS


# ------------------------------------------------------------------ priorities and SLA
_ORDER = [Priority.LOW, Priority.NORMAL, Priority.HIGH, Priority.URGENT]
FIRST_RESPONSE = {
    Priority.URGENT: timedelta(hours=1),
    Priority.HIGH: timedelta(hours=4),
    Priority.NORMAL: timedelta(hours=12),
    Priority.LOW: timedelta(hours=24),
}
RESOLUTION = timedelta(hours=48)
AUTO_CLOSE_AFTER = timedelta(days=4)


def raise_priority(priority: Priority, steps: int = 1) -> Priority:
    """One level up (URGENT stays URGENT)."""
    return _ORDER[min(len(_ORDER) - 1, _ORDER.index(priority) + steps)]


def at_least(priority: Priority, floor: Priority) -> Priority:
    return max(priority, floor, key=_ORDER.index)


@dataclass(frozen=True)
class Deadlines:
    first_response_due: datetime
    resolution_due: datetime


def initial_deadlines(created_at: datetime, priority: Priority) -> Deadlines:
    return Deadlines(created_at + FIRST_RESPONSE[priority], created_at + RESOLUTION)


def first_response_due_after_escalation(
    current_due: datetime, now: datetime, new_priority: Priority
) -> datetime:
    """A manual escalation tightens an unanswered ticket's first-response target: the
    new priority's target counted from now, never later than the one it had."""
    return min(current_due, now + FIRST_RESPONSE[new_priority])


def resumed_resolution_due(resolution_due: datetime, paused_at: datetime, now: datetime) -> datetime:
    """Resuming a paused clock moves the due time on by the time spent paused."""
    return resolution_due + max(timedelta(), now - paused_at)


def resolution_clock_runs(status: TicketStatus) -> bool:
    return status in {S.NEW, S.OPEN}


@dataclass(frozen=True)
class SlaState:
    """What the scheduled check needs to know about a ticket."""

    status: TicketStatus
    first_response_due: datetime
    resolution_due: datetime
    first_responded: bool
    breached: frozenset[Breach]
    solved_at: datetime | None = None


def due_breaches(state: SlaState, now: datetime) -> list[Breach]:
    """The breaches that have happened by `now` and are not recorded yet."""
    found = []
    if (
        state.status in ACTIVE
        and not state.first_responded
        and Breach.FIRST_RESPONSE not in state.breached
        and now >= state.first_response_due
    ):
        found.append(Breach.FIRST_RESPONSE)
    if (
        resolution_clock_runs(state.status)
        and Breach.RESOLUTION not in state.breached
        and now >= state.resolution_due
    ):
        found.append(Breach.RESOLUTION)
    return found


def auto_close_at(solved_at: datetime) -> datetime:
    return solved_at + AUTO_CLOSE_AFTER


def should_auto_close(state: SlaState, now: datetime) -> bool:
    return state.status is S.SOLVED and state.solved_at is not None and now >= auto_close_at(state.solved_at)


def next_check_at(state: SlaState) -> datetime | None:
    """When the scheduled check must look at this ticket next (None: nothing to watch)."""
    candidates = []
    if state.status in ACTIVE and not state.first_responded and Breach.FIRST_RESPONSE not in state.breached:
        candidates.append(state.first_response_due)
    if resolution_clock_runs(state.status) and Breach.RESOLUTION not in state.breached:
        candidates.append(state.resolution_due)
    if state.status is S.SOLVED and state.solved_at is not None:
        candidates.append(auto_close_at(state.solved_at))
    return min(candidates) if candidates else None


def queue_due(state: SlaState, *, closed_at: datetime | None = None) -> datetime:
    """The time a staff queue sorts by: the next SLA target that matters for the ticket
    (first response until answered, then resolution); a solved ticket by its automatic
    closing, a closed one by when it closed."""
    if state.status is S.SOLVED and state.solved_at is not None:
        return auto_close_at(state.solved_at)
    if state.status is S.CLOSED:
        return closed_at or state.resolution_due
    if not state.first_responded:
        return min(state.first_response_due, state.resolution_due)
    return state.resolution_due
