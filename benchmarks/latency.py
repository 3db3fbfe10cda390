"""Warm overhead per API operation: p50 and p99 of the handler invoked in process, beside the
floor — the very same AWS requests (DynamoDB, and SQS where the operation sends) made with
boto3 — measured in one run against the local AWS endpoint.
Target: p50 <= 1.3x the floor for reads and writes.

The handler runs as Lambda runs it (`FunctionHost.invoke` with a real HTTP API 2.0 event:
JWT claims, Powertools resolver, pydantic validation, Logger/Tracer/Metrics decorators). The
floor is its own AWS requests timed in the botocore client as they happen (from the
parameters given to the parsed response: boto3's whole work and the round trip), so the
ratio is exactly the handler's overhead over the requests it cannot avoid (the recorder's
own bookkeeping, copying and sizing each request, is taken out of the handler's time). The
same requests are also replayed with a plain boto3 client right after each call ("replayed"), as a check
on the floor: for reads the two agree; for conditional writes the replay is lower, because
the server refuses a write replayed onto the state it already produced before doing the
write's work (applying it, the stream record), so it cannot stand as the writes' floor.

    python -m benchmarks.latency [--iterations 40] [--only 'place order']
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.harness import RECORDER, Call, LocalBench, customer, percentile, staff

TARGET = 1.3


@dataclass
class Operation:
    name: str
    kind: str  # "read" or "write"
    request: Callable[[int], tuple[str, str, dict[str, Any]]]  # iteration → (function, route, event)
    expect: int = 200


@dataclass
class Measured:
    name: str
    kind: str
    handler_ms: list[float] = field(default_factory=list)
    floor_ms: list[float] = field(default_factory=list)  # the handler's own AWS requests, timed in place
    replay_ms: list[float] = field(default_factory=list)  # the same requests replayed with plain boto3
    calls: list[list[Call]] = field(default_factory=list)
    bookkeeping_ms: list[float] = field(default_factory=list)  # the recorder's, taken out of handler_ms

    @property
    def p50(self) -> float:
        return statistics.median(self.handler_ms)

    @property
    def p99(self) -> float:
        return percentile(self.handler_ms, 99)

    @property
    def floor_p50(self) -> float:
        return statistics.median(self.floor_ms)

    @property
    def floor_p99(self) -> float:
        return percentile(self.floor_ms, 99)

    @property
    def replay_p50(self) -> float:
        return statistics.median(self.replay_ms)

    @property
    def requests(self) -> float:
        return statistics.median(len(c) for c in self.calls)

    @property
    def has_floor(self) -> bool:
        """An operation that makes no AWS request has no floor to be compared with."""
        return self.requests > 0

    @property
    def ratio(self) -> float:
        return self.p50 / self.floor_p50 if self.has_floor and self.floor_p50 > 0 else float("inf")

    @property
    def meets(self) -> bool:
        return not self.has_floor or self.ratio <= TARGET

    def dynamodb_calls(self) -> list[list[Call]]:
        return [[c for c in calls if c.service == "dynamodb"] for calls in self.calls]


def _fixtures(bench: LocalBench, n: int) -> dict[str, Any]:
    """Data the operations act on: per iteration a fresh target where a write consumes one."""
    owner = "cus_bench"
    fx: dict[str, Any] = {"owner": owner}
    delivered = [bench.delivered_order(owner, f"SFB{i:06d}") for i in range(n + 1)]
    fx["order"] = delivered[0]["orderId"]
    fx["case_orders"] = [o["orderId"] for o in delivered[1:]]
    fx["pending"] = [bench.place(owner)["orderId"] for _ in range(n)]
    bench.settle()
    # surveys are scheduled on delivery and sent a day later: let the local clock pass
    bench.local.advance(2 * 86400)
    page = bench.ok("GET", "/v1/surveys", claims=customer(owner), query={"limit": 100})
    fx["surveys"] = [s["surveyId"] for s in page["items"]]
    case = bench.ok("POST", "/v1/after-sales", 201, claims=customer(owner), json_body=_case_body(fx["order"]))
    fx["case"] = case["caseId"]
    ticket = bench.ok("POST", "/v1/tickets", 201, claims=customer(owner), json_body=_ticket_body(0))
    fx["ticket"] = ticket["ticketId"]
    # A ticket holds its conversation, so a message costs more the longer it is: each message
    # goes to its own ticket, a conversation of typical length, not one ticket growing by 40+.
    fx["conversations"] = [
        bench.ok("POST", "/v1/tickets", 201, claims=customer(owner), json_body=_ticket_body(i))["ticketId"]
        for i in range(n)
    ]
    bench.settle()
    return fx


def _case_body(order_id: str) -> dict[str, Any]:
    return {
        "orderId": order_id,
        "type": "RETURN_REFUND",
        "reason": "NO_REASON",
        "items": [{"sku": "MUG-2", "quantity": 1}],
        "description": "changed my mind",
    }


def _ticket_body(i: int) -> dict[str, Any]:
    return {
        "channel": "app",
        "subject": f"Where is my parcel {i}",
        "message": "It has not moved for two days.",
    }


def operations(bench: LocalBench, fx: dict[str, Any]) -> list[Operation]:
    me = customer(fx["owner"])
    order, case, ticket = fx["order"], fx["case"], fx["ticket"]
    ev = bench.event

    def courier(i: int) -> tuple[str, str, dict[str, Any]]:
        body, headers = bench.signed(
            {
                "eventId": f"lat-{i}-{time.time_ns()}",
                "carrier": "sf-express",
                "trackingNumber": "SFB000000",
                "status": "IN_TRANSIT",
                "occurredAt": bench.clock.now_iso(),
                "location": "Hub",
                "description": "Scan",
            }
        )
        return ev("POST", "/v1/logistics/events/sf-express", body=body, headers=headers)

    def payment(i: int) -> tuple[str, str, dict[str, Any]]:
        from benchmarks.harness import ORDER_TOTAL

        body, headers = bench.signed(
            {
                "eventId": f"pay-{i}-{time.time_ns()}",
                "type": "payment.succeeded",
                "orderId": fx["pending"][i],
                "amount": ORDER_TOTAL,
                "currency": "CNY",
                "transactionId": f"alipay-{i}",
                "method": "ALIPAY",
                "occurredAt": bench.clock.now_iso(),
            }
        )
        return ev("POST", "/v1/payments/events", body=body, headers=headers)

    surveys = fx["surveys"]
    from benchmarks.harness import ORDER

    return [
        # reads
        Operation("get order", "read", lambda i: ev("GET", f"/v1/orders/{order}", claims=me)),
        Operation("list orders", "read", lambda i: ev("GET", "/v1/orders", claims=me, query={"limit": 20})),
        Operation("tracking", "read", lambda i: ev("GET", f"/v1/orders/{order}/tracking", claims=me)),
        Operation(
            "after-sales options",
            "read",
            lambda i: ev("GET", f"/v1/orders/{order}/after-sales-options", claims=me),
        ),
        Operation("get case", "read", lambda i: ev("GET", f"/v1/after-sales/{case}", claims=me)),
        Operation("list cases", "read", lambda i: ev("GET", "/v1/after-sales", claims=me)),
        Operation("order refunds", "read", lambda i: ev("GET", f"/v1/orders/{order}/refunds", claims=me)),
        Operation("get ticket", "read", lambda i: ev("GET", f"/v1/tickets/{ticket}", claims=me)),
        Operation("list tickets", "read", lambda i: ev("GET", "/v1/tickets", claims=me)),
        Operation("faq", "read", lambda i: ev("GET", "/v1/faq", claims=me, query={"q": "refund"})),
        Operation(
            "get survey",
            "read",
            lambda i: ev("GET", f"/v1/me/surveys/{surveys[i % len(surveys)]}", claims=me),
        ),
        Operation("profile", "read", lambda i: ev("GET", "/v1/me", claims=me)),
        Operation(
            "staff ticket queue",
            "read",
            lambda i: ev("GET", "/v1/admin/tickets", claims=staff("agent"), query={"status": "NEW"}),
        ),
        Operation(
            "kpis",
            "read",
            lambda i: ev(
                "GET",
                "/v1/admin/analytics/kpis",
                claims=staff("supervisor"),
                query={"from": "2026-11-01", "to": "2026-11-30"},
            ),
        ),
        # writes
        Operation(
            "place order", "write", lambda i: ev("POST", "/v1/orders", claims=me, json_body=ORDER), 201
        ),
        Operation(
            "place order (Idempotency-Key)",
            "write",
            lambda i: ev(
                "POST",
                "/v1/orders",
                claims=me,
                json_body=ORDER,
                headers={"idempotency-key": f"bench-{i}-{time.time_ns()}"},
            ),
            201,
        ),
        Operation("payment webhook", "write", payment),
        Operation("courier webhook", "write", courier, 202),
        Operation(
            "open case",
            "write",
            lambda i: ev("POST", "/v1/after-sales", claims=me, json_body=_case_body(fx["case_orders"][i])),
            201,
        ),
        Operation(
            "create ticket",
            "write",
            lambda i: ev("POST", "/v1/tickets", claims=me, json_body=_ticket_body(i)),
            201,
        ),
        Operation(
            "ticket message",
            "write",
            lambda i: ev(
                "POST",
                f"/v1/tickets/{fx['conversations'][i]}/messages",
                claims=me,
                json_body={"message": f"any news? ({i})"},
            ),
            201,
        ),
        Operation(
            "answer survey",
            "write",
            lambda i: ev(
                "POST",
                f"/v1/me/surveys/{surveys[i + 1]}/responses",
                claims=me,
                json_body={"csat": 5, "nps": 9},
            ),
            201,
        ),
        Operation(
            "update preferences",
            "write",
            lambda i: ev(
                "PATCH",
                "/v1/me/preferences",
                claims=me,
                json_body={"timeZone": "Asia/Shanghai" if i % 2 else "Asia/Tokyo"},
            ),
        ),
    ]


_ITEM_BACK = {"ALL_NEW", "ALL_OLD", "UPDATED_NEW", "UPDATED_OLD"}


def _as_replayed(call: Call) -> dict[str, Any]:
    """A conditional write that returned its item fails its condition when replayed, and a
    failed condition answers without the item unless asked: asking for it back keeps the
    floor's response as large as the original's (what the server serialises and the client
    parses), so the floor is not cheaper merely for being refused."""
    params = dict(call.params or {})
    if params.get("ConditionExpression") and params.get("ReturnValues") in _ITEM_BACK:
        params["ReturnValuesOnConditionCheckFailure"] = "ALL_OLD"
    return params


def _replay(client: Any, calls: list[Call]) -> float:
    """The same requests with a plain boto3 client; a failed condition still costs the trip."""
    from botocore.exceptions import ClientError

    prepared = [(getattr(client[call.service], _snake(call.operation)), _as_replayed(call)) for call in calls]
    started = time.perf_counter()
    for operation, params in prepared:
        with contextlib.suppress(ClientError):
            operation(**params)
    return (time.perf_counter() - started) * 1000


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name).lstrip("_")


WARMUP = 3


def measure(bench: LocalBench, ops: list[Operation], iterations: int, warmup: int = WARMUP) -> list[Measured]:
    import boto3

    from benchmarks.harness import labelled

    class Clients(dict[str, Any]):
        """A plain boto3 client per service, made on first use: a cold call may reach any
        service the handler reads once (Secrets Manager, say) before its cache is warm."""

        def __missing__(self, name: str) -> Any:
            self[name] = boto3.client(name)  # type: ignore[call-overload]
            return self[name]

    clients = Clients()
    RECORDER.keep_params = True
    results = []
    try:
        for op in ops:
            measured = Measured(op.name, op.kind)
            for i in range(warmup + iterations):
                function, route, event = op.request(i)
                with RECORDER.capture() as calls:
                    bookkeeping = RECORDER.own_ms()
                    started = time.perf_counter()
                    reply = bench.invoke(function, route, event)
                    elapsed = (time.perf_counter() - started) * 1000
                    # the recorder's copying and sizing of each request is this benchmark's work
                    bookkeeping = RECORDER.own_ms() - bookkeeping
                    elapsed -= bookkeeping
                if reply.status != op.expect:
                    raise RuntimeError(f"{op.name}: {reply.status} {reply.body[:300]!r}")
                mine = [c for c in calls if c.label == route]
                with labelled("floor"):
                    replay = _replay(clients, mine)
                if i >= warmup:
                    measured.handler_ms.append(elapsed)
                    measured.floor_ms.append(sum(c.ms for c in mine))
                    measured.replay_ms.append(replay)
                    measured.calls.append(mine)
                    measured.bookkeeping_ms.append(bookkeeping)
            results.append(measured)
    finally:
        RECORDER.keep_params = False
    return results


def run(iterations: int, only: str = "") -> list[Measured]:
    bench = LocalBench().start()
    try:
        # the write operations that consume a target need warmup + iterations of them
        fx = _fixtures(bench, iterations + WARMUP + 1)
        bench.quiet()
        chosen = [op for op in operations(bench, fx) if only in op.name]
        return measure(bench, chosen, iterations)
    finally:
        bench.stop()


def _verdict(m: Measured) -> str:
    if not m.has_floor:
        return "n/a: no AWS request"
    return f"{m.ratio:.2f} {'yes' if m.meets else 'NO'}"


def report(results: list[Measured]) -> str:
    lines = [
        "| operation | kind | p50 | p99 | floor p50 | floor p99 | replayed p50 | AWS requests "
        f"| p50 x floor (target <= {TARGET}) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for m in results:
        lines.append(
            f"| {m.name} | {m.kind} | {m.p50:.1f} ms | {m.p99:.1f} ms | {m.floor_p50:.1f} ms | "
            f"{m.floor_p99:.1f} ms | {m.replay_p50:.1f} ms | {m.requests:g} | {_verdict(m)} |"
        )
    scans = len(RECORDER.scans())
    lines += ["", f"DynamoDB Scan requests during this run (set-up included): {scans} (target 0)"]
    return "\n".join(lines)


def as_json(results: list[Measured]) -> list[dict[str, Any]]:
    return [
        {
            "operation": m.name,
            "kind": m.kind,
            "p50_ms": m.p50,
            "p99_ms": m.p99,
            "floor_p50_ms": m.floor_p50,
            "floor_p99_ms": m.floor_p99,
            "replay_p50_ms": m.replay_p50,
            "requests": m.requests,
            "ratio": m.ratio if m.has_floor else None,
            "meets": m.meets,
            "bookkeeping_p50_ms": statistics.median(m.bookkeeping_ms) if m.bookkeeping_ms else 0.0,
        }
        for m in results
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=40)
    parser.add_argument("--only", default="", help="measure only the operations whose name holds this")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--json-out", help="also write the figures as JSON to this file")
    args = parser.parse_args()
    results = run(args.iterations, args.only)
    print(json.dumps(as_json(results), indent=2) if args.json else report(results))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(as_json(results)))


if __name__ == "__main__":
    main()
