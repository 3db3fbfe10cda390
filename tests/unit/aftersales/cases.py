"""A case as the store would return it, for tests of the pure parts (plan, reactions)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from aftercare.aftersales.rules import CaseStatus, CaseType, Reason
from aftercare.aftersales.state import Case, Line


def a_case(status: CaseStatus, case_type: CaseType = CaseType.RETURN_REFUND, **changes: Any) -> Case:
    case = Case(
        case_id="as_01",
        customer_id="cus_alice",
        order_id="or_01",
        type=case_type,
        reason=Reason.QUALITY_ISSUE,
        status=status,
        items=(Line("MUG-2", "Mug", "home", 2, 1500, 3),),
        description=None,
        evidence_keys=(),
        merchant_fault=True,
        deadlines={},
        queue_at="~2026-11-20T08:00:00.000Z",
        next_deadline_at=None,
        due_shard=None,
        timeline=(),
        created_at="2026-11-20T08:00:00.000Z",
        updated_at="2026-11-20T08:00:00.000Z",
        version=7,
    )
    return replace(case, **changes)
