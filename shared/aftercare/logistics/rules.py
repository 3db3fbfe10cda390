"""Logistics rules: the status vocabulary, how a shipment's events decide its status, which
problems they raise, and when a quiet shipment counts as delayed. Pure, no I/O.

How the current status is decided (and why it never regresses)
--------------------------------------------------------------
A shipment's state is the *set* of courier events it has received, keyed by event id (a
redelivered event replaces itself). Everything shown about the shipment is derived from that
set, never from the order in which the events arrived:

- **history**: every event, sorted by (occurredAt, eventId), oldest first;
- **status**: the status of the *deciding* event, the greatest event under

      rank(e) = (e.status is terminal, e.occurredAt, PRECEDENCE[e.status], e.eventId)

  i.e. the latest event by event time, except that a terminal event (DELIVERED) outranks
  every non-terminal one whenever it happened: a late IN_TRANSIT, or a stray scan stamped
  after the delivery, does not undo DELIVERED (it is still kept in the history). Two events
  at the same instant are ordered by how far along the journey their status is, then by id,
  so the choice is total and deterministic;
- **estimatedDelivery**: the estimate carried by the latest event (by occurredAt, id) that
  carries one;
- **attempt failures**: the number of distinct ATTEMPT_FAIL events.

Because rank is a total order and the set ignores order and duplicates, any permutation or
duplication of the same events yields the same status, history and estimate (the property
test in tests/unit/logistics/test_ordering.py). Adding an event can only raise the deciding
rank, so the status seen by readers moves forward and never back.

Problems (each recorded once per shipment and kind, PRODUCT.md §3)
------------------------------------------------------------------
Unless the shipment is DELIVERED: an EXCEPTION event raises EXCEPTION (LOST when its reason
is LOST: the customer is offered reshipment or refund; DELAYED when its reason is DELAYED);
two or more ATTEMPT_FAIL events raise REPEATED_ATTEMPT_FAIL; and the scheduled check raises
DELAYED when a shipment has had no event for 72 hours or is past its estimated delivery.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from aftercare import clock


class TrackingStatus(StrEnum):
    INFO_RECEIVED = "INFO_RECEIVED"
    IN_TRANSIT = "IN_TRANSIT"
    OUT_FOR_DELIVERY = "OUT_FOR_DELIVERY"
    ATTEMPT_FAIL = "ATTEMPT_FAIL"
    AVAILABLE_FOR_PICKUP = "AVAILABLE_FOR_PICKUP"
    DELIVERED = "DELIVERED"
    EXCEPTION = "EXCEPTION"
    EXPIRED = "EXPIRED"


class SubStatus(StrEnum):
    """Why an EXCEPTION (or an ATTEMPT_FAIL) happened."""

    DELAYED = "DELAYED"
    LOST = "LOST"
    DAMAGED = "DAMAGED"
    RETURNING_TO_SENDER = "RETURNING_TO_SENDER"
    RETURNED_TO_SENDER = "RETURNED_TO_SENDER"
    ADDRESS_ISSUE = "ADDRESS_ISSUE"
    REFUSED = "REFUSED"
    CUSTOMS_HOLD = "CUSTOMS_HOLD"
    PAYMENT_HOLD = "PAYMENT_HOLD"
    PICKUP_MISSED = "PICKUP_MISSED"
    REJECTED_BY_CARRIER = "REJECTED_BY_CARRIER"
    RECIPIENT_UNAVAILABLE = "RECIPIENT_UNAVAILABLE"
    BUSINESS_CLOSED = "BUSINESS_CLOSED"
    OTHER = "OTHER"


class ShipmentKind(StrEnum):
    OUTBOUND = "OUTBOUND"  # the order's parcel to the customer
    RETURN = "RETURN"  # an after-sales case's parcel back to the merchant
    REPLACEMENT = "REPLACEMENT"  # an exchange's or repair's parcel to the customer


class ProblemKind(StrEnum):
    EXCEPTION = "EXCEPTION"
    LOST = "LOST"
    REPEATED_ATTEMPT_FAIL = "REPEATED_ATTEMPT_FAIL"
    DELAYED = "DELAYED"


S = TrackingStatus

TERMINAL = frozenset({S.DELIVERED})
# How far along the journey a status is: only breaks ties between events at the same instant.
PRECEDENCE: dict[TrackingStatus, int] = {
    S.INFO_RECEIVED: 0,
    S.IN_TRANSIT: 1,
    S.OUT_FOR_DELIVERY: 2,
    S.AVAILABLE_FOR_PICKUP: 3,
    S.ATTEMPT_FAIL: 4,
    S.EXPIRED: 5,
    S.EXCEPTION: 6,
    S.DELIVERED: 7,
}
INITIAL_STATUS = S.INFO_RECEIVED
# An unknown carrier status is treated as "somewhere in the network": neither alarming the
# customer nor claiming delivery. It is logged with its code and kept in the history.
DEFAULT_STATUS = S.IN_TRANSIT
DEFAULT_SUB_STATUS = SubStatus.OTHER

REPEATED_ATTEMPTS = 2
STALL_AFTER = timedelta(hours=72)
# An event stamped further ahead than this is refused: it would decide the status until then.
MAX_FUTURE_SKEW = timedelta(hours=24)

_ALIASES = {"FAILED_ATTEMPT": S.ATTEMPT_FAIL, "PENDING": S.INFO_RECEIVED, "PICKED_UP": S.IN_TRANSIT}


def _code(value: str) -> str:
    return value.strip().upper().replace("-", "_").replace(" ", "_")


def status_of(code: str) -> TrackingStatus | None:
    """Our status for a code in our vocabulary (any case, `-`/space for `_`); None if unknown."""
    normalized = _code(code)
    if normalized in TrackingStatus.__members__:
        return TrackingStatus(normalized)
    return _ALIASES.get(normalized)


def sub_status_of(code: str) -> SubStatus | None:
    normalized = _code(code)
    return SubStatus(normalized) if normalized in SubStatus.__members__ else None


@dataclass(frozen=True)
class CourierEvent:
    """One normalized courier event: what every adapter produces."""

    event_id: str
    carrier: str
    tracking_number: str
    status: TrackingStatus
    occurred_at: str  # fixed-width UTC ISO (clock.iso), so it sorts as a string
    sub_status: SubStatus | None = None
    location: str | None = None
    description: str | None = None
    estimated_delivery: str | None = None  # "YYYY-MM-DD" or a fixed-width UTC ISO time
    code: str | None = None  # the carrier's own code, for the record

    @property
    def tracking_key(self) -> str:
        return f"{self.carrier}#{self.tracking_number}"


def rank(event_id: str, event: CourierEvent) -> tuple[bool, str, int, str]:
    return (event.status in TERMINAL, event.occurred_at, PRECEDENCE[event.status], event_id)


def history_order(item: tuple[str, CourierEvent]) -> tuple[str, str]:
    return (item[1].occurred_at, item[0])


@dataclass(frozen=True)
class Summary:
    status: TrackingStatus
    sub_status: SubStatus | None
    status_at: str | None  # occurredAt of the deciding event
    status_event_id: str | None
    last_event_at: str | None  # the latest occurredAt of any event
    estimated_delivery: str | None
    attempt_failures: int


EMPTY = Summary(INITIAL_STATUS, None, None, None, None, None, 0)


def summarize(events: Mapping[str, CourierEvent]) -> Summary:
    """The shipment's state derived from its set of events (see the module docstring)."""
    if not events:
        return EMPTY
    deciding_id, deciding = max(events.items(), key=lambda item: rank(*item))
    with_estimate = [item for item in events.items() if item[1].estimated_delivery]
    estimate = max(with_estimate, key=history_order)[1].estimated_delivery if with_estimate else None
    return Summary(
        status=deciding.status,
        sub_status=deciding.sub_status,
        status_at=deciding.occurred_at,
        status_event_id=deciding_id,
        last_event_at=max(event.occurred_at for event in events.values()),
        estimated_delivery=estimate,
        attempt_failures=sum(1 for event in events.values() if event.status is S.ATTEMPT_FAIL),
    )


def history(events: Mapping[str, CourierEvent], *, newest_first: bool = False) -> list[CourierEvent]:
    ordered = sorted(events.items(), key=history_order, reverse=newest_first)
    return [event for _, event in ordered]


def merge(events: Mapping[str, CourierEvent], new: Iterable[CourierEvent]) -> dict[str, CourierEvent]:
    """The set with `new` added; an id already present keeps its first version."""
    merged = dict(events)
    for event in new:
        merged.setdefault(event.event_id, event)
    return merged


# ---------------------------------------------------------------- problems


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    reason: str  # a SubStatus, or STALLED / PAST_ESTIMATED_DELIVERY for the scheduled check
    event_id: str | None  # the event that revealed it (None for the scheduled check)
    description: str | None = None

    @property
    def offers_reship_or_refund(self) -> bool:
        return self.kind is ProblemKind.LOST


def _exception_kind(sub_status: SubStatus | None) -> ProblemKind:
    if sub_status is SubStatus.LOST:
        return ProblemKind.LOST
    if sub_status is SubStatus.DELAYED:
        return ProblemKind.DELAYED
    return ProblemKind.EXCEPTION


def problems_in(events: Mapping[str, CourierEvent], summary: Summary) -> dict[ProblemKind, Problem]:
    """The problems the events reveal, one per kind (the latest event of each kind speaks)."""
    if summary.status in TERMINAL:
        return {}
    found: dict[ProblemKind, Problem] = {}
    attempts: list[tuple[str, CourierEvent]] = []
    for event_id, event in sorted(events.items(), key=history_order):
        if event.status is S.EXCEPTION:
            kind = _exception_kind(event.sub_status)
            reason = (event.sub_status or DEFAULT_SUB_STATUS).value
            found[kind] = Problem(kind, reason, event_id, event.description)
        elif event.status is S.ATTEMPT_FAIL:
            attempts.append((event_id, event))
    if len(attempts) >= REPEATED_ATTEMPTS:
        event_id, event = attempts[-1]
        reason = (event.sub_status or DEFAULT_SUB_STATUS).value
        found[ProblemKind.REPEATED_ATTEMPT_FAIL] = Problem(
            ProblemKind.REPEATED_ATTEMPT_FAIL, reason, event_id, event.description
        )
    return found


# ---------------------------------------------------------------- delays

STALLED = "STALLED"
PAST_ESTIMATED_DELIVERY = "PAST_ESTIMATED_DELIVERY"


def estimate_deadline(estimated_delivery: str) -> datetime:
    """When an estimate has been missed: the end of its day (UTC) for a date, else the time."""
    if len(estimated_delivery) == 10:
        day = date.fromisoformat(estimated_delivery)
        return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(days=1)
    return clock.parse_iso(estimated_delivery)


def _stall_deadline(created_at: str, summary: Summary) -> datetime:
    last = max(created_at, summary.last_event_at or created_at)
    return clock.parse_iso(last) + STALL_AFTER


def due_at(created_at: str, summary: Summary, *, delay_recorded: bool) -> str | None:
    """When the shipment will count as delayed if nothing more happens; None if it never will
    (delivered, or already flagged as delayed once)."""
    if summary.status in TERMINAL or delay_recorded:
        return None
    deadline = _stall_deadline(created_at, summary)
    if summary.estimated_delivery:
        deadline = min(deadline, estimate_deadline(summary.estimated_delivery))
    return clock.iso(deadline)


def delay(now: datetime, created_at: str, summary: Summary) -> Problem | None:
    """The DELAYED problem of a quiet or late shipment at `now`, if it is one."""
    if summary.status in TERMINAL:
        return None
    if summary.estimated_delivery and now >= estimate_deadline(summary.estimated_delivery):
        return Problem(ProblemKind.DELAYED, PAST_ESTIMATED_DELIVERY, None,
                       f"not delivered by the estimated date {summary.estimated_delivery}")  # fmt: skip
    if now >= _stall_deadline(created_at, summary):
        hours = int(STALL_AFTER.total_seconds() // 3600)
        return Problem(ProblemKind.DELAYED, STALLED, None, f"no courier update for {hours} hours")
    return None


def too_far_ahead(occurred_at: datetime, now: datetime) -> bool:
    return occurred_at - now > MAX_FUTURE_SKEW
