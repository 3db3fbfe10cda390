"""The end-to-end delay of one eventual effect on the local stack: an order cancelled after
payment → its refund started. The cancellation is stored; the Orders table's stream feeds
the orders publisher, which puts OrderCancelled on the bus; the rule delivers it to the
refunds reactions queue; the refunds reactions function records the refund and starts its
workflow. Measured from the cancel call's answer to the refund being visible on the
customer's `GET /v1/orders/{id}/refunds`, polled every 20 ms.

Beside it, the floor the wiring itself sets locally: the stream poller's idle wait (0.25 s)
plus the reaction queue's batching window (MaximumBatchingWindowInSeconds, 1 s). On AWS
the same hops are the stream's polling (about 4 per second per shard), EventBridge's
delivery and SQS's, typically well under a second each.

    python -m benchmarks.event_delay [--orders 10] [--json-out FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.load import _stack, _wait_for_warm

ADDRESS = {
    "recipient": "Li Lei",
    "phone": "+86 138 0013 8000",
    "line1": "88 Nanjing Road",
    "city": "Shanghai",
    "postalCode": "200001",
    "country": "CN",
}
STREAM_IDLE_S, BATCH_WINDOW_S = 0.25, 1.0


def _token(base_url: str, sub: str, role: str) -> str:
    import requests

    reply = requests.get(f"{base_url}/_local/token", params={"sub": sub, "roles": role}, timeout=10)
    reply.raise_for_status()
    return str(reply.json()["token"])


def one(base_url: str, index: int, staff: str) -> float:
    import requests

    customer = f"cus_bench_delay_{index}"
    mine = {"Authorization": f"Bearer {_token(base_url, customer, 'customer')}"}
    body = {
        "items": [
            {"sku": "KTL-1", "name": "Kettle", "category": "appliances", "quantity": 1, "unitPrice": 12900}
        ],
        "currency": "CNY",
        "shippingFee": 1000,
        "discount": 0,
        "shippingAddress": ADDRESS,
        "paymentMethod": "ALIPAY",
    }
    placed = requests.post(f"{base_url}/v1/orders", json=body, headers=mine, timeout=30)
    placed.raise_for_status()
    order = placed.json()
    paid = requests.post(
        f"{base_url}/v1/admin/orders/{order['orderId']}/payment",
        json={
            "amount": order["total"],
            "method": "BANK_TRANSFER",
            "transactionId": f"bench-{order['orderId']}",
        },
        headers={"Authorization": f"Bearer {staff}"},
        timeout=30,
    )
    paid.raise_for_status()
    requests.post(f"{base_url}/_local/settle", timeout=60)  # the payment's own events are done
    cancelled = requests.post(f"{base_url}/v1/orders/{order['orderId']}/cancel", headers=mine, timeout=30)
    cancelled.raise_for_status()
    began = time.monotonic()
    deadline = began + 60
    while time.monotonic() < deadline:
        refunds = requests.get(f"{base_url}/v1/orders/{order['orderId']}/refunds", headers=mine, timeout=30)
        if refunds.json().get("items"):
            return time.monotonic() - began
        time.sleep(0.02)
    raise RuntimeError(f"no refund for {order['orderId']} after 60 s")


def run(orders: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as work, open(Path(work) / "stack.log", "wb") as log:
        process, base_url = _stack(log)
        try:
            _wait_for_warm(Path(work) / "stack.log")
            staff = _token(base_url, "staff_bench", "agent")
            one(base_url, -1, staff)  # the first refund imports what the later ones reuse
            delays = [one(base_url, index, staff) for index in range(orders)]
        finally:
            process.terminate()
            process.wait(timeout=30)
    ordered = sorted(delays)
    return {
        "orders": orders,
        "p50_s": statistics.median(ordered),
        "p90_s": ordered[max(0, round(0.9 * len(ordered)) - 1)],
        "max_s": ordered[-1],
        "floor_s": STREAM_IDLE_S + BATCH_WINDOW_S,
    }


def report(figures: dict[str, Any]) -> str:
    return "\n".join(
        [
            "| effect | orders | p50 | p90 | max | the local wiring's floor |",
            "|---|---|---|---|---|---|",
            f"| order cancelled → refund started (OrderCancelled, refunds reactions) | {figures['orders']} | "
            f"{figures['p50_s']:.2f} s | {figures['p90_s']:.2f} s | {figures['max_s']:.2f} s | "
            f"{figures['floor_s']:.2f} s (stream idle wait + batching window) |",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10)
    parser.add_argument("--json-out", help="also write the figures as JSON to this file")
    args = parser.parse_args()
    figures = run(args.orders)
    print(report(figures))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(figures))


if __name__ == "__main__":
    sys.exit(main())
