"""A case's change as data: what a use case asks for (`Move`) and the one write it becomes
(`Transition`), computed by the pure `plan`.

`plan` checks the transition table, adds the deadlines of the statuses entered, records the
resolution (and whether it missed its target), notes a refund the new state asks for,
reserves or releases the case's units when it starts or stops holding them, and writes the
timeline entries. The store applies the result as one conditional write on the expected
status and version (one transaction when units or appointment seats come with it).

What a change owes other domains is not written here: the Cases table's stream publishes it
(publisher.py, e.g. CaseRefundRequested) and those domains react.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aftercare import clock
from aftercare.aftersales import rules
from aftercare.aftersales.rules import CaseStatus
from aftercare.aftersales.state import Case, CoverageChange, Field, SeatChange, Step

S = CaseStatus
AFTER_SALES = "after-sales"  # the actor of the notes after-sales itself writes
# Until refunds records the refund and the case learns its id (reactions.py), the timeline
# says so rather than showing an id that does not exist yet.
REFUND_PENDING = "refund requested; its id follows once refunds has recorded it"


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
    mark_breach: bool = False
    seats: tuple[SeatChange, ...] = ()  # appointment slots changed in the same write


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
    moved: bool  # the status changed (not only a note)
    breached_now: bool  # this change is the one that missed the resolution target
    seats: tuple[SeatChange, ...] = ()  # appointment slots changed in the same transaction


def needs_refund(case: Case, move: Move) -> bool:
    """Entering REFUNDING asks for the money (unless the case has its refund already): the
    change is published as CaseRefundRequested and refunds records the refund."""
    final = move.path[-1] if move.path else case.status
    return bool(move.path) and final is S.REFUNDING and not (move.refund_id or case.refund_id)


def plan(case: Case, move: Move, now: datetime) -> Transition:
    """The write that makes `move` happen to `case` as read."""
    current = case.status
    path = move.path
    rules.check_path(case.type, current, path)
    at = clock.iso(now)
    final = path[-1] if path else current
    failed_after = case.inspection_failed if move.inspection_failed is None else move.inspection_failed
    refund_id = move.refund_id

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

    sets[Field.DEADLINES] = merged
    next_at = rules.next_deadline(final, merged, inspection_failed=failed_after, breached=breached)
    sets[Field.QUEUE_AT] = rules.queue_position(next_at, case.created_at)
    if next_at:
        sets[Field.NEXT_DEADLINE_AT] = next_at
        sets[Field.DUE_SHARD] = rules.due_shard(case.case_id)
    else:
        removes |= {Field.NEXT_DEADLINE_AT, Field.DUE_SHARD}

    entries = _entries(current, move, at)
    if needs_refund(case, move):
        entries.append(Step(at, final, final, AFTER_SALES, REFUND_PENDING))
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
        moved=bool(path),
        breached_now=breached_now,
        seats=move.seats,
    )


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
