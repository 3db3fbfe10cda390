"""A move into REFUNDING is one write: the case's change, its refund and the refund's source
claim in one transaction, committed together or not at all."""

from __future__ import annotations

from typing import Any

import pytest

from aftercare import clock
from aftercare.refunds import store as refunds
from aftercare.settings import get_settings
from tests.integration.aftersales.conftest import Cases, sweep
from tests.support.dynamodb import recording


def inspect(cases: Cases, case_id: str) -> Any:
    return cases.staff_action(
        case_id, "inspect", {"result": "PASS", "notes": "unused, boxed"}, role="warehouse"
    )


def refund_ids(order_id: str) -> list[str]:
    return [refund.refundId for refund in refunds.list_for_order(order_id)]


def test_an_inspection_that_asks_for_the_money_writes_the_case_and_its_refund_in_one_request(
    cases: Cases, refunds_started: list[str]
) -> None:
    from aftercare.aftersales import store

    case = cases.received()
    with recording() as requests:
        inspected = cases.ok(inspect(cases, case["caseId"]), "REFUNDING")
    settings = get_settings()
    assert [(w.operation, sorted(w.tables), w.failed) for w in requests.writes] == [
        (
            "TransactWriteItems",
            sorted([settings.cases_table, settings.refunds_table, settings.refunds_table]),
            False,
        )
    ]
    refund_id = inspected["refundId"]
    assert [entry["to"] for entry in inspected["timeline"]][-3:] == ["INSPECTED", "REFUNDING", "REFUNDING"]
    assert inspected["timeline"][-1] == {
        "at": "2026-11-23T08:00:00.000Z",
        "from": "REFUNDING",
        "to": "REFUNDING",
        "actor": "after-sales",
        "note": f"refund {refund_id} requested",
    }
    assert refunds_started == [refund_id]
    assert refunds.claimed_refund("case", case["caseId"]) == refund_id
    assert refund_ids(case["orderId"]) == [refund_id]
    stored = store.get(case["caseId"], consistent=True)
    assert stored is not None
    assert stored.handoff is None  # nothing left for the deadline job
    assert "handoffRetryAt" not in stored.deadlines
    assert cases.get(case["caseId"]) == inspected


def test_approving_a_refund_only_case_writes_the_case_and_its_refund_in_one_request(
    cases: Cases, refunds_started: list[str]
) -> None:
    order = cases.delivered_order()
    case = cases.open(order["orderId"], type="REFUND_ONLY", reason="MISSING_ITEM")
    with recording() as requests:
        approved = cases.ok(cases.staff_action(case["caseId"], "approve"), "REFUNDING")
    assert [w.operation for w in requests.writes] == ["TransactWriteItems"]
    assert refunds_started == [approved["refundId"]]
    refund = refunds.get(approved["refundId"])
    assert refund is not None
    assert (refund.sourceId, refund.merchantFault, refund.flagged) == (case["caseId"], True, False)


def test_a_second_inspection_from_a_stale_read_writes_neither_the_case_nor_a_second_refund(
    cases: Cases, refunds_started: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two warehouse workers inspect the same parcel: both read the case as RECEIVED and its
    source as unclaimed before either writes. The second transaction fails on the case's
    condition, and takes its refund and claim down with it."""
    from aftercare.aftersales import reads, store

    case = cases.received()
    case_id = case["caseId"]
    stale = store.get(case_id, consistent=True)
    first = cases.ok(inspect(cases, case_id), "REFUNDING")
    after_first = cases.get(case_id)

    load, claimed = reads.load, refunds.claimed_refund
    monkeypatch.setattr(reads, "load", lambda _: stale)
    monkeypatch.setattr(refunds, "claimed_refund", lambda *_: None)
    with recording() as requests:
        second = inspect(cases, case_id)
    monkeypatch.setattr(reads, "load", load)
    monkeypatch.setattr(refunds, "claimed_refund", claimed)

    assert second.status == 409, second.body
    assert [(w.operation, w.failed) for w in requests.writes] == [("TransactWriteItems", True)]
    assert cases.get(case_id) == after_first
    assert refund_ids(case["orderId"]) == [first["refundId"]]
    assert refunds.claimed_refund("case", case_id) == first["refundId"]
    assert refunds_started == [first["refundId"]]


def test_a_refund_that_cannot_be_written_leaves_the_case_where_it_was(
    cases: Cases, refunds_started: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The source is claimed meanwhile (the read did not see it): the refund's condition
    fails, so the case does not move either."""
    case = cases.received()
    case_id = case["caseId"]
    refunds.SourceClaim(refundId=refunds.claim_key("case", case_id), claimedBy="rf_elsewhere").save()
    claimed = refunds.claimed_refund
    monkeypatch.setattr(refunds, "claimed_refund", lambda *_: None)
    reply = inspect(cases, case_id)
    monkeypatch.setattr(refunds, "claimed_refund", claimed)

    assert reply.status == 409, reply.body
    assert cases.get(case_id) == case
    assert refund_ids(case["orderId"]) == []
    assert refunds.claimed_refund("case", case_id) == "rf_elsewhere"
    assert refunds_started == []


def test_a_refund_whose_workflow_does_not_start_is_started_by_the_deadline_job(
    cases: Cases, fixed_clock: clock.FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aftercare.refunds import service as refund_service

    def unavailable(refund_id: str) -> None:
        raise ConnectionError("step functions unavailable")

    monkeypatch.setattr(refund_service, "_start", unavailable)
    case = cases.received()
    inspected = cases.ok(inspect(cases, case["caseId"]), "REFUNDING")
    refund_id = inspected["refundId"]
    assert refund_id.startswith("rf_")  # stored with the case, only its workflow is missing
    assert inspected["timeline"][-1]["note"] == f"refund {refund_id} not started yet; retried"

    started: list[str] = []
    monkeypatch.setattr(refund_service, "_start", started.append)
    fixed_clock.advance(5 * 60)
    assert sweep()["actions"] == {"HANDOFF": 1}
    assert started == [refund_id]
    handed = cases.get(case["caseId"])
    assert (handed["refundId"], handed["timeline"][-1]["note"]) == (refund_id, f"refund {refund_id} started")
    assert refund_ids(case["orderId"]) == [refund_id]
    assert sweep()["acted"] == 0
