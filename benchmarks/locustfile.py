"""The app's mix against the local stack's API, for `benchmarks/load.py` (locust, headless).

Each simulated user is one customer with a token from `/_local/token`; it places orders
(with an Idempotency-Key, as the apps do), lists and reads them, follows their tracking,
opens and reads tickets, and searches the FAQ. Any answer that is not the documented
success is a failure.
"""

from __future__ import annotations

import itertools
import uuid
from typing import Any

from locust import HttpUser, between, task

ADDRESS = {
    "recipient": "Li Lei",
    "phone": "+86 138 0013 8000",
    "line1": "88 Nanjing Road",
    "city": "Shanghai",
    "postalCode": "200001",
    "country": "CN",
}
ORDER = {
    "items": [
        {"sku": "KTL-1", "name": "Kettle", "category": "appliances", "quantity": 2, "unitPrice": 12900}
    ],
    "currency": "CNY",
    "shippingFee": 1000,
    "discount": 0,
    "shippingAddress": ADDRESS,
    "paymentMethod": "ALIPAY",
}
_numbers = itertools.count()


class Customer(HttpUser):
    wait_time = between(0.05, 0.2)

    def on_start(self) -> None:
        self.sub = f"cus_load_{next(_numbers)}_{uuid.uuid4().hex[:6]}"
        token = self.client.get(
            "/_local/token", params={"sub": self.sub, "roles": "customer"}, name="(setup) token"
        )
        self.client.headers["authorization"] = f"Bearer {token.json()['token']}"
        self.orders: list[str] = []
        self.tickets: list[str] = []
        self.place_order()

    def _expect(self, response: Any, status: int) -> Any:
        if response.status_code != status:
            response.failure(f"{response.status_code}: {response.text[:200]}")
            return None
        return response.json()

    @task(2)
    def place_order(self) -> None:
        with self.client.post(
            "/v1/orders",
            json=ORDER,
            headers={"idempotency-key": uuid.uuid4().hex},
            name="POST /v1/orders",
            catch_response=True,
        ) as response:
            body = self._expect(response, 201)
            if body:
                self.orders.append(body["orderId"])

    @task(3)
    def list_orders(self) -> None:
        with self.client.get("/v1/orders", name="GET /v1/orders", catch_response=True) as response:
            self._expect(response, 200)

    @task(4)
    def get_order(self) -> None:
        if self.orders:
            with self.client.get(
                f"/v1/orders/{self.orders[-1]}", name="GET /v1/orders/{orderId}", catch_response=True
            ) as response:
                self._expect(response, 200)

    @task(3)
    def tracking(self) -> None:
        if self.orders:
            with self.client.get(
                f"/v1/orders/{self.orders[-1]}/tracking",
                name="GET /v1/orders/{orderId}/tracking",
                catch_response=True,
            ) as response:
                self._expect(response, 200)

    @task(1)
    def open_ticket(self) -> None:
        body = {
            "channel": "app",
            "subject": "Where is my parcel",
            "message": "It has not moved for two days.",
        }
        with self.client.post(
            "/v1/tickets",
            json=body,
            headers={"idempotency-key": uuid.uuid4().hex},
            name="POST /v1/tickets",
            catch_response=True,
        ) as response:
            created = self._expect(response, 201)
            if created:
                self.tickets.append(created["ticketId"])

    @task(1)
    def get_ticket(self) -> None:
        if self.tickets:
            with self.client.get(
                f"/v1/tickets/{self.tickets[-1]}", name="GET /v1/tickets/{ticketId}", catch_response=True
            ) as response:
                self._expect(response, 200)

    @task(2)
    def faq(self) -> None:
        with self.client.get(
            "/v1/faq", params={"q": "refund"}, name="GET /v1/faq", catch_response=True
        ) as response:
            self._expect(response, 200)
