"""`make smoke BASE_URL=...`: after a deploy, check over HTTP that the stack answers as it should.

    python -m infra.smoke --base-url https://abc.execute-api.eu-west-1.amazonaws.com --stage dev \
        --token "$CUSTOMER_JWT"

What it proves, in order (each line printed as it passes; the first failure stops it):
- the JWT authorizer is in front of the API (no token: 401);
- the webhooks verify signatures, which needs their secret from the secret store (unsigned:
  401, where a function that cannot read its secret answers 500);
- with a customer token (`--token`, or minted by the local stack's `/_local/token`): the
  reads a customer's app makes first (profile, orders, tickets, FAQ) answer 200;
- unless `--stage prod`: a sandbox order is placed, read back, listed (its page cursor is
  signed with the cursor secret from the store) and cancelled, so the check leaves nothing
  open behind it. Production is never written to.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests

ORDER = {
    "items": [
        {
            "sku": "SMOKE-1",
            "name": "Smoke test item",
            "category": "appliances",
            "quantity": 1,
            "unitPrice": 100,
        }
    ],
    "currency": "CNY",
    "shippingFee": 0,
    "discount": 0,
    "paymentMethod": "ALIPAY",
    "shippingAddress": {
        "recipient": "Smoke Test",
        "phone": "+86 138 0013 8000",
        "line1": "1 Test Road",
        "city": "Shanghai",
        "postalCode": "200001",
        "country": "CN",
    },
}


class SmokeFailure(AssertionError):
    pass


@dataclass
class Smoke:
    base_url: str
    stage: str
    token: str | None = None
    timeout: float = 20.0
    out: Callable[[str], None] = print
    session: requests.Session = field(default_factory=requests.Session)
    passed: list[str] = field(default_factory=list)

    def call(self, method: str, path: str, *, auth: bool = True, **kwargs: Any) -> requests.Response:
        headers = dict(kwargs.pop("headers", {}))
        if auth and self.token:
            headers["authorization"] = f"Bearer {self.token}"
        return self.session.request(
            method, self.base_url.rstrip("/") + path, headers=headers, timeout=self.timeout, **kwargs
        )

    def expect(self, what: str, reply: requests.Response, *statuses: int) -> requests.Response:
        if reply.status_code not in statuses:
            raise SmokeFailure(
                f"{what}: {reply.request.method} {reply.request.path_url} answered {reply.status_code}, "
                f"expected {' or '.join(map(str, statuses))}: {reply.text[:300]}"
            )
        self.passed.append(what)
        self.out(f"ok  {what}")
        return reply

    def run(self) -> list[str]:
        self.expect(
            "the API refuses a request without a token", self.call("GET", "/v1/orders", auth=False), 401
        )
        self.expect(
            "the payment webhook refuses an unsigned event (its secret is readable)",
            self.call("POST", "/v1/payments/events", auth=False, json={"eventId": "smoke"}),
            401,
        )
        self.expect(
            "the courier webhook refuses an unsigned event (its secret is readable)",
            self.call("POST", "/v1/logistics/events/smoke-carrier", auth=False, json={"eventId": "smoke"}),
            401,
        )
        if not self.token:
            self.out("--   no --token: the customer's reads and the sandbox order are not checked")
            return self.passed
        for path in ("/v1/me", "/v1/orders", "/v1/tickets", "/v1/faq?q=refund"):
            self.expect(f"GET {path}", self.call("GET", path), 200)
        if self.stage == "prod":
            self.out("--   Stage=prod: no order is placed")
            return self.passed
        self.sandbox_order()
        return self.passed

    def sandbox_order(self) -> None:
        key = {"idempotency-key": f"smoke-{uuid.uuid4()}"}
        placed = self.expect(
            "a sandbox order is placed", self.call("POST", "/v1/orders", json=ORDER, headers=key), 201
        )
        order_id = placed.json()["orderId"]
        self.expect("the order reads back", self.call("GET", f"/v1/orders/{order_id}"), 200)
        self.expect(
            "placing it again with the same Idempotency-Key replays it",
            self.call("POST", "/v1/orders", json=ORDER, headers=key),
            200,
            201,
        )
        page = self.expect("orders list one per page", self.call("GET", "/v1/orders?limit=1"), 200).json()
        if page.get("nextCursor"):
            self.expect(
                "the next page follows the signed cursor",
                self.call("GET", "/v1/orders", params={"limit": 1, "cursor": page["nextCursor"]}),
                200,
            )
        self.expect(
            "the sandbox order is cancelled again",
            self.call(
                "POST",
                f"/v1/orders/{order_id}/cancel",
                json={"reason": "smoke test"},
                headers={"idempotency-key": f"smoke-cancel-{order_id}"},
            ),
            200,
        )


def local_token(base_url: str, sub: str = "cus_smoke") -> str | None:
    """The local stack mints tokens; a deployed stack answers 401/404 here."""
    try:
        reply = requests.get(base_url.rstrip("/") + "/_local/token", params={"sub": sub}, timeout=10)
    except requests.RequestException:
        return None
    return str(reply.json()["token"]) if reply.status_code == 200 else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--base-url", required=True, help="the stack's ApiUrl output (or the local stack's URL)"
    )
    parser.add_argument("--stage", default="dev", choices=["dev", "staging", "prod"])
    parser.add_argument(
        "--token", default=None, help="a customer's JWT (the local stack mints one if omitted)"
    )
    args = parser.parse_args(argv)
    token = args.token or local_token(args.base_url)
    try:
        passed = Smoke(args.base_url, args.stage, token).run()
    except (SmokeFailure, requests.RequestException) as failure:
        print(f"FAIL {failure}", file=sys.stderr)
        return 1
    print(f"smoke passed: {len(passed)} checks against {args.base_url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
