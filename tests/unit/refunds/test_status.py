from __future__ import annotations

import itertools

import pytest

from aftercare.errors import Conflict
from aftercare.refunds.rules import TRANSITIONS, RefundStatus, check_transition

R = RefundStatus
ALLOWED = {(a, b) for a, targets in TRANSITIONS.items() for b in targets}
EXPECTED_ALLOWED = {
    (R.REQUESTED, R.RESERVED), (R.REQUESTED, R.REJECTED), (R.REQUESTED, R.MANUAL_REVIEW),
    (R.RESERVED, R.AWAITING_APPROVAL), (R.RESERVED, R.PROCESSING), (R.RESERVED, R.MANUAL_REVIEW),
    (R.AWAITING_APPROVAL, R.PROCESSING), (R.AWAITING_APPROVAL, R.REJECTED), (R.AWAITING_APPROVAL, R.MANUAL_REVIEW),
    (R.PROCESSING, R.SUCCEEDED), (R.PROCESSING, R.MANUAL_REVIEW),
    (R.MANUAL_REVIEW, R.SUCCEEDED), (R.MANUAL_REVIEW, R.REJECTED), (R.MANUAL_REVIEW, R.PROCESSING),
}  # fmt: skip


def test_the_table_is_what_the_workflow_needs() -> None:
    assert ALLOWED == EXPECTED_ALLOWED


@pytest.mark.parametrize(("current", "target"), list(itertools.product(R, R)))
def test_every_pair_is_allowed_or_a_conflict(current: RefundStatus, target: RefundStatus) -> None:
    if (current, target) in EXPECTED_ALLOWED:
        check_transition(current, target)
    else:
        with pytest.raises(Conflict):
            check_transition(current, target)


def test_money_that_went_back_stays_back() -> None:
    assert TRANSITIONS[R.SUCCEEDED] == frozenset()
    assert TRANSITIONS[R.REJECTED] == frozenset()
