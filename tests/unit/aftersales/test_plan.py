"""`plan`: the one write a case's change becomes, computed without a table. What it expects
(status and version), the timeline it appends, the deadlines and index fields it sets, the
units it reserves or releases, and the note of a refund it asks for (the refund itself is the
case's published CaseRefundRequested: tests/unit/aftersales/test_publisher.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from aftercare.aftersales import rules
from aftercare.aftersales.rules import CaseStatus, CaseType
from aftercare.aftersales.state import Case, CoverageChange, Field, Step
from aftercare.aftersales.transitions import AFTER_SALES, REFUND_PENDING, Move, needs_refund, plan
from aftercare.errors import Conflict
from tests.unit.aftersales.cases import a_case

S, T = CaseStatus, CaseType
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
AT = "2026-11-23T08:00:00.000Z"


def test_a_change_expects_the_status_and_version_it_was_read_at() -> None:
    change = plan(a_case(S.AWAITING_RETURN), Move((S.RETURN_IN_TRANSIT,), "cus_alice", "shipped"), NOW)
    assert (change.case_id, change.expected_status, change.expected_version) == (
        "as_01",
        S.AWAITING_RETURN,
        7,
    )
    assert (change.to, change.moved) == (S.RETURN_IN_TRANSIT, True)
    assert change.sets[Field.STATUS] == "RETURN_IN_TRANSIT"


def test_a_refused_transition_plans_nothing() -> None:
    with pytest.raises(Conflict):
        plan(a_case(S.REQUESTED), Move((S.REFUNDED,), "agent", None), NOW)


def test_a_note_in_place_neither_sets_the_status_nor_counts_as_a_move() -> None:
    change = plan(a_case(S.REPAIRING, T.REPAIR), Move((), "warehouse", "repair TESTING"), NOW)
    assert Field.STATUS not in change.sets
    assert not change.moved
    assert change.entries == (Step(AT, "REPAIRING", "REPAIRING", "warehouse", "repair TESTING"),)


def test_each_status_of_a_path_gets_its_entry_with_its_own_note() -> None:
    move = Move((S.APPROVED, S.AWAITING_RETURN), "agent", "approved", notes=("approved", "waiting"))
    change = plan(a_case(S.REQUESTED), move, NOW)
    assert change.entries == (
        Step(AT, "REQUESTED", "APPROVED", "agent", "approved"),
        Step(AT, "APPROVED", "AWAITING_RETURN", "agent", "waiting"),
    )


def test_without_notes_only_the_first_entry_carries_the_note() -> None:
    change = plan(a_case(S.REQUESTED), Move((S.APPROVED, S.AWAITING_RETURN), "agent", "approved"), NOW)
    assert [entry.note for entry in change.entries] == ["approved", None]


@pytest.mark.parametrize(
    ("status", "path", "gained"),
    [
        (S.APPROVED, (S.AWAITING_RETURN,), {rules.RETURN_SHIP_BY: "2026-11-30T08:00:00.000Z"}),
        (
            S.RETURN_IN_TRANSIT,
            (S.RECEIVED,),
            {rules.INSPECT_BY: "2026-11-25T08:00:00.000Z", rules.RESOLVE_TARGET: "2026-11-25T08:00:00.000Z"},
        ),
        (S.REQUESTED, (S.REJECTED,), {rules.APPEAL_BY: "2026-11-30T08:00:00.000Z"}),
    ],
)
def test_entering_a_status_adds_its_deadlines_and_indexes_the_nearest(
    status: CaseStatus, path: tuple[CaseStatus, ...], gained: dict[str, str]
) -> None:
    change = plan(
        a_case(status, deadlines={"reviewBy": "2026-11-22T08:00:00.000Z"}), Move(path, "a", None), NOW
    )
    assert change.sets[Field.DEADLINES] == {"reviewBy": "2026-11-22T08:00:00.000Z", **gained}
    final = path[-1]
    nearest = rules.next_deadline(
        final, change.sets[Field.DEADLINES], inspection_failed=False, breached=False
    )
    if nearest:
        assert change.sets[Field.NEXT_DEADLINE_AT] == nearest == change.sets[Field.QUEUE_AT]
        assert change.sets[Field.DUE_SHARD] == rules.due_shard("as_01")
    else:  # a status without a deadline of its own leaves the due index
        assert {Field.NEXT_DEADLINE_AT, Field.DUE_SHARD} <= change.removes
        assert change.sets[Field.QUEUE_AT] == "~2026-11-20T08:00:00.000Z"


RESERVED = (CoverageChange("MUG-2", 2, 3),)
RELEASED = (CoverageChange("MUG-2", -2, 3),)


@pytest.mark.parametrize(
    ("status", "path", "case_changes", "inspection_failed", "expected"),
    [
        (S.REQUESTED, (S.REJECTED,), {}, None, RELEASED),
        (S.REQUESTED, (S.CANCELLED,), {}, None, RELEASED),
        (S.AWAITING_RETURN, (S.CLOSED_TIMEOUT,), {}, None, RELEASED),
        (S.REJECTED, (S.DISPUTED,), {}, None, RESERVED),  # an appeal holds the units while decided
        (S.DISPUTED, (S.REJECTED,), {}, None, RELEASED),  # a rejection upheld
        (S.DISPUTED, (S.APPROVED, S.AWAITING_RETURN), {}, None, ()),  # a rejection overturned
        (S.INSPECTED, (S.COMPLETED,), {"inspection": {"result": "FAIL"}}, None, RELEASED),
        (S.DISPUTED, (S.COMPLETED,), {"inspection": {"result": "FAIL"}}, None, RELEASED),
        (S.REFUNDED, (S.COMPLETED,), {}, None, ()),
        (S.AWAITING_RETURN, (S.RETURN_IN_TRANSIT,), {}, None, ()),
        (S.RECEIVED, (S.INSPECTED,), {}, True, ()),  # failed, but the appeal may still win
    ],
)
def test_units_are_reserved_or_released_only_when_holding_them_changes(
    status: CaseStatus,
    path: tuple[CaseStatus, ...],
    case_changes: dict[str, Any],
    inspection_failed: bool | None,
    expected: tuple[CoverageChange, ...],
) -> None:
    case = a_case(status, **case_changes)
    change = plan(case, Move(path, "a", None, inspection_failed=inspection_failed), NOW)
    assert change.reservations == expected


def test_reaching_a_resolution_records_when_and_a_late_one_marks_the_breach() -> None:
    in_time = plan(a_case(S.RECEIVED, T.EXCHANGE, deadlines={rules.RESOLVE_TARGET: "2026-11-24T08:00:00.000Z"}),
                   Move((S.INSPECTED, S.EXCHANGE_SHIPPED), "w", None), NOW)  # fmt: skip
    assert in_time.sets[Field.RESOLVED_AT] == AT
    assert Field.RESOLVE_BREACHED_AT not in in_time.sets and not in_time.breached_now
    late = plan(a_case(S.RECEIVED, T.EXCHANGE, deadlines={rules.RESOLVE_TARGET: "2026-11-22T08:00:00.000Z"}),
                Move((S.INSPECTED, S.EXCHANGE_SHIPPED), "w", None), NOW)  # fmt: skip
    assert late.sets[Field.RESOLVE_BREACHED_AT] == AT and late.breached_now


def test_a_breach_is_marked_once() -> None:
    case = a_case(S.RECEIVED, resolve_breached_at="2026-11-22T08:00:00.000Z")
    change = plan(case, Move((), "system", "missed", mark_breach=True), NOW)
    assert Field.RESOLVE_BREACHED_AT not in change.sets and not change.breached_now


def test_a_second_resolution_keeps_the_first_time() -> None:
    case = a_case(S.REFUNDED, resolved_at="2026-11-22T08:00:00.000Z")
    assert Field.RESOLVED_AT not in plan(case, Move((S.COMPLETED,), "a", None), NOW).sets


def test_entering_refunding_without_a_refund_notes_that_its_id_follows() -> None:
    case = a_case(S.RECEIVED)
    move = Move((S.INSPECTED, S.REFUNDING), "w", "inspection PASS")
    assert needs_refund(case, move)
    change = plan(case, move, NOW)
    assert Field.REFUND_ID not in change.sets  # refunds records it; the case learns it later
    assert change.entries[-1] == Step(AT, "REFUNDING", "REFUNDING", AFTER_SALES, REFUND_PENDING)
    # The change writes only the case's own fields: refunds hears of it from the case's event.
    assert all(isinstance(name, Field) for name in change.sets)


def test_the_refund_id_a_reaction_learns_is_set_on_the_case_without_a_second_note() -> None:
    move = Move((), "refunds", "refund rf_1 recorded", refund_id="rf_1")
    change = plan(a_case(S.REFUNDING), move, NOW)
    assert change.sets[Field.REFUND_ID] == "rf_1"
    assert [step.note for step in change.entries] == ["refund rf_1 recorded"]


@pytest.mark.parametrize(
    ("case", "move", "wanted"),
    [
        (a_case(S.RECEIVED), Move((S.INSPECTED, S.REFUNDING), "w", None), True),
        (a_case(S.RECEIVED, refund_id="rf_0"), Move((S.INSPECTED, S.REFUNDING), "w", None), False),
        (a_case(S.RECEIVED), Move((S.INSPECTED,), "w", None), False),
        (a_case(S.REFUNDING), Move((), "w", None), False),
        (a_case(S.RECEIVED), Move((S.INSPECTED, S.REFUNDING), "w", None, refund_id="rf_1"), False),
    ],
)
def test_only_a_move_into_refunding_without_a_refund_asks_for_one(
    case: Case, move: Move, wanted: bool
) -> None:
    assert needs_refund(case, move) is wanted


@pytest.mark.parametrize(
    ("case", "move"),
    [
        (a_case(S.RECEIVED), Move((S.INSPECTED, S.REFUNDING), "w", None)),
        (a_case(S.REJECTED), Move((S.DISPUTED,), "cus_alice", "appealed")),
    ],
)
def test_what_a_change_owes_other_domains_is_no_deadline_of_the_case(case: Case, move: Move) -> None:
    """Refunds and the dispute's ticket follow from the published change: nothing on the case
    waits for a retry by the deadline job."""
    change = plan(case, move, NOW)
    assert "handoffRetryAt" not in change.sets[Field.DEADLINES]
    assert "handoff" not in {field.value for field in Field}


def test_a_field_both_set_and_removed_is_set() -> None:
    move = Move((), "a", None, sets={Field.REJECTION: {"reason": "x"}}, removes=frozenset({Field.REJECTION}))
    change = plan(a_case(S.REQUESTED), move, NOW)
    assert Field.REJECTION in change.sets and Field.REJECTION not in change.removes
