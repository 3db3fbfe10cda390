"""What a domain event means for the KPIs: pure functions of the event (its envelope and its
typed payload), table-tested.

Analytics learns what happened only from the other domains' published events (their
`events` modules): it reads none of their tables. A fact is dated by the day (UTC) the
thing it counts happened, e.g. a first response by the reply's time, not by when the event
arrived. Each event is counted once (the marker in store.py, keyed by the event's id).

A survey's answer is rated with what it was about (the agent who handled the ticket or case
and how long handling took): analytics remembers that, in its own table, from the ticket
and case events that tell it (`note_of`), and looks it up when the answer arrives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from aftercare import clock
from aftercare.aftersales.events import (
    CaseDisputed,
    CaseOpened,
    CaseResolutionBreached,
    CaseResolved,
    CaseReviewed,
)
from aftercare.audits.events import AuditScored
from aftercare.events import DomainEvent
from aftercare.logistics.events import ParcelDelivered, ShipmentProblemsFound, ShipmentRegistered
from aftercare.orders.events import OrderCancelled, OrderDelivered, OrderExceptionRaised, OrderPlaced
from aftercare.refunds.events import RefundRequested, RefundSettled
from aftercare.surveys.events import SurveyAnswered, SurveySent
from aftercare.tickets.events import (
    TicketAssigned,
    TicketOpened,
    TicketReopened,
    TicketReplied,
    TicketSlaBreached,
    TicketSolved,
    TicketTriageCorrected,
)


@dataclass(frozen=True)
class Count:
    """Add `n` to a counter (or a sum, such as an order value)."""

    metric: str
    day: str
    n: int = 1
    agent: str | None = None


@dataclass(frozen=True)
class Duration:
    """One duration sample: its count, sum and histogram bucket are kept."""

    metric: str
    day: str
    seconds: int
    agent: str | None = None


@dataclass(frozen=True)
class Rating:
    """One survey answer: CSAT 1-5, NPS 0-10 if given, and what it was about (the agent who
    handled it and how long handling took), when the survey's subject is known."""

    day: str
    csat: int
    nps: int | None = None
    agent: str | None = None
    handling_seconds: int | None = None


Fact = Count | Duration | Rating


@dataclass(frozen=True)
class Subject:
    """What a survey was about, as analytics remembers it from the subject's events."""

    agent: str | None
    handling_seconds: int | None


@dataclass(frozen=True)
class SubjectNote:
    """What one event tells analytics about a ticket or case a survey may later be about:
    its agent (the latest one told wins: `agent_at`) and its handling time (the first one
    told is kept: a ticket's first solve)."""

    kind: str  # ticket or case
    subject_id: str
    agent: str | None = None
    agent_at: str | None = None
    handling_seconds: int | None = None


RETURN_TYPES = frozenset({"RETURN_REFUND", "EXCHANGE"})
TO_CUSTOMER = frozenset({"OUTBOUND", "REPLACEMENT"})  # parcels to the customer (not returns)
CUSTOMER = "customer"  # a customer's ticket: triaged by the model (other domains name the category)


# ---------------------------------------------------------------- helpers
def day_of(at: str) -> str:
    """The UTC day of an ISO time."""
    return clock.parse_iso(at).date().isoformat()


def seconds_between(start: str, end: str) -> int:
    return max(0, round((clock.parse_iso(end) - clock.parse_iso(start)).total_seconds()))


def _at(at: str | None, event: DomainEvent) -> str:
    """A payload's time, or the event's when the payload has none."""
    return at or event.time


# ---------------------------------------------------------------- orders
def _order_placed(event: DomainEvent) -> list[Fact]:
    placed = event.read(OrderPlaced)
    day = day_of(_at(placed.placed_at, event))
    return [Count("orders.placed", day), Count(f"orders.value.{placed.currency or 'XXX'}", day, placed.total)]


def _order_cancelled(event: DomainEvent) -> list[Fact]:
    event.read(OrderCancelled)
    return [Count("orders.cancelled", day_of(event.time))]


def _order_delivered(event: DomainEvent) -> list[Fact]:
    delivered = event.read(OrderDelivered)
    return [Count("orders.delivered", day_of(_at(delivered.delivered_at, event)))]


def _order_exception(event: DomainEvent) -> list[Fact]:
    raised = event.read(OrderExceptionRaised)
    return [Count("orders.exceptions", day_of(_at(raised.raised_at, event)))]


# ---------------------------------------------------------------- shipments
def _shipment_registered(event: DomainEvent) -> list[Fact]:
    registered = event.read(ShipmentRegistered)
    if registered.kind not in TO_CUSTOMER:
        return []
    return [Count("shipments.created", day_of(_at(registered.registered_at, event)))]


def _parcel_delivered(event: DomainEvent) -> list[Fact]:
    parcel = event.read(ParcelDelivered)
    if parcel.kind not in TO_CUSTOMER:
        return []
    delivered_at = _at(parcel.delivered_at, event)
    day = day_of(delivered_at)
    facts: list[Fact] = [
        Count("shipments.delivered", day),
        Duration(
            "shipments.delivery_time",
            day,
            seconds_between(parcel.registered_at or delivered_at, delivered_at),
        ),
    ]
    if parcel.estimated_delivery:
        facts.append(Count("shipments.delivered_with_estimate", day))
        if parcel.on_time:
            facts.append(Count("shipments.on_time", day))
    return facts


def _shipment_problems(event: DomainEvent) -> list[Fact]:
    found = event.read(ShipmentProblemsFound)
    if found.shipment_kind not in TO_CUSTOMER:
        return []
    problems = found.found()
    facts: list[Fact] = [
        Count(f"shipments.problem.{p.kind}", day_of(_at(p.detected_at, event))) for p in problems
    ]
    if problems and found.earlier_problems == 0:  # the shipment's first problems: one exception
        facts.append(
            Count("shipments.with_exception", day_of(min(_at(p.detected_at, event) for p in problems)))
        )
    return facts


# ---------------------------------------------------------------- tickets
def _ticket_opened(event: DomainEvent) -> list[Fact]:
    opened = event.read(TicketOpened)
    day = day_of(_at(opened.opened_at, event))
    category = opened.category or "OTHER"
    facts: list[Fact] = [Count("tickets.opened", day), Count(f"tickets.category.{category}", day)]
    if category == "COMPLAINT":
        facts.append(Count("tickets.complaints", day))
    if opened.source == CUSTOMER:
        facts.append(Count("tickets.triaged", day))
    return facts


def _ticket_triage_corrected(event: DomainEvent) -> list[Fact]:
    corrected = event.read(TicketTriageCorrected)
    if corrected.source != CUSTOMER:
        return []
    # dated by the ticket's creation, as its triage was: the two counts are one cohort
    return [Count("tickets.triage_corrected", day_of(_at(corrected.opened_at, event)))]


def _ticket_assigned(event: DomainEvent) -> list[Fact]:
    assigned = event.read(TicketAssigned)
    return [Count("tickets.assigned", day_of(_at(assigned.assigned_at, event)), agent=assigned.agent)]


def _ticket_replied(event: DomainEvent) -> list[Fact]:
    replied = event.read(TicketReplied)
    at = _at(replied.replied_at, event)
    facts: list[Fact] = [Count("tickets.replies", day_of(at), agent=replied.author_id or None)]
    if replied.first_response:
        responder = replied.assignee or replied.author_id or None
        seconds = seconds_between(replied.opened_at or at, at)
        facts.append(Duration("tickets.first_response", day_of(at), seconds, agent=responder))
    return facts


def _ticket_solved(event: DomainEvent) -> list[Fact]:
    solved = event.read(TicketSolved)
    solved_at = _at(solved.solved_at, event)
    day, agent = day_of(solved_at), solved.assignee or None
    facts: list[Fact] = [Count("tickets.solved", day, agent=agent)]
    if solved.first_solve:  # the resolution time is the first solve's; a reopened ticket adds none
        seconds = seconds_between(solved.opened_at or solved_at, solved_at)
        facts.append(Duration("tickets.resolution", day, seconds, agent=agent))
    return facts


def _ticket_reopened(event: DomainEvent) -> list[Fact]:
    reopened = event.read(TicketReopened)
    return [Count("tickets.reopened", day_of(_at(reopened.reopened_at, event)))]


def _ticket_breached(event: DomainEvent) -> list[Fact]:
    breached = event.read(TicketSlaBreached)
    facts: list[Fact] = []
    for breach in breached.found():
        day = day_of(_at(breach.breached_at, event))
        facts += [
            Count("tickets.sla_breaches", day, agent=breached.assignee or None),
            Count(f"tickets.sla_breach.{breach.kind or 'UNKNOWN'}", day),
        ]
    return facts


# ---------------------------------------------------------------- cases
def _case_opened(event: DomainEvent) -> list[Fact]:
    opened = event.read(CaseOpened)
    day = day_of(_at(opened.opened_at, event))
    case_type = opened.case_type or "OTHER"
    facts: list[Fact] = [Count("cases.opened", day), Count(f"cases.type.{case_type}", day)]
    if case_type in RETURN_TYPES:
        facts.append(Count("cases.returns", day))
    return facts


def _case_reviewed(event: DomainEvent) -> list[Fact]:
    reviewed = event.read(CaseReviewed)
    at = _at(reviewed.reviewed_at, event)
    day = day_of(at)
    agent = None if reviewed.automatic else reviewed.reviewer or None
    facts: list[Fact] = [
        Duration("cases.first_response", day, seconds_between(reviewed.opened_at or at, at), agent=agent)
    ]
    if reviewed.automatic:  # nobody answered in time
        facts += [Count("cases.sla_breaches", day), Count("cases.sla_breach.REVIEW", day)]
    return facts


def _case_resolved(event: DomainEvent) -> list[Fact]:
    resolved = event.read(CaseResolved)
    at = _at(resolved.resolved_at, event)
    return [
        Count("cases.resolved", day_of(at)),
        Duration("cases.resolution", day_of(at), seconds_between(resolved.opened_at or at, at)),
    ]


def _case_breached(event: DomainEvent) -> list[Fact]:
    breached = event.read(CaseResolutionBreached)
    day = day_of(_at(breached.breached_at, event))
    return [Count("cases.sla_breaches", day), Count("cases.sla_breach.RESOLUTION", day)]


def _case_disputed(event: DomainEvent) -> list[Fact]:
    event.read(CaseDisputed)
    return [Count("cases.disputed", day_of(event.time))]


# ---------------------------------------------------------------- surveys
def _survey_sent(event: DomainEvent) -> list[Fact]:
    sent = event.read(SurveySent)
    return [Count("surveys.sent", day_of(_at(sent.sent_at, event)))]


def _survey_answered(event: DomainEvent, subject: Subject | None) -> list[Fact]:
    answered = event.read(SurveyAnswered)
    day = day_of(_at(answered.answered_at, event))
    return [
        Count("surveys.answered", day),
        Rating(
            day,
            answered.csat,
            answered.nps,
            agent=subject.agent if subject else None,
            handling_seconds=subject.handling_seconds if subject else None,
        ),
    ]


# ---------------------------------------------------------------- refunds
def _refund_requested(event: DomainEvent) -> list[Fact]:
    event.read(RefundRequested)
    return [Count("refunds.requested", day_of(event.time))]


def _refund_settled(event: DomainEvent) -> list[Fact]:
    settled = event.read(RefundSettled)
    day = day_of(event.time)
    if settled.status == "SUCCEEDED":
        return [
            Count("refunds.succeeded", day),
            Count(f"refunds.amount.{settled.currency or 'XXX'}", day, settled.amount),
        ]
    if settled.status == "MANUAL_REVIEW":
        return [Count("refunds.manual_review", day)]
    return []


# ---------------------------------------------------------------- quality audits
def _audit_scored(event: DomainEvent) -> list[Fact]:
    """A scored audit, dated by when it was scored, counted for the audited agent and for
    the ISO week the audited work was done in (`audits.week.<week>.*`): its count, the sum
    of its criteria's scores and how many criteria (so the mean score is sum / criteria)."""
    scored = event.read(AuditScored)
    values = [int(v) for v in scored.scores.values() if 1 <= int(v) <= 5]
    if not values:
        return []
    day, agent = day_of(_at(scored.at, event)), scored.agent or None
    facts: list[Fact] = []
    for prefix in ("audits", f"audits.week.{scored.week or 'unknown'}"):
        facts += [
            Count(f"{prefix}.n", day, agent=agent),
            Count(f"{prefix}.points", day, sum(values), agent=agent),
            Count(f"{prefix}.criteria", day, len(values), agent=agent),
        ]
    return facts


# ---------------------------------------------------------------- the events counted
DERIVE: dict[str, Callable[[DomainEvent], list[Fact]]] = {
    OrderPlaced.TYPE: _order_placed,
    OrderCancelled.TYPE: _order_cancelled,
    OrderDelivered.TYPE: _order_delivered,
    OrderExceptionRaised.TYPE: _order_exception,
    ShipmentRegistered.TYPE: _shipment_registered,
    ParcelDelivered.TYPE: _parcel_delivered,
    ShipmentProblemsFound.TYPE: _shipment_problems,
    TicketOpened.TYPE: _ticket_opened,
    TicketTriageCorrected.TYPE: _ticket_triage_corrected,
    TicketAssigned.TYPE: _ticket_assigned,
    TicketReplied.TYPE: _ticket_replied,
    TicketSolved.TYPE: _ticket_solved,
    TicketReopened.TYPE: _ticket_reopened,
    TicketSlaBreached.TYPE: _ticket_breached,
    CaseOpened.TYPE: _case_opened,
    CaseReviewed.TYPE: _case_reviewed,
    CaseResolved.TYPE: _case_resolved,
    CaseResolutionBreached.TYPE: _case_breached,
    CaseDisputed.TYPE: _case_disputed,
    SurveySent.TYPE: _survey_sent,
    RefundRequested.TYPE: _refund_requested,
    RefundSettled.TYPE: _refund_settled,
    AuditScored.TYPE: _audit_scored,
}
COUNTED = frozenset({*DERIVE, SurveyAnswered.TYPE})  # every event type analytics listens to


def facts_of(event: DomainEvent, subject: Subject | None = None) -> list[Fact]:
    """The facts one event adds (`subject`: what an answered survey was about, if known)."""
    if event.type == SurveyAnswered.TYPE:
        return _survey_answered(event, subject)
    derive = DERIVE.get(event.type)
    return derive(event) if derive else []


# ---------------------------------------------------------------- survey subjects
def survey_subject(event: DomainEvent) -> tuple[str, str] | None:
    """The (kind, id) of the ticket or case whose agent and handling time an answer needs."""
    if event.type != SurveyAnswered.TYPE:
        return None
    answered = event.read(SurveyAnswered)
    if answered.subject_kind in ("ticket", "case") and answered.subject_id:
        return answered.subject_kind, answered.subject_id
    return None


def note_of(event: DomainEvent) -> SubjectNote | None:
    """What an event tells about a future survey's subject: a ticket's agent is its (latest)
    assignee and its handling time runs to its first solve; a case's agent is who reviewed it
    (none when it was automatic) and its handling time runs to its resolution."""
    if event.type == TicketAssigned.TYPE:
        assigned = event.read(TicketAssigned)
        return SubjectNote("ticket", assigned.ticket_id, assigned.agent, _at(assigned.assigned_at, event))
    if event.type == TicketSolved.TYPE:
        solved = event.read(TicketSolved)
        at = _at(solved.solved_at, event)
        handling = seconds_between(solved.opened_at or at, at) if solved.first_solve else None
        agent = solved.assignee or None
        return SubjectNote("ticket", solved.ticket_id, agent, at if agent else None, handling)
    if event.type == CaseReviewed.TYPE:
        reviewed = event.read(CaseReviewed)
        if reviewed.automatic or not reviewed.reviewer:
            return None
        return SubjectNote("case", reviewed.case_id, reviewed.reviewer, _at(reviewed.reviewed_at, event))
    if event.type == CaseResolved.TYPE:
        resolved = event.read(CaseResolved)
        at = _at(resolved.resolved_at, event)
        return SubjectNote(
            "case", resolved.case_id, handling_seconds=seconds_between(resolved.opened_at or at, at)
        )
    return None
