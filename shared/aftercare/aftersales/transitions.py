"""A case's change as data: what a use case asks for (`Move`) and the one write it becomes
(`Transition`), computed by the pure `plan`.

`plan` checks the transition table, adds the deadlines of the statuses entered, records the
resolution (and whether it missed its target), decides the hand-off the new state calls for,
reserves or releases the case's units when it starts or stops holding them, and writes the
timeline entries. The store applies the result as one conditional write on the expected
status and version (one transaction when units or another table's part come with it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aftercare import clock
from aftercare.aftersales import rules
from aftercare.aftersales.rules import CaseStatus
from aftercare.aftersales.state import Case, CoverageChange, Field, SideWrite, Step

S = CaseStatus
AFTER_SALES = "after-sales"  # the actor of hand-offs to other domains
REFUND, TICKET = "REFUND", "TICKET"  # the hand-offs a case may wait on


@dataclass(frozen=True)
class Move:
    """What a use case asks of a case: the statuses to pass through (none: a change that
    stays in the status, e.g. a note), who asks, and what else the change sets."""

    path: tuple[CaseStatus, ...]
    actor: str
    note: str | None
    notes: tuple[str | None, ...] = ()  # one per status of the path, when they differ
    sets: Mapping[Field, Any] = field(default_factory=dict)
    removes: frozenset[Field] = frozenset()
    inspection_failed: bool | None = None  # None: as the case has it
    refund_id: str | None = None
    ticket_id: str | None = None
    mark_breach: bool = False
    handoff: str | None = None  # a hand-off the caller names (else the new state decides)
    only_if_handoff: str | None = None  # the write also expects the case to wait on this one
    side_writes: tuple[SideWrite, ...] = ()


@dataclass(frozen=True)
class Transition:
    """One change of one case, ready to be written."""

    case_id: str
    order_id: str
    expected_status: CaseStatus
    expected_version: int
    to: CaseStatus
    entries: tuple[Step, ...]
    sets: Mapping[Field, Any]
    removes: frozenset[Field]
    reservations: tuple[CoverageChange, ...]  # coverage counters changed in the same write
    only_if_handoff: str | None
    side_writes: tuple[SideWrite, ...]
    moved: bool  # the status changed (not only a note)
    breached_now: bool  # this change is the one that missed the resolution target


def needs_refund(case: Case, move: Move) -> bool:
    """Entering REFUNDING asks for the money in the same write (unless it was asked already,
    or the caller is recording a hand-off instead)."""
    final = move.path[-1] if move.path else case.status
    return (
        bool(move.path)
        and final is S.REFUNDING
        and not (move.refund_id or case.refund_id)
        and move.handoff is None
    )


def plan(
    case: Case,
    move: Move,
    now: datetime,
    *,
    new_refund_id: str | None = None,
    refund_write: SideWrite | None = None,
) -> Transition:
    """The write that makes `move` happen to `case` as read. `new_refund_id` is a refund
    prepared to be written with it (`refund_write` its part of the transaction)."""
    current = case.status
    path = move.path
    rules.check_path(case.type, current, path)
    at = clock.iso(now)
    final = path[-1] if path else current
    failed_after = case.inspection_failed if move.inspection_failed is None else move.inspection_failed
    refund_id = new_refund_id or move.refund_id

    merged = dict(case.deadlines)
    for status in path:
        failed_here = failed_after if status is final else False
        merged.update(
            rules.deadlines_on_entering(status, now, inspection_failed=failed_here, existing=merged)
        )

    sets: dict[Field, Any] = dict(move.sets)
    removes = set(move.removes)
    if path:
        sets[Field.STATUS] = final.value
    if refund_id:
        sets[Field.REFUND_ID] = refund_id

    # Resolution: the first time a case reaches a resolution, and whether it was in time.
    breached, breached_now, mark_breach = case.breached, False, move.mark_breach
    if rules.is_resolved(final, inspection_failed=failed_after) and not case.resolved_at:
        sets[Field.RESOLVED_AT] = at
        target = merged.get(rules.RESOLVE_TARGET)
        if target and at > target and not breached:
            mark_breach = True
    if mark_breach and not breached:
        sets[Field.RESOLVE_BREACHED_AT] = at
        breached = breached_now = True

    # Hand-offs to other domains the new state calls for (or the caller names), retried by
    # the deadline job until done.
    want = move.handoff or _handoff_called_for(case, final, refund_id, move.ticket_id)
    if want:
        if case.handoff != want or rules.HANDOFF_AT not in merged:
            merged[rules.HANDOFF_AT] = clock.iso(now + rules.HANDOFF_RETRY)
        sets[Field.HANDOFF] = want
    else:
        merged.pop(rules.HANDOFF_AT, None)
        if case.handoff:
            removes.add(Field.HANDOFF)

    sets[Field.DEADLINES] = merged
    next_at = rules.next_deadline(final, merged, inspection_failed=failed_after, breached=breached)
    sets[Field.QUEUE_AT] = rules.queue_position(next_at, case.created_at)
    if next_at:
        sets[Field.NEXT_DEADLINE_AT] = next_at
        sets[Field.DUE_SHARD] = rules.due_shard(case.case_id)
    else:
        removes |= {Field.NEXT_DEADLINE_AT, Field.DUE_SHARD}

    entries = _entries(current, move, at)
    if new_refund_id is not None:
        entries.append(Step(at, final, final, AFTER_SALES, f"refund {new_refund_id} requested"))
    side_writes = (*move.side_writes, *([refund_write] if refund_write is not None else []))
    return Transition(
        case_id=case.case_id,
        order_id=case.order_id,
        expected_status=current,
        expected_version=case.version,
        to=final,
        entries=tuple(entries),
        sets=sets,
        removes=frozenset(removes - sets.keys()),
        reservations=reservations(case, final, failed_after),
        only_if_handoff=move.only_if_handoff,
        side_writes=side_writes,
        moved=bool(path),
        breached_now=breached_now,
    )


def _handoff_called_for(
    case: Case, final: CaseStatus, refund_id: str | None, ticket_id: str | None
) -> str | None:
    if final is S.REFUNDING and not (refund_id or case.refund_id):
        return REFUND
    ticket_known = ticket_id or (case.dispute.get("ticketId") and case.status is S.DISPUTED)
    if final is S.DISPUTED and not ticket_known:
        return TICKET
    return None


def reservations(case: Case, final: CaseStatus, failed_after: bool) -> tuple[CoverageChange, ...]:
    """Coverage follows whether the case holds its units before and after the change."""
    held_before = not rules.releases_coverage(case.status, inspection_failed=case.inspection_failed)
    held_after = not rules.releases_coverage(final, inspection_failed=failed_after)
    if held_before == held_after:
        return ()
    sign = 1 if held_after else -1
    return tuple(CoverageChange(line.sku, sign * line.quantity, line.bought) for line in case.items)


def _entries(current: CaseStatus, move: Move, at: str) -> list[Step]:
    entries = []
    previous = current
    for position, status in enumerate(move.path or (current,)):
        if move.notes and position < len(move.notes):
            text = move.notes[position]
        else:
            text = move.note if position == 0 else None
        entries.append(Step(at, previous, status, move.actor, text))
        previous = status
    return entries
