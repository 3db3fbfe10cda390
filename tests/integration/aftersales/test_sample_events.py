"""The samples in events/aftersales_*/ are real requests: replayed in order, they run a case."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from aftercare import clock
from infra.local.http_events import parse_http_response
from tests.integration.aftersales.conftest import Cases, TicketCalls
from tests.support.api import Api
from tests.support.bus import EventFlow

EVENTS = Path(__file__).resolve().parents[3] / "events"
SAMPLE_ORDER = "ord_01JD6Z3Q00SAMPLE0000000000"
SAMPLE_CASE = "as_01JD6Z3Q00SAMPLE0000000000"
SAMPLE_CUSTOMER = "cus_01JD6Z3Q0000000000000000AA"


def sample(name: str, function: str = "aftersales_api") -> dict[str, Any]:
    return dict(json.loads((EVENTS / function / f"{name}.json").read_text()))


def with_ids(event: dict[str, Any], order_id: str, case_id: str = SAMPLE_CASE) -> dict[str, Any]:
    text = json.dumps(event).replace(SAMPLE_ORDER, order_id).replace(SAMPLE_CASE, case_id)
    return dict(json.loads(text))


def invoke(api: Api, event: dict[str, Any]) -> tuple[int, Any]:
    status, _, _, body = parse_http_response(api.host.invoke("AftersalesApiFunction", copy.deepcopy(event)))
    return status, json.loads(body)


def test_the_samples_replay_a_return_from_opening_to_the_refund(
    cases: Cases, api: Api, refunds_started: list[str], flow: EventFlow
) -> None:
    order = cases.delivered_order(SAMPLE_CUSTOMER)
    status, options = invoke(api, with_ids(sample("AfterSalesOptions"), order["orderId"]))
    assert status == 200
    assert options["items"][0]["remainingQuantity"] == 2
    status, case = invoke(api, with_ids(sample("OpenCase"), order["orderId"]))
    assert status == 201, case
    case_id = case["caseId"]
    steps = [
        ("GetCase", "REQUESTED"),
        ("ApproveCase", "AWAITING_RETURN"),
        ("ShipReturn", "RETURN_IN_TRANSIT"),
        ("ReceiveReturn", "RECEIVED"),
        ("InspectReturn", "REFUNDING"),
    ]
    for name, expected in steps:
        status, body = invoke(api, with_ids(sample(name), order["orderId"], case_id))
        assert (name, status, body.get("status")) == (name, 200, expected), body
    status, page = invoke(api, sample("ListCases"))
    assert (status, [c["caseId"] for c in page["items"]]) == (200, [case_id])
    status, queue = invoke(api, sample("CaseQueue"))
    assert (status, queue["items"]) == (200, [])  # nothing is waiting for review any more
    flow.run()  # refunds reacts to the case's CaseRefundRequested
    status, body = invoke(api, with_ids(sample("GetCase"), order["orderId"], case_id))
    assert (status, body["refundId"]) == (200, refunds_started[0])


def test_the_cancel_appeal_and_dispute_samples_apply(
    cases: Cases, api: Api, tickets: TicketCalls, flow: EventFlow
) -> None:
    order = cases.delivered_order(SAMPLE_CUSTOMER)
    _, first = invoke(api, with_ids(sample("OpenCase"), order["orderId"]))
    status, body = invoke(api, with_ids(sample("CancelCase"), order["orderId"], first["caseId"]))
    assert (status, body["status"]) == (200, "CANCELLED")
    _, second = invoke(api, with_ids(sample("OpenCase"), order["orderId"]))
    for name, expected in [
        ("RejectCase", "REJECTED"),
        ("AppealCase", "DISPUTED"),
        ("ResolveDispute", "AWAITING_RETURN"),
    ]:
        status, body = invoke(api, with_ids(sample(name), order["orderId"], second["caseId"]))
        assert (name, status, body.get("status")) == (name, 200, expected), body
    flow.run()  # the dispute's ticket, then the decision on it
    assert [call["source_id"] for call in tickets.calls] == [second["caseId"]] * 2


def test_the_evidence_sample_issues_an_upload(cases: Cases, api: Api) -> None:
    status, body = invoke(api, sample("EvidenceUpload"))
    assert status == 201
    assert body["evidenceKey"].startswith(f"evidence/{SAMPLE_CUSTOMER}/")


def test_the_scheduled_sample_runs_the_deadline_sweep(
    cases: Cases, api: Api, fixed_clock: clock.FixedClock
) -> None:
    order = cases.delivered_order(SAMPLE_CUSTOMER)
    _, case = invoke(api, with_ids(sample("OpenCase"), order["orderId"]))
    fixed_clock.advance(48 * 3600)
    report = api.host.invoke("AftersalesDeadlinesFunction", sample("DeadlineSweep", "aftersales_deadlines"))
    assert report["actions"] == {"AUTO_APPROVE": 1}
    status, body = invoke(api, with_ids(sample("GetCase"), order["orderId"], case["caseId"]))
    assert (status, body["status"]) == (200, "AWAITING_RETURN")


def test_the_publisher_sample_asks_refunds_for_the_cases_refund(api: Api, aws: Any) -> None:
    import boto3

    from infra.local.sqs_poller import sqs_sources

    event = sample("Changes", "aftersales_publisher")
    assert api.host.invoke("AftersalesPublisherFunction", event) == {"batchItemFailures": []}
    sqs = boto3.client("sqs", region_name="us-east-1")
    by_queue = {
        source.function: [
            json.loads(m["Body"])["detail-type"]
            for m in sqs.receive_message(QueueUrl=source.queue_url, MaxNumberOfMessages=10).get(
                "Messages", []
            )
        ]
        for source in sqs_sources(aws)
        if source.function.endswith("ReactionsFunction")
    }
    assert by_queue["RefundsReactionsFunction"] == ["CaseRefundRequested"]
    assert sum(len(types) for types in by_queue.values()) == 1


def test_the_appointment_samples_publish_book_list_and_cancel(cases: Cases, api: Api) -> None:
    from tests.integration.aftersales.conftest import put_evidence

    key = put_evidence(SAMPLE_CUSTOMER)
    case = cases.approved(SAMPLE_CUSTOMER, type="REPAIR", reason="QUALITY_ISSUE", evidence=[key])
    status, slot = invoke(api, sample("PublishAppointmentSlot"))
    assert (status, slot["capacity"], slot["kind"]) == (201, 4, "DROP_OFF"), slot
    sample_slot = "slot_01JD6Z3Q00SAMPLE0000000000"

    def with_slot(name: str) -> dict[str, Any]:
        event = with_ids(sample(name), case["orderId"], case["caseId"])
        return dict(json.loads(json.dumps(event).replace(sample_slot, slot["slotId"])))

    status, free = invoke(api, with_slot("AppointmentSlotsFree"))
    assert (status, [s["slotId"] for s in free["items"]]) == (200, [slot["slotId"]])
    status, booked = invoke(api, with_slot("BookAppointment"))
    assert (status, booked["appointment"]["status"]) == (200, "BOOKED"), booked
    status, day = invoke(api, sample("AppointmentCalendar"))
    assert (status, [s["booked"] for s in day["items"]]) == (200, [1])
    status, cancelled = invoke(api, with_slot("CancelAppointment"))
    assert (status, cancelled["appointment"]["status"]) == (200, "CANCELLED")
