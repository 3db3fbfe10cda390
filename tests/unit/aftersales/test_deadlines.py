"""Deadlines: which a case gains in each state, which one the job watches, what it does."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from aftercare.aftersales import rules
from aftercare.aftersales.rules import CaseStatus, DeadlineAction

S, A = CaseStatus, DeadlineAction
AT = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "failed", "gained"),
    [
        (S.AWAITING_RETURN, False, {"returnShipBy": "2026-11-30T08:00:00.000Z"}),
        (
            S.RECEIVED,
            False,
            {"inspectBy": "2026-11-25T08:00:00.000Z", "resolveTarget": "2026-11-25T08:00:00.000Z"},
        ),
        (S.REFUNDING, False, {"resolveTarget": "2026-11-25T08:00:00.000Z"}),
        (S.REJECTED, False, {"appealBy": "2026-11-30T08:00:00.000Z"}),
        (S.REFUNDED, False, {"autoCompleteAt": "2026-11-30T08:00:00.000Z"}),
        (S.EXCHANGE_SHIPPED, False, {"autoCompleteAt": "2026-11-30T08:00:00.000Z"}),
        (S.REPAIR_SHIPPED, False, {"autoCompleteAt": "2026-11-30T08:00:00.000Z"}),
        (
            S.INSPECTED,
            True,
            {"autoCompleteAt": "2026-11-30T08:00:00.000Z", "appealBy": "2026-11-30T08:00:00.000Z"},
        ),
        (S.INSPECTED, False, {}),
        (S.DISPUTED, False, {}),
        (S.COMPLETED, False, {}),
    ],
)
def test_deadlines_gained_on_entering_a_state(
    status: CaseStatus, failed: bool, gained: dict[str, str]
) -> None:
    assert rules.deadlines_on_entering(status, AT, inspection_failed=failed, existing={}) == gained


def test_a_return_refund_keeps_the_resolution_target_set_at_receipt() -> None:
    existing = {"resolveTarget": "2026-11-24T00:00:00.000Z"}
    assert rules.deadlines_on_entering(S.REFUNDING, AT, inspection_failed=False, existing=existing) == {}


D = {
    "reviewBy": "2026-11-25T08:00:00.000Z",
    "returnShipBy": "2026-11-30T08:00:00.000Z",
    "inspectBy": "2026-12-01T08:00:00.000Z",
    "resolveTarget": "2026-12-01T09:00:00.000Z",
    "autoCompleteAt": "2026-12-09T08:00:00.000Z",
}


@pytest.mark.parametrize(
    ("status", "failed", "breached", "watched"),
    [
        (S.REQUESTED, False, False, [A.AUTO_APPROVE]),
        (S.AWAITING_RETURN, False, False, [A.CLOSE]),
        (S.RETURN_IN_TRANSIT, False, False, []),
        (S.RECEIVED, False, False, [A.AUTO_PASS, A.RESOLVE_BREACH]),
        (S.RECEIVED, False, True, [A.AUTO_PASS]),
        (S.INSPECTED, True, False, [A.AUTO_COMPLETE]),
        (S.INSPECTED, False, False, [A.RESOLVE_BREACH]),
        (S.REFUNDING, False, False, [A.RESOLVE_BREACH]),
        (S.REPAIRING, False, False, [A.RESOLVE_BREACH]),
        (S.DISPUTED, False, False, [A.RESOLVE_BREACH]),  # disputes never complete by themselves
        (S.REFUNDED, False, False, [A.AUTO_COMPLETE]),
        (S.EXCHANGE_SHIPPED, False, False, [A.AUTO_COMPLETE]),
        (S.REPAIR_SHIPPED, False, False, [A.AUTO_COMPLETE]),
        (S.REJECTED, False, False, []),
        (S.COMPLETED, False, False, []),
        (S.CANCELLED, False, False, []),
        (S.CLOSED_TIMEOUT, False, False, []),
    ],
)
def test_the_deadlines_the_job_watches_in_each_state(
    status: CaseStatus, failed: bool, breached: bool, watched: list[DeadlineAction]
) -> None:
    pending = rules.pending_deadlines(status, D, inspection_failed=failed, breached=breached)
    assert [p.action for p in pending] == watched
    expected_next = pending[0].at if pending else None
    assert rules.next_deadline(status, D, inspection_failed=failed, breached=breached) == expected_next


def test_nothing_is_due_before_its_time_and_everything_due_is_done_once() -> None:
    assert (
        rules.due_actions(S.REQUESTED, D, "2026-11-25T07:59:59.999Z", inspection_failed=False, breached=False)
        == []
    )
    assert rules.due_actions(
        S.REQUESTED, D, "2026-11-25T08:00:00.000Z", inspection_failed=False, breached=False
    ) == [A.AUTO_APPROVE]
    late = "2026-12-02T00:00:00.000Z"
    assert rules.due_actions(S.RECEIVED, D, late, inspection_failed=False, breached=False) == [
        A.RESOLVE_BREACH,
        A.AUTO_PASS,
    ]
    # The retry deadline of the hand-offs events replaced, on a case stored before: not acted on.
    with_handoff = {**D, "handoffRetryAt": "2026-11-23T08:05:00.000Z"}
    assert rules.due_actions(S.REFUNDING, with_handoff, late, inspection_failed=False, breached=True) == []


def test_the_work_queue_puts_cases_without_a_deadline_last() -> None:
    assert rules.queue_position(
        "2026-11-25T08:00:00.000Z", "2026-11-01T00:00:00.000Z"
    ) < rules.queue_position(None, "2026-10-01T00:00:00.000Z")


def test_a_case_always_lands_in_the_same_due_shard() -> None:
    assert rules.due_shard("as_01JD6Z3Q000000000000000000") == rules.due_shard(
        "as_01JD6Z3Q000000000000000000"
    )
    assert {rules.due_shard(f"as_{n:026d}") for n in range(40)} <= set(rules.all_due_shards())
