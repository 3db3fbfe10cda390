"""What a change of a domain table means for the KPIs: pure functions of a stream record's
old and new images (as Lambda hands them over, deserialised), table-tested.

A fact is dated by the day (UTC) the thing it counts happened, e.g. a first response by
`firstRespondedAt`, not by when the stream record arrived. Only transitions count (a status
*into* DELIVERED, a field that *becomes* set), so a write that changes something else on the
same item adds nothing, and every fact is derived once per change.

Attribute names come from each domain's store (orders/store.py, logistics/store.py,
tickets/store.py, aftersales/store.py, surveys/store.py, refunds/store.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from aftercare import clock
from aftercare.logistics.queries import estimate_deadline

Image = Mapping[str, Any]


class Table(StrEnum):
    ORDERS = "orders"
    SHIPMENTS = "shipments"
    TICKETS = "tickets"
    CASES = "cases"
    SURVEYS = "surveys"
    REFUNDS = "refunds"


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
    """What a survey was about, read from the subject's own table when the answer arrives."""

    agent: str | None
    handling_seconds: int | None


RETURN_TYPES = frozenset({"RETURN_REFUND", "EXCHANGE"})
TO_CUSTOMER = frozenset({"OUTBOUND", "REPLACEMENT"})  # parcels to the customer (not returns)
STAFF_AUTHORS = frozenset({"agent", "supervisor"})


# ---------------------------------------------------------------- helpers
def day_of(at: str) -> str:
    """The UTC day of an ISO time."""
    return clock.parse_iso(at).date().isoformat()


def seconds_between(start: str, end: str) -> int:
    return max(0, round((clock.parse_iso(end) - clock.parse_iso(start)).total_seconds()))


def _get(image: Image | None, key: str) -> Any:
    return image.get(key) if image else None


def _str(image: Image | None, key: str) -> str | None:
    value = _get(image, key)
    return None if value is None else str(value)


def _entered(old: Image | None, new: Image | None, status: str) -> bool:
    return _str(new, "status") == status and _str(old, "status") != status


def _became_set(old: Image | None, new: Image | None, key: str) -> bool:
    return _get(new, key) not in (None, "") and _get(old, key) in (None, "")


def _changed_at(new: Image) -> str:
    return str(new.get("updatedAt") or new.get("createdAt"))


def _is_staff(actor: str | None) -> bool:
    return bool(actor) and not str(actor).startswith("system")


def first_entry(
    timeline: Sequence[Mapping[str, Any]] | None, *, to: str | None = None, from_: str | None = None
) -> Mapping[str, Any] | None:
    for entry in timeline or []:
        if (to is None or entry.get("to") == to) and (from_ is None or entry.get("from") == from_):
            return entry
    return None


# ---------------------------------------------------------------- the tables
def facts_of(
    table: Table, old: Image | None, new: Image | None, subject: Subject | None = None
) -> list[Fact]:
    """The facts one change (old image → new image) adds. A removal adds none."""
    if not new:
        return []
    if table is Table.SURVEYS:
        return _surveys(old, new, subject)
    derive = {
        Table.ORDERS: _orders,
        Table.SHIPMENTS: _shipments,
        Table.TICKETS: _tickets,
        Table.CASES: _cases,
        Table.REFUNDS: _refunds,
    }[table]
    return derive(old, new)


def _orders(old: Image | None, new: Image) -> list[Fact]:
    facts: list[Fact] = []
    if old is None:
        day = day_of(str(new["createdAt"]))
        facts += [
            Count("orders.placed", day),
            Count(f"orders.value.{new.get('currency', 'XXX')}", day, int(new.get("total") or 0)),
        ]
    if _entered(old, new, "CANCELLED"):
        facts.append(Count("orders.cancelled", day_of(_changed_at(new))))
    if _entered(old, new, "DELIVERED"):
        facts.append(Count("orders.delivered", day_of(str(new.get("deliveredAt") or _changed_at(new)))))
    if _became_set(old, new, "exception"):
        raised = new["exception"]
        facts.append(Count("orders.exceptions", day_of(str(raised.get("raisedAt") or _changed_at(new)))))
    return facts


def _shipments(old: Image | None, new: Image) -> list[Fact]:
    if str(new.get("kind") or "OUTBOUND") not in TO_CUSTOMER:
        return []
    facts: list[Fact] = []
    if old is None:
        facts.append(Count("shipments.created", day_of(str(new["createdAt"]))))
    if _entered(old, new, "DELIVERED"):
        delivered_at = str(new.get("statusAt") or _changed_at(new))
        day = day_of(delivered_at)
        facts += [
            Count("shipments.delivered", day),
            Duration("shipments.delivery_time", day, seconds_between(str(new["createdAt"]), delivered_at)),
        ]
        estimate = _str(new, "estimatedDelivery")
        if estimate:
            facts.append(Count("shipments.delivered_with_estimate", day))
            if clock.parse_iso(delivered_at) < estimate_deadline(estimate):
                facts.append(Count("shipments.on_time", day))
    before = dict(_get(old, "problems") or {})
    after = dict(new.get("problems") or {})
    added = sorted(kind for kind in after if kind not in before)
    for kind in added:
        detected = str((after[kind] or {}).get("detectedAt") or _changed_at(new))
        facts.append(Count(f"shipments.problem.{kind}", day_of(detected)))
    if added and not before:
        first = min(str((after[kind] or {}).get("detectedAt") or _changed_at(new)) for kind in added)
        facts.append(Count("shipments.with_exception", day_of(first)))
    return facts


def _tickets(old: Image | None, new: Image) -> list[Fact]:
    if not str(new.get("ticketId", "")).startswith("tk_"):
        return []  # the uniqueness keys of automatic tickets share the table
    facts: list[Fact] = []
    assignee = _str(new, "assignee")
    if old is None:
        day = day_of(str(new["createdAt"]))
        category = str(new.get("category") or "OTHER")
        facts += [Count("tickets.opened", day), Count(f"tickets.category.{category}", day)]
        if category == "COMPLAINT":
            facts.append(Count("tickets.complaints", day))
        if new.get("source") == "customer":  # triaged by the model (other domains name the category)
            facts.append(Count("tickets.triaged", day))
    if _became_set(old, new, "triageCorrection") and new.get("source") == "customer":
        # dated by the ticket's creation, as its triage was: the two counts are one cohort
        facts.append(Count("tickets.triage_corrected", day_of(str(new["createdAt"]))))
    if assignee and assignee != _str(old, "assignee"):
        facts.append(Count("tickets.assigned", day_of(_changed_at(new)), agent=assignee))
    known = {str(m.get("messageId")) for m in _get(old, "messages") or []}
    for message in new.get("messages") or []:
        if str(message.get("messageId")) in known or message.get("authorRole") not in STAFF_AUTHORS:
            continue
        facts.append(Count("tickets.replies", day_of(str(message["at"])), agent=str(message["authorId"])))
    if _became_set(old, new, "firstRespondedAt"):
        responded = str(new["firstRespondedAt"])
        staff = [m for m in new.get("messages") or [] if m.get("authorRole") in STAFF_AUTHORS]
        responder = assignee or (str(staff[0]["authorId"]) if staff else None)
        facts.append(
            Duration(
                "tickets.first_response",
                day_of(responded),
                seconds_between(str(new["createdAt"]), responded),
                agent=responder,
            )
        )
    if _entered(old, new, "SOLVED"):
        solved_at = str(new.get("solvedAt") or _changed_at(new))
        day = day_of(solved_at)
        facts.append(Count("tickets.solved", day, agent=assignee))
        solves = [entry for entry in new.get("timeline") or [] if entry.get("to") == "SOLVED"]
        if len(solves) <= 1:  # the resolution time is the first solve's; a reopened ticket adds none
            facts.append(
                Duration(
                    "tickets.resolution",
                    day,
                    seconds_between(str(new["createdAt"]), solved_at),
                    agent=assignee,
                )
            )
    if _str(old, "status") == "SOLVED" and _str(new, "status") not in ("SOLVED", "CLOSED"):
        facts.append(Count("tickets.reopened", day_of(_changed_at(new))))
    before = len(_get(old, "breaches") or [])
    for breach in list(new.get("breaches") or [])[before:]:
        day = day_of(str(breach.get("at") or _changed_at(new)))
        facts += [
            Count("tickets.sla_breaches", day, agent=assignee),
            Count(f"tickets.sla_breach.{breach.get('kind', 'UNKNOWN')}", day),
        ]
    return facts


def _cases(old: Image | None, new: Image) -> list[Fact]:
    if not str(new.get("pk", "")).startswith("as_"):
        return []  # coverage counters share the table
    facts: list[Fact] = []
    if old is None:
        day = day_of(str(new["createdAt"]))
        case_type = str(new.get("type") or "OTHER")
        facts += [Count("cases.opened", day), Count(f"cases.type.{case_type}", day)]
        if case_type in RETURN_TYPES:
            facts.append(Count("cases.returns", day))
    if _str(old, "status") == "REQUESTED" and _str(new, "status") not in ("REQUESTED", "CANCELLED"):
        review = first_entry(new.get("timeline"), from_="REQUESTED")
        at = str(review["at"]) if review else _changed_at(new)
        actor = str(review.get("actor")) if review else None
        automatic = bool(new.get("autoApproved")) or not _is_staff(actor)
        day = day_of(at)
        facts.append(
            Duration(
                "cases.first_response",
                day,
                seconds_between(str(new["createdAt"]), at),
                agent=None if automatic else actor,
            )
        )
        if automatic:
            facts += [Count("cases.sla_breaches", day), Count("cases.sla_breach.REVIEW", day)]
    if _became_set(old, new, "resolvedAt"):
        resolved = str(new["resolvedAt"])
        facts += [
            Count("cases.resolved", day_of(resolved)),
            Duration("cases.resolution", day_of(resolved), seconds_between(str(new["createdAt"]), resolved)),
        ]
    if _became_set(old, new, "resolveBreachedAt"):
        day = day_of(str(new["resolveBreachedAt"]))
        facts += [Count("cases.sla_breaches", day), Count("cases.sla_breach.RESOLUTION", day)]
    if _entered(old, new, "DISPUTED"):
        facts.append(Count("cases.disputed", day_of(_changed_at(new))))
    return facts


def survey_subject(old: Image | None, new: Image | None) -> tuple[str, str] | None:
    """The (kind, id) of the ticket or case whose agent and handling time an answer needs."""
    if not new or not _answered(old, new):
        return None
    kind, subject_id = _str(new, "subjectKind"), _str(new, "subjectId")
    if kind in ("ticket", "case") and subject_id:
        return kind, subject_id
    return None


def _answered(old: Image | None, new: Image) -> bool:
    return (
        str(new.get("surveyId", "")).startswith("sv_")
        and _entered(old, new, "ANSWERED")
        and new.get("csat") is not None
    )


def _surveys(old: Image | None, new: Image, subject: Subject | None) -> list[Fact]:
    if not str(new.get("surveyId", "")).startswith("sv_"):
        return []  # subject claims share the table
    facts: list[Fact] = []
    if _entered(old, new, "SENT"):
        facts.append(Count("surveys.sent", day_of(str(new.get("sentAt") or _changed_at(new)))))
    if _answered(old, new):
        day = day_of(str(new.get("answeredAt") or _changed_at(new)))
        nps = new.get("nps")
        facts += [
            Count("surveys.answered", day),
            Rating(
                day,
                int(new["csat"]),
                None if nps is None else int(nps),
                agent=subject.agent if subject else None,
                handling_seconds=subject.handling_seconds if subject else None,
            ),
        ]
    return facts


def _refunds(old: Image | None, new: Image) -> list[Fact]:
    if not str(new.get("refundId", "")).startswith("rf_"):
        return []  # source claims share the table
    facts: list[Fact] = []
    if old is None:
        facts.append(Count("refunds.requested", day_of(str(new["createdAt"]))))
    if _entered(old, new, "SUCCEEDED"):
        day = day_of(_changed_at(new))
        facts += [
            Count("refunds.succeeded", day),
            Count(f"refunds.amount.{new.get('currency', 'XXX')}", day, int(new.get("amount") or 0)),
        ]
    if _entered(old, new, "MANUAL_REVIEW"):
        facts.append(Count("refunds.manual_review", day_of(_changed_at(new))))
    return facts


# ---------------------------------------------------------------- survey subjects
def ticket_subject(ticket: Image) -> Subject:
    """A ticket's agent (its assignee) and handling time (creation to its first solve)."""
    solved = first_entry(ticket.get("timeline"), to="SOLVED")
    solved_at = str(solved["at"]) if solved else _str(ticket, "solvedAt")
    handling = seconds_between(str(ticket["createdAt"]), solved_at) if solved_at else None
    return Subject(agent=_str(ticket, "assignee"), handling_seconds=handling)


def case_subject(case: Image) -> Subject:
    """A case's agent (who reviewed it, unless approved automatically) and handling time
    (creation to resolution)."""
    review = first_entry(case.get("timeline"), from_="REQUESTED")
    actor = str(review.get("actor")) if review else None
    agent = actor if _is_staff(actor) and not case.get("autoApproved") else None
    resolved = _str(case, "resolvedAt")
    handling = seconds_between(str(case["createdAt"]), resolved) if resolved else None
    return Subject(agent=agent, handling_seconds=handling)
