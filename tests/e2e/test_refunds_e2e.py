"""Refunds through the local stack: the real state machine definition, executed by the
local Step Functions interpreter, with every step in our handlers."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from tests.e2e.conftest import LocalStackProcess

pytestmark = pytest.mark.e2e

ADDRESS = {"recipient": "Li Lei", "phone": "+86 138 0013 8000", "line1": "88 Nanjing Road", "city": "Shanghai",
           "postalCode": "200001", "country": "CN"}  # fmt: skip
FINAL = {"SUCCEEDED", "REJECTED", "MANUAL_REVIEW"}


def paid_order(stack: LocalStackProcess, customer: str, unit_price: int = 12900) -> dict[str, Any]:
    body = {
        "items": [{"sku": "KTL-1", "name": "Kettle", "category": "appliances", "quantity": 2, "unitPrice": unit_price}],
        "currency": "CNY", "shippingFee": 1000, "discount": 0, "shippingAddress": ADDRESS, "paymentMethod": "ALIPAY",
    }  # fmt: skip
    order = stack.post("/v1/orders", as_=(customer, "customer"), json_body=body).json()
    reply = stack.post(
        f"/v1/admin/orders/{order['orderId']}/payment",
        as_=("staff_sam", "agent"),
        json_body={
            "amount": order["total"],
            "method": "BANK_TRANSFER",
            "transactionId": f"bank-{order['orderId']}",
        },
    )
    assert reply.status_code == 200, reply.text
    return dict(reply.json())


def cancel(stack: LocalStackProcess, order: dict[str, Any]) -> None:
    reply = stack.post(f"/v1/orders/{order['orderId']}/cancel", as_=(order["customerId"], "customer"))
    assert reply.status_code == 200, reply.text


def refund_of(
    stack: LocalStackProcess, order: dict[str, Any], *, until: set[str], seconds: float = 30
) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    refunds: list[dict[str, Any]] = []
    while time.monotonic() < deadline:
        refunds = stack.get(
            f"/v1/orders/{order['orderId']}/refunds", as_=(order["customerId"], "customer")
        ).json()["items"]
        if refunds and refunds[0]["status"] in until:
            assert len(refunds) == 1
            return dict(refunds[0])
        time.sleep(0.3)
    raise AssertionError(f"refund did not reach {until}: {refunds}\n{stack.log_tail()}")


def money(stack: LocalStackProcess, order: dict[str, Any]) -> tuple[int, int]:
    """What the order shows now: refunded, reserved for refunds."""
    now = stack.get(f"/v1/orders/{order['orderId']}", as_=(order["customerId"], "customer")).json()
    return now["refundedAmount"], now["reservedForRefunds"]


def money_shows(
    stack: LocalStackProcess, order: dict[str, Any], expected: tuple[int, int], seconds: float = 15
) -> None:
    """The order shows `expected` (refunded, reserved) within `seconds`: refunds keeps the
    ledger and tells the order by an event (RefundBalanceChanged), a moment later."""
    deadline = time.monotonic() + seconds
    while (shown := money(stack, order)) != expected and time.monotonic() < deadline:
        time.sleep(0.3)
    assert shown == expected, (shown, expected)


def sandbox(stack: LocalStackProcess, order: dict[str, Any], scenario: str, failures: int = 0) -> None:
    reply = stack.post(
        "/_local/payments/sandbox",
        json_body={"orderId": order["orderId"], "scenario": scenario, "failures": failures},
    )
    assert reply.status_code == 200, reply.text


def test_a_cancelled_paid_order_is_refunded_in_full_once(local_stack: LocalStackProcess) -> None:
    order = paid_order(local_stack, "cus_rf_happy")
    cancel(local_stack, order)
    refund = refund_of(local_stack, order, until=FINAL)
    assert (refund["status"], refund["amount"], refund["shippingIncluded"]) == (
        "SUCCEEDED",
        order["total"],
        1000,
    )
    assert [step["step"] for step in refund["steps"]] == ["Request", "Reserve", "PayOut", "Record"]
    money_shows(local_stack, order, (order["total"], 0))
    local_stack.post("/_local/settle")  # the survey follows the refund's RefundSettled event
    surveys = local_stack.get("/v1/surveys", as_=(order["customerId"], "customer")).json()["items"]
    assert [(s["subjectKind"], s["subjectId"]) for s in surveys] == [("refund", refund["refundId"])]
    own = local_stack.get(f"/v1/refunds/{refund['refundId']}", as_=(order["customerId"], "customer"))
    assert own.status_code == 200
    # The refund was started by the refunds domain's reaction to the order's event.
    listed = local_stack.get("/_local/events?type=OrderCancelled&limit=500").json()["events"]
    (cancelled,) = [e for e in listed if e["subject"] == order["orderId"]]
    assert (cancelled["source"], cancelled["payload"]["refund_owed"]) == ("aftercare.orders", order["total"])
    # Refunds react to it (and analytics counts it, from its own queue): each delivered once.
    assert sorted((d["queue"], d["rule"], d["status"]) for d in cancelled["deliveries"]) == [
        ("AnalyticsReactionsQueue", "AnalyticsReactionsRule", "processed"),
        ("RefundsReactionsQueue", "RefundsReactionsRule", "processed"),
    ]
    other = local_stack.get(f"/v1/refunds/{refund['refundId']}", as_=("cus_someone_else", "customer"))
    assert other.status_code == 404


def test_a_retried_start_cannot_create_a_second_execution(local_stack: LocalStackProcess) -> None:
    order = paid_order(local_stack, "cus_rf_dup")
    cancel(local_stack, order)
    refund = refund_of(local_stack, order, until=FINAL)
    sfn: Any = local_stack.aws("stepfunctions")
    machine = next(
        m["stateMachineArn"] for m in sfn.list_state_machines()["stateMachines"] if "Refund" in m["name"]
    )
    with pytest.raises(sfn.exceptions.ExecutionAlreadyExists):
        sfn.start_execution(
            stateMachineArn=machine,
            name=refund["refundId"],
            input=json.dumps({"refundId": refund["refundId"]}),
        )
    names = [e["name"] for e in sfn.list_executions(stateMachineArn=machine)["executions"]]
    assert names.count(refund["refundId"]) == 1


def test_a_large_refund_waits_for_a_staff_approval(local_stack: LocalStackProcess) -> None:
    order = paid_order(local_stack, "cus_rf_big", unit_price=80000)  # 1,610.00 CNY > 1,000.00
    cancel(local_stack, order)
    waiting = refund_of(local_stack, order, until={"AWAITING_APPROVAL"})
    queue = local_stack.get(
        "/v1/admin/refunds", as_=("staff_sam", "agent"), params={"status": "AWAITING_APPROVAL"}
    ).json()
    assert waiting["refundId"] in [r["refundId"] for r in queue["items"]]
    money_shows(local_stack, order, (0, order["total"]))  # reserved while waiting
    assert (
        local_stack.post(
            f"/v1/admin/refunds/{waiting['refundId']}/approve", as_=("cus_rf_big", "customer")
        ).status_code
        == 403
    )
    approved = local_stack.post(f"/v1/admin/refunds/{waiting['refundId']}/approve", as_=("staff_sam", "agent"),
                                json_body={"note": "verified"})  # fmt: skip
    assert approved.status_code == 200, approved.text
    again = local_stack.post(f"/v1/admin/refunds/{waiting['refundId']}/approve", as_=("staff_sam", "agent"))
    assert again.status_code == 409
    assert refund_of(local_stack, order, until=FINAL)["status"] == "SUCCEEDED"
    money_shows(local_stack, order, (order["total"], 0))


def test_a_rejected_refund_releases_its_reservation(local_stack: LocalStackProcess) -> None:
    order = paid_order(local_stack, "cus_rf_reject", unit_price=80000)
    cancel(local_stack, order)
    waiting = refund_of(local_stack, order, until={"AWAITING_APPROVAL"})
    reply = local_stack.post(f"/v1/admin/refunds/{waiting['refundId']}/reject", as_=("staff_sam", "supervisor"),
                             json_body={"note": "paid by voucher"})  # fmt: skip
    assert reply.status_code == 200
    assert refund_of(local_stack, order, until=FINAL)["status"] == "REJECTED"
    money_shows(local_stack, order, (0, 0))


def test_an_unanswered_approval_escalates_to_a_supervisor(local_stack: LocalStackProcess) -> None:
    order = paid_order(local_stack, "cus_rf_slow", unit_price=80000)
    cancel(local_stack, order)
    deadline = time.monotonic() + 30
    refund = refund_of(local_stack, order, until={"AWAITING_APPROVAL"})
    while not refund["escalated"] and time.monotonic() < deadline:
        time.sleep(0.5)
        refund = refund_of(local_stack, order, until={"AWAITING_APPROVAL"})
    assert refund["escalated"], "the approval should have escalated after its timeout"
    agent = local_stack.post(f"/v1/admin/refunds/{refund['refundId']}/approve", as_=("staff_sam", "agent"))
    assert agent.status_code == 409
    boss = local_stack.post(
        f"/v1/admin/refunds/{refund['refundId']}/approve", as_=("staff_boss", "supervisor")
    )
    assert boss.status_code == 200, boss.text
    assert refund_of(local_stack, order, until=FINAL)["status"] == "SUCCEEDED"


def test_transient_provider_errors_are_retried_until_the_refund_succeeds(
    local_stack: LocalStackProcess,
) -> None:
    order = paid_order(local_stack, "cus_rf_flaky")
    sandbox(local_stack, order, "fail-transiently", failures=2)
    cancel(local_stack, order)
    refund = refund_of(local_stack, order, until=FINAL, seconds=60)
    assert refund["status"] == "SUCCEEDED"
    money_shows(local_stack, order, (order["total"], 0))


def test_a_permanent_provider_failure_is_compensated_and_handed_to_people(
    local_stack: LocalStackProcess,
) -> None:
    order = paid_order(local_stack, "cus_rf_broken")
    sandbox(local_stack, order, "fail-permanently")
    cancel(local_stack, order)
    refund = refund_of(local_stack, order, until=FINAL, seconds=60)
    assert refund["status"] == "MANUAL_REVIEW"
    assert [s["step"] for s in refund["steps"]][-2:] == ["Compensate", "ManualReview"]
    money_shows(local_stack, order, (0, 0))  # the reservation went back
    queue = local_stack.get(
        "/v1/admin/refunds", as_=("staff_sam", "agent"), params={"status": "MANUAL_REVIEW"}
    ).json()
    assert refund["refundId"] in [r["refundId"] for r in queue["items"]]
    # The customer reads a plain reason in their language; internals stay with staff.
    customer = (order["customerId"], "customer")
    for path in (f"/v1/refunds/{refund['refundId']}", f"/v1/orders/{order['orderId']}/refunds"):
        for language in ("en", "zh-CN"):
            text = local_stack.get(path, as_=customer, headers={"accept-language": language}).text
            for leak in (
                "errorType",
                "stackTrace",
                "errorMessage",
                ".py",
                "PermanentPaymentError",
                "Traceback",
            ):
                assert leak not in text, (path, language, leak)
    zh = local_stack.get(f"/v1/refunds/{refund['refundId']}", as_=customer, headers={"accept-language": "zh"})
    assert "人工" in zh.json()["steps"][-1]["note"]
    staff_view = local_stack.get(f"/v1/refunds/{refund['refundId']}", as_=("staff_sam", "agent")).json()
    assert staff_view["steps"][-1]["cause"].startswith("PermanentPaymentError")
    assert "stackTrace" not in json.dumps(staff_view)


def test_a_late_provider_success_is_polled_to_completion(local_stack: LocalStackProcess) -> None:
    order = paid_order(local_stack, "cus_rf_late")
    sandbox(local_stack, order, "succeed-late")
    cancel(local_stack, order)
    refund = refund_of(local_stack, order, until=FINAL, seconds=60)
    assert refund["status"] == "SUCCEEDED"
