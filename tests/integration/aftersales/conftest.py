"""After-sales test drivers: delivered orders, evidence in the bucket, cases walked through
their states via the API, and the refund and ticket ports observed at their edges."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from aftercare import clock
from aftercare.settings import get_settings
from infra.template import Stack
from tests.support.api import Api, Reply, customer, staff
from tests.support.orders import Orders

RETURN_PARCEL = {"carrier": "sf-express", "trackingNumber": "SFR20261123"}


@dataclass
class TicketCalls:
    calls: list[dict[str, Any]] = field(default_factory=list)

    def __call__(self, **kwargs: Any) -> str:
        self.calls.append(kwargs)
        return "tk_01JD6Z3Q000000000000000000"


@pytest.fixture
def refunds_started(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The refund port runs for real (the refund is recorded); only the workflow start is
    observed, the workflow itself is the refunds domain's to test."""
    from aftercare.refunds import service as refunds

    started: list[str] = []
    monkeypatch.setattr(refunds, "_start", started.append)
    return started


@pytest.fixture
def tickets(monkeypatch: pytest.MonkeyPatch) -> TicketCalls:
    from aftercare.tickets import port

    recorder = TicketCalls()
    monkeypatch.setattr(port, "open_or_update_for", recorder)
    return recorder


def put_evidence(
    owner: str, name: str = "photo.jpg", *, size: int = 1024, content_type: str = "image/jpeg"
) -> str:
    from aftercare.aws import client

    key = f"evidence/{owner}/{name}"
    client("s3").put_object(
        Bucket=get_settings().evidence_bucket, Key=key, Body=b"x" * size, ContentType=content_type
    )
    return key


class Cases:
    """Opens cases and moves them via the API, as the app, staff and the warehouse do."""

    def __init__(self, api: Api, orders: Orders) -> None:
        self.api = api
        self.orders = orders

    def delivered_order(self, owner: str = "cus_alice", **changes: Any) -> dict[str, Any]:
        if not changes:
            return self.orders.to("DELIVERED", owner=owner)
        order = self.orders.place(owner, **changes)
        order_id = order["orderId"]
        total = order["total"]
        assert self.orders.pay(order_id, amount=total).status == 200
        for step, role, body in [
            ("confirm", "agent", None),
            ("pack", "warehouse", None),
            ("ship", "warehouse", {"carrier": "sf-express", "trackingNumber": "SF100200300"}),
        ]:
            assert self.orders.step(order_id, step, role, body).status == 200
        reply = self.api.call("POST", f"/v1/orders/{order_id}/confirm-receipt", claims=customer(owner))
        assert reply.status == 200, reply.body
        return reply.json

    def open_reply(
        self,
        order_id: str,
        *,
        owner: str = "cus_alice",
        type: str = "RETURN_REFUND",
        reason: str = "NO_REASON",
        items: list[dict[str, Any]] | None = None,
        evidence: list[str] | None = None,
        **extra: Any,
    ) -> Reply:
        body = {
            "orderId": order_id,
            "type": type,
            "reason": reason,
            "items": items if items is not None else [{"sku": "KTL-1", "quantity": 1}],
            "description": "not what I hoped for",
            "evidenceKeys": evidence or [],
            **extra,
        }
        return self.api.call("POST", "/v1/after-sales", claims=customer(owner), json_body=body)

    def open(self, order_id: str, **kwargs: Any) -> dict[str, Any]:
        reply = self.open_reply(order_id, **kwargs)
        assert reply.status == 201, reply.body
        return reply.json

    def get(self, case_id: str, owner: str = "cus_alice") -> dict[str, Any]:
        reply = self.api.call("GET", f"/v1/after-sales/{case_id}", claims=customer(owner))
        assert reply.status == 200, reply.body
        return reply.json

    def customer_action(self, case_id: str, action: str, body: Any = None, owner: str = "cus_alice") -> Reply:
        return self.api.call(
            "POST", f"/v1/after-sales/{case_id}/{action}", claims=customer(owner), json_body=body
        )

    def staff_action(self, case_id: str, action: str, body: Any = None, role: str = "agent") -> Reply:
        return self.api.call(
            "POST", f"/v1/admin/after-sales/{case_id}/{action}", claims=staff(role), json_body=body
        )

    def ok(self, reply: Reply, status: str | None = None) -> dict[str, Any]:
        assert reply.status == 200, reply.body
        if status is not None:
            assert reply.json["status"] == status, reply.json["timeline"]
        return reply.json

    def approved(self, owner: str = "cus_alice", **kwargs: Any) -> dict[str, Any]:
        order = self.delivered_order(owner)
        case = self.open(order["orderId"], owner=owner, **kwargs)
        return self.ok(self.staff_action(case["caseId"], "approve"))

    def received(self, owner: str = "cus_alice", **kwargs: Any) -> dict[str, Any]:
        case = self.approved(owner, **kwargs)
        parcel = self.customer_action(case["caseId"], "return-shipment", RETURN_PARCEL, owner=owner)
        self.ok(parcel, "RETURN_IN_TRANSIT")
        return self.ok(self.staff_action(case["caseId"], "receive", role="warehouse"), "RECEIVED")


@pytest.fixture
def cases(api: Api, orders: Orders, aws: Stack, fixed_clock: clock.FixedClock) -> Cases:
    return Cases(api, orders)


def sweep() -> dict[str, Any]:
    from aftercare.aftersales import deadlines

    return deadlines.sweep_deadlines().as_dict()


Sweep = Callable[[], dict[str, Any]]
