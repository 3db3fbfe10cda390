"""aftersales/queries.py: the windows' policy orders completes by, a customer's recent
cases and a case's handling, as frozen views."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aftercare.aftersales import queries, rules
from tests.integration.aftersales.conftest import Cases


def test_the_windows_close_with_the_longest_window_of_the_categories() -> None:
    delivered = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
    categories = ["appliances", "kitchen"]
    days = rules.last_window_days(rules.load_policy(), categories)
    assert queries.windows_close_at(delivered_at=delivered, categories=categories) == delivered + timedelta(
        days=days
    )


def test_a_customers_recent_cases(cases: Cases) -> None:
    order = cases.delivered_order()
    case = cases.open(order["orderId"])
    cases.open(cases.delivered_order("cus_bob")["orderId"], owner="cus_bob")
    recent = queries.recent_for_customer("cus_alice", limit=5)
    assert [(c.case_id, c.status, c.type, c.reason) for c in recent] == [
        (case["caseId"], case["status"], "RETURN_REFUND", "NO_REASON")
    ]
    assert queries.recent_for_customer("cus_carol", limit=5) == ()


def test_the_parcels_an_orders_cases_sent(cases: Cases) -> None:
    """What logistics' tracking shows awaiting until it tracks them (from CaseParcelSent)."""
    exchange = cases.received(type="EXCHANGE", reason="SIZE_FIT")
    order_id = exchange["orderId"]
    assert queries.parcels_of_order("cus_alice", order_id) == (
        queries.CaseParcel(exchange["returnShipment"]["shipmentId"], exchange["caseId"], "RETURN"),
    )
    replacement = {"carrier": "sf-express", "trackingNumber": "SFX99887766"}
    shipped = cases.ok(
        cases.staff_action(
            exchange["caseId"], "inspect", {"result": "PASS", "replacement": replacement}, role="warehouse"
        ),
        "EXCHANGE_SHIPPED",
    )
    assert [(p.kind, p.shipment_id) for p in queries.parcels_of_order("cus_alice", order_id)] == [
        ("RETURN", shipped["returnShipment"]["shipmentId"]),
        ("REPLACEMENT", shipped["replacementShipment"]["shipmentId"]),
    ]
    assert queries.parcels_of_order("cus_bob", order_id) == ()  # another customer's order: none
    assert queries.parcels_of_order("cus_alice", cases.delivered_order()["orderId"]) == ()
