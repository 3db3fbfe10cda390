"""A move into REFUNDING is one write of the case alone; its refund follows from the case's
published CaseRefundRequested: refunds records it once per case (its source claim) and starts
its workflow, and the case learns the refund's id from refunds' RefundRequested. Until then
the case says, honestly, that the id is pending."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare.aftersales.transitions import REFUND_PENDING
from aftercare.refunds import store as refunds
from aftercare.settings import get_settings
from tests.integration.aftersales.conftest import Cases
from tests.support.bus import EventFlow
from tests.support.dynamodb import recording


def inspect(cases: Cases, case_id: str) -> Any:
    return cases.staff_action(
        case_id, "inspect", {"result": "PASS", "notes": "unused, boxed"}, role="warehouse"
    )


def refund_ids(order_id: str) -> list[str]:
    return [refund.refundId for refund in refunds.list_for_order(order_id)]


def test_an_inspection_that_asks_for_the_money_writes_the_case_and_refunds_records_its_refund(
    cases: Cases, refunds_started: list[str], flow: EventFlow
) -> None:
    from aftercare.aftersales import store

    case = cases.received()
    with recording() as requests:
        inspected = cases.ok(inspect(cases, case["caseId"]), "REFUNDING")
    settings = get_settings()
    assert [(sorted(w.tables), w.failed) for w in requests.writes] == [([settings.cases_table], False)]
    assert inspected["refundId"] is None
    assert [entry["to"] for entry in inspected["timeline"]][-3:] == ["INSPECTED", "REFUNDING", "REFUNDING"]
    assert inspected["timeline"][-1] == {
        "at": "2026-11-23T08:00:00.000Z",
        "from": "REFUNDING",
        "to": "REFUNDING",
        "actor": "after-sales",
        "note": REFUND_PENDING,
    }
    assert refunds.claimed_refund("case", case["caseId"]) is None

    flow.run()
    refund_id = refunds.claimed_refund("case", case["caseId"])
    assert refund_id is not None
    assert refunds_started == [refund_id]
    assert refund_ids(case["orderId"]) == [refund_id]
    learnt = cases.get(case["caseId"])
    assert learnt["refundId"] == refund_id
    assert learnt["timeline"][-1]["note"] == f"refund {refund_id} recorded"
    stored = store.get(case["caseId"], consistent=True)
    assert stored is not None
    assert "handoffRetryAt" not in stored.deadlines  # nothing left for the deadline job


def test_approving_a_refund_only_case_asks_for_a_refund_with_the_merchants_fault(
    cases: Cases, refunds_started: list[str], flow: EventFlow
) -> None:
    order = cases.delivered_order()
    case = cases.open(order["orderId"], type="REFUND_ONLY", reason="MISSING_ITEM")
    with recording() as requests:
        cases.ok(cases.staff_action(case["caseId"], "approve"), "REFUNDING")
    assert {table for w in requests.writes for table in w.tables} == {get_settings().cases_table}
    flow.run()
    refund_id = cases.get(case["caseId"])["refundId"]
    assert refunds_started == [refund_id]
    refund = refunds.get(refund_id)
    assert refund is not None
    assert (refund.sourceId, refund.merchantFault, refund.flagged) == (case["caseId"], True, False)


def test_a_second_inspection_from_a_stale_read_writes_nothing_and_asks_for_no_second_refund(
    cases: Cases, refunds_started: list[str], flow: EventFlow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two warehouse workers inspect the same parcel: both read the case as RECEIVED before
    either writes. The second write fails on the case's condition: no second change is
    stored, so no second refund is asked for."""
    from aftercare.aftersales import reads, store

    case = cases.received()
    case_id = case["caseId"]
    stale = store.get(case_id, consistent=True)
    cases.ok(inspect(cases, case_id), "REFUNDING")
    after_first = cases.get(case_id)

    load = reads.load
    monkeypatch.setattr(reads, "load", lambda _: stale)
    with recording() as requests:
        second = inspect(cases, case_id)
    monkeypatch.setattr(reads, "load", load)

    assert second.status == 409, second.body
    assert [w.failed for w in requests.writes] == [True]
    assert cases.get(case_id) == after_first
    flow.run()
    assert flow.types().count("CaseRefundRequested") == 1
    (refund_id,) = refund_ids(case["orderId"])
    assert refunds.claimed_refund("case", case_id) == refund_id
    assert refunds_started == [refund_id]


def test_a_refund_request_delivered_again_records_no_second_refund(
    cases: Cases, refunds_started: list[str], flow: EventFlow
) -> None:
    """The stream delivers the change again (same event ids) and refunds' source claim holds
    even for a new delivery of the request: one refund per case."""
    from aftercare.events import DomainEvent
    from aftercare.refunds import reactions

    case = cases.received()
    cases.ok(inspect(cases, case["caseId"]), "REFUNDING")
    flow.run()
    (refund_id,) = refund_ids(case["orderId"])
    flow.replay()
    asked = next(e for e in flow.published if e["type"] == "CaseRefundRequested")
    reactions.refund_case(DomainEvent.from_detail({**asked, "id": "ev_another_delivery"}))
    flow.run()
    assert refund_ids(case["orderId"]) == [refund_id]
    assert cases.get(case["caseId"])["refundId"] == refund_id


def test_a_refund_whose_workflow_does_not_start_is_started_when_the_reaction_is_retried(
    cases: Cases, flow: EventFlow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aftercare.refunds import service as refund_service

    def unavailable(refund_id: str) -> None:
        raise ConnectionError("step functions unavailable")

    monkeypatch.setattr(refund_service, "_start", unavailable)
    case = cases.received()
    cases.ok(inspect(cases, case["caseId"]), "REFUNDING")
    flow.run()
    assert [function for function, _ in flow.failures] == ["RefundsReactionsFunction"]
    (refund_id,) = refund_ids(case["orderId"])  # recorded; only its workflow is missing
    assert cases.get(case["caseId"])["refundId"] == refund_id  # the case learnt it all the same

    started: list[str] = []
    monkeypatch.setattr(refund_service, "_start", started.append)
    flow.retry()  # SQS redelivers the failed request
    assert started == [refund_id]
    assert refund_ids(case["orderId"]) == [refund_id]
    assert len(flow.failures) == 1
