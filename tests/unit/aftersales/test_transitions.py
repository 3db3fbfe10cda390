"""The case state machine: every transition allowed, every other one refused (409)."""

from __future__ import annotations

import itertools

import pytest

from aftercare.aftersales import rules
from aftercare.aftersales.rules import CaseStatus, CaseType, DisputeDecision, InspectionResult, RepairStage
from aftercare.errors import Conflict

S, T = CaseStatus, CaseType
ALL, RET = set(CaseType), {T.RETURN_REFUND, T.EXCHANGE, T.REPAIR}

# (from, to) -> the case types that may make the move; everything else is refused.
ALLOWED = {
    (S.REQUESTED, S.APPROVED): ALL,
    (S.REQUESTED, S.REJECTED): ALL,
    (S.REQUESTED, S.CANCELLED): ALL,
    (S.APPROVED, S.AWAITING_RETURN): RET,
    (S.APPROVED, S.REFUNDING): {T.REFUND_ONLY},
    (S.APPROVED, S.CANCELLED): RET,
    (S.AWAITING_RETURN, S.RETURN_IN_TRANSIT): RET,
    (S.AWAITING_RETURN, S.RECEIVED): RET,
    (S.AWAITING_RETURN, S.CANCELLED): RET,
    (S.AWAITING_RETURN, S.CLOSED_TIMEOUT): RET,
    (S.RETURN_IN_TRANSIT, S.RECEIVED): RET,
    (S.RECEIVED, S.INSPECTED): RET,
    (S.INSPECTED, S.REFUNDING): {T.RETURN_REFUND},
    (S.INSPECTED, S.EXCHANGE_SHIPPED): {T.EXCHANGE},
    (S.INSPECTED, S.REPAIRING): {T.REPAIR},
    (S.INSPECTED, S.DISPUTED): RET,
    (S.INSPECTED, S.COMPLETED): RET,
    (S.REFUNDING, S.REFUNDED): {T.REFUND_ONLY, T.RETURN_REFUND},
    (S.REPAIRING, S.REPAIR_SHIPPED): {T.REPAIR},
    (S.REFUNDED, S.COMPLETED): {T.REFUND_ONLY, T.RETURN_REFUND},
    (S.EXCHANGE_SHIPPED, S.COMPLETED): {T.EXCHANGE},
    (S.REPAIR_SHIPPED, S.COMPLETED): {T.REPAIR},
    (S.REJECTED, S.DISPUTED): ALL,
    (S.DISPUTED, S.APPROVED): ALL,
    (S.DISPUTED, S.REJECTED): ALL,
    (S.DISPUTED, S.REFUNDING): {T.RETURN_REFUND},
    (S.DISPUTED, S.INSPECTED): {T.EXCHANGE},
    (S.DISPUTED, S.REPAIRING): {T.REPAIR},
    (S.DISPUTED, S.COMPLETED): RET,
}
EVERY = list(itertools.product(CaseType, CaseStatus, CaseStatus))


@pytest.mark.parametrize(
    ("case_type", "current", "target"), EVERY, ids=[f"{t}:{a}->{b}" for t, a, b in EVERY]
)
def test_every_transition_is_allowed_or_refused_as_the_table_says(
    case_type: CaseType, current: CaseStatus, target: CaseStatus
) -> None:
    if case_type in ALLOWED.get((current, target), set()):
        rules.check_transition(case_type, current, target)
    else:
        with pytest.raises(Conflict):
            rules.check_transition(case_type, current, target)


@pytest.mark.parametrize("status", [S.COMPLETED, S.CANCELLED, S.CLOSED_TIMEOUT])
def test_terminal_states_go_nowhere(status: CaseStatus) -> None:
    assert not [target for (source, target) in rules.TRANSITIONS if source is status]


def test_refund_only_skips_the_return_leg() -> None:
    assert rules.approval_path(T.REFUND_ONLY) == [S.APPROVED, S.REFUNDING]
    for case_type in RET:
        assert rules.approval_path(case_type) == [S.APPROVED, S.AWAITING_RETURN]
    for case_type in CaseType:
        rules.check_path(case_type, S.REQUESTED, rules.approval_path(case_type))


@pytest.mark.parametrize(
    ("case_type", "result", "replacement", "path"),
    [
        (T.RETURN_REFUND, InspectionResult.PASS, False, [S.INSPECTED, S.REFUNDING]),
        (T.EXCHANGE, InspectionResult.PASS, True, [S.INSPECTED, S.EXCHANGE_SHIPPED]),
        (T.EXCHANGE, InspectionResult.PASS, False, [S.INSPECTED]),
        (T.REPAIR, InspectionResult.PASS, False, [S.INSPECTED, S.REPAIRING]),
        (T.RETURN_REFUND, InspectionResult.FAIL, False, [S.INSPECTED]),
        (T.REPAIR, InspectionResult.FAIL, False, [S.INSPECTED]),
    ],
)
def test_inspection_leads_by_type_and_result(
    case_type: CaseType, result: InspectionResult, replacement: bool, path: list[CaseStatus]
) -> None:
    assert rules.inspection_path(case_type, result, replacement=replacement) == path
    rules.check_path(case_type, S.RECEIVED, path)


@pytest.mark.parametrize(
    ("case_type", "origin", "decision", "path"),
    [
        (T.REFUND_ONLY, S.REJECTED, DisputeDecision.FOR_CUSTOMER, [S.APPROVED, S.REFUNDING]),
        (T.RETURN_REFUND, S.REJECTED, DisputeDecision.FOR_CUSTOMER, [S.APPROVED, S.AWAITING_RETURN]),
        (T.EXCHANGE, S.REJECTED, DisputeDecision.FOR_MERCHANT, [S.REJECTED]),
        (T.RETURN_REFUND, S.INSPECTED, DisputeDecision.FOR_CUSTOMER, [S.REFUNDING]),
        (T.EXCHANGE, S.INSPECTED, DisputeDecision.FOR_CUSTOMER, [S.INSPECTED]),
        (T.REPAIR, S.INSPECTED, DisputeDecision.FOR_CUSTOMER, [S.REPAIRING]),
        (T.REPAIR, S.INSPECTED, DisputeDecision.FOR_MERCHANT, [S.COMPLETED]),
    ],
)
def test_a_supervisor_decides_a_dispute(
    case_type: CaseType, origin: CaseStatus, decision: DisputeDecision, path: list[CaseStatus]
) -> None:
    assert rules.dispute_path(case_type, origin, decision) == path
    rules.check_path(case_type, S.DISPUTED, path)


@pytest.mark.parametrize(
    ("target", "failed", "releases"),
    [
        (S.REJECTED, False, True),
        (S.CANCELLED, False, True),
        (S.CLOSED_TIMEOUT, False, True),
        (S.COMPLETED, True, True),
        (S.COMPLETED, False, False),
        (S.REFUNDED, False, False),
        (S.DISPUTED, False, False),
        (S.INSPECTED, True, False),
    ],
)
def test_which_states_give_the_units_back(target: CaseStatus, failed: bool, releases: bool) -> None:
    assert rules.releases_coverage(target, inspection_failed=failed) is releases


@pytest.mark.parametrize(
    ("current", "wanted", "ok"),
    [
        (RepairStage.RECEIVED, RepairStage.DIAGNOSING, True),
        (RepairStage.DIAGNOSING, RepairStage.TESTING, True),
        (RepairStage.TESTING, RepairStage.SHIPPED_BACK, True),
        (RepairStage.REPAIRING, RepairStage.DIAGNOSING, False),
        (RepairStage.TESTING, RepairStage.TESTING, False),
    ],
)
def test_repair_stages_only_move_forward(current: RepairStage, wanted: RepairStage, ok: bool) -> None:
    if ok:
        assert rules.repair_stage_after(current, wanted) is wanted
    else:
        with pytest.raises(Conflict):
            rules.repair_stage_after(current, wanted)
