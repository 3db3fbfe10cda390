"""Concurrent first requests on a fresh stack: every caller is answered as themselves.

Lambda runs one request per execution environment; the local stack runs every function in
one process, so state a request leaves where another can read it (Powertools keeps the
current event on a class) mixed identities here before each request's state was its own."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests

from tests.e2e.conftest import LocalStackProcess

pytestmark = pytest.mark.e2e

CUSTOMERS = [f"cus_cc_{index}" for index in range(8)]
STAFF = [("agent_li", "agent"), ("sup_zhao", "supervisor"), ("wh_ana", "warehouse")]
STAFF_READS = {
    "agent": "/v1/admin/tickets",
    "supervisor": "/v1/admin/analytics/kpis",
    "warehouse": "/v1/admin/after-sales",
}
ZONES = ["Asia/Shanghai", "Europe/Paris", "America/New_York", "Asia/Tokyo"]


def test_concurrent_first_requests_keep_every_callers_identity(fresh_stack: LocalStackProcess) -> None:
    stack = fresh_stack
    tokens = {sub: stack.token(sub, "customer") for sub in CUSTOMERS}
    staff_tokens = {sub: stack.token(sub, role) for sub, role in STAFF}

    def as_customer(index: int) -> tuple[str, Any]:
        sub = CUSTOMERS[index]
        headers = {"authorization": f"Bearer {tokens[sub]}"}
        zone = ZONES[index % len(ZONES)]
        patched = requests.patch(
            stack.url("/v1/me/preferences"), json={"timeZone": zone}, headers=headers, timeout=60
        )
        me = requests.get(stack.url("/v1/me"), headers=headers, timeout=60)
        orders = requests.get(stack.url("/v1/orders"), headers=headers, timeout=60)
        return sub, (patched.status_code, patched.text, me.status_code, me.json(), orders.status_code, zone)

    def as_staff(sub: str, role: str) -> tuple[str, Any]:
        headers = {"authorization": f"Bearer {staff_tokens[sub]}"}
        queue = requests.get(stack.url(STAFF_READS[role]), headers=headers, timeout=60)
        me = requests.patch(
            stack.url("/v1/me/preferences"), json={"language": "en"}, headers=headers, timeout=60
        )
        return sub, (queue.status_code, me.status_code)

    with ThreadPoolExecutor(max_workers=len(CUSTOMERS) + len(STAFF)) as pool:
        customer_futures = [pool.submit(as_customer, index) for index in range(len(CUSTOMERS))]
        staff_futures = [pool.submit(as_staff, sub, role) for sub, role in STAFF]
        customers = [future.result() for future in customer_futures]
        staff = [future.result() for future in staff_futures]

    for sub, (patched, text, me_status, me, orders_status, zone) in customers:
        assert patched == 200, (sub, text)
        assert me_status == 200
        assert me["customerId"] == sub
        assert me["preferences"]["timeZone"] == zone
        assert orders_status == 200
    for sub, (queue, preferences) in staff:
        assert queue == 200, sub
        assert preferences == 403, sub  # preferences are a customer's own
    # Written under each caller's own id, and nobody else's.
    for index, sub in enumerate(CUSTOMERS):
        again = stack.get("/v1/me", as_=(sub, "customer")).json()
        assert again["preferences"]["timeZone"] == ZONES[index % len(ZONES)]
