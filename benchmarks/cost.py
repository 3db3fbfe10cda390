"""Cost per operation and the monthly bill, counted — not guessed — from a sample workload
run through the whole local stack in this process (API, webhooks, SQS consumers, streams,
the refund state machine, schedules on the local clock).

Counted, from botocore's events on every client (see harness.Recorder): DynamoDB requests
and consumed capacity (ReturnConsumedCapacity=TOTAL added where the operation takes it;
moto reports it; where a response has none the units are computed from the request — 0.5
per item read, 1 per item written, 2 in a transaction — and the table says so), SQS sends,
Step Functions executions and their state transitions (from the execution history), Lambda
invocations and their durations, API requests, log bytes written. Then the monthly bill for
a stated workload from public list prices.

Targets: no Scan anywhere (the whole run, and the test suite's guard in tests/conftest.py);
every single-item read is one request; every state transition is one write.

    python -m benchmarks.cost [--orders 12]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.harness import (
    COURIER_JOURNEY,
    RECORDER,
    Call,
    LocalBench,
    customer,
    staff,
)

# ------------------------------------------------------------------ the workload and the prices
WORKLOAD = {
    "orders": 1_000_000,  # per month
    "courier_events_per_order": len(COURIER_JOURNEY),
    "case_rate": 0.08,
    "ticket_rate": 0.15,
    "survey_answer_rate": 0.30,
}
APP_READS_PER_ORDER = {"get order": 2, "tracking": 3, "list orders": 1}  # assumed app usage per order

# us-east-1 public list prices (AWS pricing pages; DynamoDB on-demand after the reduction of
# 2024-11-01). Stated, not fetched: re-check them before relying on the bill.
PRICES_AS_OF = "2025 (us-east-1 list prices)"
PRICES = {
    "lambda_gb_second_arm64": 0.0000133334,
    "lambda_request": 0.20 / 1e6,
    "dynamodb_wru": 0.625 / 1e6,
    "dynamodb_rru": 0.125 / 1e6,
    "sqs_request": 0.40 / 1e6,
    "eventbridge_event": 1.00 / 1e6,
    "sfn_transition": 0.025 / 1e3,
    "http_api_request": 1.00 / 1e6,
    "xray_trace": 5.00 / 1e6,
    "logs_ingest_gb": 0.50,
}
SCHEDULED_DAYS = 2
DAYS_PER_MONTH = 30
READS = {"GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems"}
WRITES = {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"}
# The requests each single-item read may make: one, but for a ticket, whose conversation
# lives in items of its own (a message per item, so it never meets the 400 KB item limit):
# the ticket, then one batch read of its latest messages.
SINGLE_ITEM_READS = {
    "GET /v1/orders/{orderId}": 1,
    "GET /v1/after-sales/{caseId}": 1,
    "GET /v1/tickets/{ticketId}": 2,
    "GET /v1/me/surveys/{surveyId}": 1,
    "GET /v1/refunds/{refundId}": 1,
}
STATE_TRANSITIONS = [
    "POST /v1/admin/orders/{orderId}/confirm",
    "POST /v1/admin/orders/{orderId}/pack",
    "POST /v1/admin/orders/{orderId}/ship",
    "POST /v1/orders/{orderId}/cancel",
    "POST /v1/admin/after-sales/{caseId}/approve",
    "POST /v1/after-sales/{caseId}/return-shipment",
    "POST /v1/admin/after-sales/{caseId}/receive",
    "POST /v1/admin/after-sales/{caseId}/inspect",
    "POST /v1/admin/tickets/{ticketId}/solve",
]


def _units(call: Call) -> tuple[float, float]:
    """(read units, write units) of one DynamoDB request, by the size of its items (see
    harness.size_units); a write refused by its condition still costs a write unit."""
    if call.error and call.operation in WRITES:
        return 0.0, 1.0
    return call.units


@dataclass
class Usage:
    """What one phase of the workload used, all of it (every thread, every function)."""

    dynamodb: Counter[str] = field(default_factory=Counter)
    rru: float = 0.0
    wru: float = 0.0
    moto_units: float = 0.0  # what moto reports (fixed per request, not sized): a cross-check
    sqs_messages: int = 0
    bus_events: int = 0  # PutEvents entries (custom events, billed per 64 KB chunk: each is one)
    bus_deliveries: int = 0  # rule → queue deliveries: SQS sends that no client of ours makes
    sfn_executions: int = 0
    sfn_transitions: int = 0
    invocations: dict[str, int] = field(default_factory=dict)
    ms: dict[str, float] = field(default_factory=dict)
    records: dict[str, int] = field(default_factory=dict)
    api_requests: int = 0
    log_bytes: int = 0
    scans: int = 0

    def scaled(self, by: float) -> dict[str, float]:
        gb_s = sum(ms / 1000 * 0.5 for ms in self.ms.values())  # every function has 512 MB
        lambda_requests = sum(self.invocations.values())
        return {
            "dynamodb_requests": sum(self.dynamodb.values()) * by,
            "rru": self.rru * by,
            "wru": self.wru * by,
            # send + receive + delete (batch of 1: the worst case), the bus's sends included
            "sqs_requests": (self.sqs_messages + self.bus_deliveries) * 3 * by,
            "bus_events": self.bus_events * by,
            "sfn_transitions": self.sfn_transitions * by,
            "lambda_requests": lambda_requests * by,
            "lambda_gb_s": gb_s * by,
            "api_requests": self.api_requests * by,
            "log_gb": self.log_bytes * by / 1e9,
            "traced_invocations": lambda_requests * by,
        }


class Phase:
    def __init__(self, bench: LocalBench, name: str) -> None:
        self.bench = bench
        self.name = name

    def __enter__(self) -> Phase:
        self.bench.settle()
        self.calls_start = len(RECORDER.calls)
        self.inv_start = self.bench.invocations.snapshot()
        self.api_start = self.bench.api_requests
        self.log_start = self.bench.log_sink.bytes
        self.sfn_start = set(_executions(self.bench))
        self.bus_start = (self.bench.local.events.published, self.bench.local.events.delivered)
        return self

    def __exit__(self, *exc: Any) -> None:
        if exc[0] is not None:
            return
        self.bench.settle()
        calls = [c for c in RECORDER.calls[self.calls_start :] if c.label and c.label != "floor"]
        usage = Usage()
        for call in calls:
            if call.service == "dynamodb":
                usage.dynamodb[call.operation] += 1
                rru, wru = _units(call)
                usage.rru += rru
                usage.wru += wru
                usage.moto_units += call.capacity or 0.0
                usage.scans += call.operation == "Scan"
            elif call.service == "sqs" and call.operation in {"SendMessage", "SendMessageBatch"}:
                usage.sqs_messages += len((call.params or {}).get("Entries") or [None])
        count, ms, records = self.bench.invocations.snapshot()
        c0, m0, r0 = self.inv_start
        usage.invocations = {f: n - c0.get(f, 0) for f, n in count.items() if n - c0.get(f, 0)}
        usage.ms = {f: v - m0.get(f, 0.0) for f, v in ms.items() if f in usage.invocations}
        usage.records = {f: v - r0.get(f, 0) for f, v in records.items() if f in usage.invocations}
        usage.api_requests = self.bench.api_requests - self.api_start
        usage.log_bytes = self.bench.log_sink.bytes - self.log_start
        new = [arn for arn in _executions(self.bench) if arn not in self.sfn_start]
        usage.bus_events = self.bench.local.events.published - self.bus_start[0]
        usage.bus_deliveries = self.bench.local.events.delivered - self.bus_start[1]
        usage.sfn_executions = len(new)
        usage.sfn_transitions = sum(_transitions(self.bench, arn) for arn in new)
        self.usage = usage
        self.calls = calls


def _executions(bench: LocalBench) -> list[str]:
    sfn = bench.local.client("stepfunctions")
    arns = []
    for machine in sfn.list_state_machines()["stateMachines"]:
        for execution in sfn.list_executions(stateMachineArn=machine["stateMachineArn"])["executions"]:
            arns.append(execution["executionArn"])
    return arns


def _transitions(bench: LocalBench, arn: str) -> int:
    """State transitions as billed: one per state entered."""
    history = bench.local.client("stepfunctions").get_execution_history(executionArn=arn, maxResults=1000)
    return sum(1 for event in history["events"] if event["type"].endswith("StateEntered"))


# ------------------------------------------------------------------ the sample workload
@dataclass
class Sample:
    orders: int
    phases: dict[str, Phase] = field(default_factory=dict)
    per_route: dict[str, list[list[Call]]] = field(default_factory=lambda: defaultdict(list))
    units: dict[str, int] = field(default_factory=dict)
    sqs_sources: int = 0  # SQS event source mappings in the template: each polls all month


def run(orders: int) -> Sample:
    bench = LocalBench().start()
    sample = Sample(orders, sqs_sources=len(list(bench.stack.events("SQS"))))
    RECORDER.keep_params = True
    try:
        _workload(bench, sample)
    finally:
        RECORDER.keep_params = False
        bench.stop()
    return sample


def _workload(bench: LocalBench, sample: Sample) -> None:
    n = sample.orders
    owners = [f"cus_cost_{i}" for i in range(n)]
    delivered: list[tuple[str, str]] = []
    with Phase(bench, "order") as phase:
        for i, owner in enumerate(owners):
            # one order's life
            order = bench.place(owner, key=f"checkout-{i}")
            order_id = order["orderId"]
            assert bench.pay_webhook(order_id, f"evt-cost-{i}").status == 200
            bench.settle()  # orders learns of the payment through the bus
            tracking = f"SFC{i:07d}"
            bench.fulfil(order_id, tracking)
            bench.settle()  # logistics registers the parcel from OrderShipped
            for step, status in enumerate(COURIER_JOURNEY):
                assert bench.courier_event(tracking, step, status).status == 202
            for _ in range(APP_READS_PER_ORDER["get order"]):
                bench.ok("GET", f"/v1/orders/{order_id}", claims=customer(owner))
            for _ in range(APP_READS_PER_ORDER["tracking"]):
                bench.ok("GET", f"/v1/orders/{order_id}/tracking", claims=customer(owner))
            for _ in range(APP_READS_PER_ORDER["list orders"]):
                bench.ok("GET", "/v1/orders", claims=customer(owner))
            delivered.append((owner, order_id))
        bench.settle()
    sample.phases["order"] = phase
    sample.units["order"] = n

    # Two days of the schedules (surveys go out a day after delivery): the scheduled jobs run
    # whatever the number of orders, so they are billed per day of the month, not per order.
    # (The few surveys this sample's orders are sent then count with them: a small share.)
    with Phase(bench, "schedules") as phase:
        bench.local.advance(SCHEDULED_DAYS * 86400)
    sample.phases["schedules"] = phase
    sample.units["schedules"] = SCHEDULED_DAYS

    cases = max(2, round(n * WORKLOAD["case_rate"]) or 1)
    with Phase(bench, "case") as phase:
        for owner, order_id in delivered[:cases]:
            me = customer(owner)
            case = bench.ok(
                "POST",
                "/v1/after-sales",
                201,
                claims=me,
                json_body={
                    "orderId": order_id,
                    "type": "RETURN_REFUND",
                    "reason": "NO_REASON",
                    "items": [{"sku": "MUG-2", "quantity": 1}],
                },
            )
            case_id = case["caseId"]
            bench.ok(
                "POST",
                f"/v1/admin/after-sales/{case_id}/approve",
                claims=staff("agent"),
                json_body={"note": "ok"},
            )
            bench.ok(
                "POST",
                f"/v1/after-sales/{case_id}/return-shipment",
                claims=me,
                json_body={"carrier": "sf-express", "trackingNumber": f"RT{order_id[-10:]}"},
            )
            bench.ok(
                "POST", f"/v1/admin/after-sales/{case_id}/receive", claims=staff("warehouse"), json_body={}
            )
            bench.ok(
                "POST",
                f"/v1/admin/after-sales/{case_id}/inspect",
                claims=staff("warehouse"),
                json_body={"result": "PASS", "notes": "as new"},
            )
            bench.ok("GET", f"/v1/after-sales/{case_id}", claims=me)
            bench.ok("GET", f"/v1/orders/{order_id}/refunds", claims=me)
            bench.settle()
            refunds = bench.ok("GET", f"/v1/orders/{order_id}/refunds", claims=me)["items"]
            for refund in refunds:
                bench.ok("GET", f"/v1/refunds/{refund['refundId']}", claims=me)
    sample.phases["case"] = phase
    sample.units["case"] = cases

    tickets = max(2, round(n * WORKLOAD["ticket_rate"]))
    with Phase(bench, "ticket") as phase:
        for i, (owner, order_id) in enumerate(delivered[:tickets]):
            me = customer(owner)
            ticket = bench.ok(
                "POST",
                "/v1/tickets",
                201,
                claims=me,
                json_body={
                    "channel": "app",
                    "subject": "Where is my parcel",
                    "message": f"It has not arrived ({i})",
                    "orderId": order_id,
                },
            )
            ticket_id = ticket["ticketId"]
            bench.ok("GET", f"/v1/tickets/{ticket_id}", claims=me)
            bench.ok(
                "POST",
                f"/v1/admin/tickets/{ticket_id}/reply",
                claims=staff("agent"),
                json_body={"message": "It is on its way."},
            )
            bench.ok(
                "POST", f"/v1/tickets/{ticket_id}/messages", 201, claims=me, json_body={"message": "Thanks"}
            )
            bench.ok(
                "POST",
                f"/v1/admin/tickets/{ticket_id}/solve",
                claims=staff("agent"),
                json_body={"resolution": "answered"},
            )
            bench.ok("GET", f"/v1/tickets/{ticket_id}", claims=me)
    sample.phases["ticket"] = phase
    sample.units["ticket"] = tickets

    answers = max(2, round(n * WORKLOAD["survey_answer_rate"]))
    with Phase(bench, "survey") as phase:
        answered = 0
        for owner, _ in delivered[cases:]:
            if answered == answers:
                break
            me = customer(owner)
            for survey in bench.ok("GET", "/v1/surveys", claims=me)["items"]:
                if survey["status"] == "SENT":
                    bench.ok("GET", f"/v1/me/surveys/{survey['surveyId']}", claims=me)
                    bench.ok(
                        "POST",
                        f"/v1/me/surveys/{survey['surveyId']}/responses",
                        201,
                        claims=me,
                        json_body={"csat": 5, "nps": 9, "comment": "fast"},
                    )
                    answered += 1
                    break
        if answered < answers:
            raise RuntimeError(f"only {answered} surveys were open to answer")
    sample.phases["survey"] = phase
    sample.units["survey"] = answers

    # the other reads the apps and staff make, once each
    owner, order_id = delivered[-1]
    me = customer(owner)
    bench.ok("GET", "/v1/me", claims=me)
    bench.ok("GET", "/v1/faq", claims=me, query={"q": "refund"})
    bench.ok("GET", "/v1/after-sales", claims=me)
    bench.ok("GET", "/v1/tickets", claims=me)
    bench.ok("GET", f"/v1/orders/{order_id}/after-sales-options", claims=me)
    bench.ok("GET", "/v1/admin/tickets", claims=staff("agent"), query={"status": "SOLVED"})
    bench.ok("GET", "/v1/admin/after-sales", claims=staff("agent"), query={"status": "REFUNDED"})
    bench.ok(
        "GET",
        "/v1/admin/analytics/kpis",
        claims=staff("supervisor"),
        query={"from": "2026-11-01", "to": "2026-11-30"},
    )
    cancel = bench.place(owners[0])
    bench.ok("POST", f"/v1/orders/{cancel['orderId']}/cancel", claims=customer(owners[0]))
    bench.settle()
    for route, calls in bench.requests:
        sample.per_route[route].append([c for c in calls if c.service == "dynamodb"])


# ------------------------------------------------------------------ figures
def monthly(sample: Sample) -> dict[str, Any]:
    rates = {
        "order": 1.0,
        "case": WORKLOAD["case_rate"],
        "ticket": WORKLOAD["ticket_rate"],
        "survey": WORKLOAD["survey_answer_rate"],
    }
    totals: dict[str, float] = defaultdict(float)
    for name, phase in sample.phases.items():
        if name == "schedules":
            per_unit = DAYS_PER_MONTH / sample.units[name]
        else:
            per_unit = WORKLOAD["orders"] * rates[name] / sample.units[name]
        for key, value in phase.usage.scaled(per_unit).items():
            totals[key] += value
    traces = totals["traced_invocations"]
    reservoir = 86400 * 30  # the default sampling rule: 1 request a second, then 5 %
    traced = min(traces, reservoir + 0.05 * max(0.0, traces - reservoir))
    esm_polls = sample.sqs_sources * 5 * 3 * 60 * 24 * 30  # 5 long-polling pollers, 20 s each, all month
    bill = {
        "Lambda requests": totals["lambda_requests"] * PRICES["lambda_request"],
        "Lambda compute (arm64, 512 MB)": totals["lambda_gb_s"] * PRICES["lambda_gb_second_arm64"],
        "DynamoDB writes (on-demand)": totals["wru"] * PRICES["dynamodb_wru"],
        "DynamoDB reads (on-demand)": totals["rru"] * PRICES["dynamodb_rru"],
        "SQS requests": (totals["sqs_requests"] + esm_polls) * PRICES["sqs_request"],
        "EventBridge custom events": totals["bus_events"] * PRICES["eventbridge_event"],
        "Step Functions (standard)": totals["sfn_transitions"] * PRICES["sfn_transition"],
        "API Gateway HTTP API": totals["api_requests"] * PRICES["http_api_request"],
        "X-Ray traces (default sampling)": max(0.0, traced - 100_000) * PRICES["xray_trace"],
        "CloudWatch Logs ingestion": totals["log_gb"] * PRICES["logs_ingest_gb"],
    }
    return {"totals": dict(totals), "bill": bill, "total": sum(bill.values()), "esm_polls": esm_polls}


def checks(sample: Sample) -> dict[str, Any]:
    single = {}
    for route in SINGLE_ITEM_READS:
        seen = sample.per_route.get(route, [])
        single[route] = max((len(c) for c in seen), default=None)
    transitions = {}
    for route in STATE_TRANSITIONS:
        seen = sample.per_route.get(route, [])
        transitions[route] = max(
            (sum(1 for c in calls if c.operation in WRITES) for calls in seen), default=None
        )
    scans = sum(p.usage.scans for p in sample.phases.values()) + len(RECORDER.scans())
    return {"scans": scans, "single_item_reads": single, "transition_writes": transitions}


def report(sample: Sample) -> str:
    out = []
    bill = monthly(sample)
    check = checks(sample)
    out.append(
        f"Sample: {sample.orders} orders through the whole local stack ({sample.units['case']} cases, "
        f"{sample.units['ticket']} tickets, {sample.units['survey']} survey answers), scaled to the workload."
    )
    sized = sum(p.usage.rru + p.usage.wru for p in sample.phases.values())
    reported = sum(p.usage.moto_units for p in sample.phases.values())
    out.append(
        "Request units are computed from the size of the items each request read or wrote, by "
        "DynamoDB's billing rules (moto's ConsumedCapacity is a fixed figure per request, not sized, "
        f"and is empty for transactions: {reported:.0f} units reported by moto against {sized:.0f} "
        "sized for the same requests)."
    )
    out.append("")
    out.append("Per API request (its own DynamoDB requests; RRU/WRU = read/write request units):")
    out.append("")
    out.append("| route | samples | DynamoDB requests | operations | RRU | WRU |")
    out.append("|---|---|---|---|---|---|")
    for route, seen in sorted(sample.per_route.items()):
        requests = statistics.median(len(c) for c in seen)
        ops = Counter(c.operation for calls in seen for c in calls)
        per = {op: n / len(seen) for op, n in ops.items()}
        rru = statistics.mean(sum(_units(c)[0] for c in calls) for calls in seen)
        wru = statistics.mean(sum(_units(c)[1] for c in calls) for calls in seen)
        ops_text = ", ".join(f"{op} {n:g}" for op, n in sorted(per.items()))
        out.append(f"| {route} | {len(seen)} | {requests:g} | {ops_text} | {rru:.2f} | {wru:.2f} |")
    out.append("")
    out.append("Per consumed event (whole run; records = SQS messages / stream records / workflow steps):")
    out.append("")
    out.append(
        "| function | invocations | records | DynamoDB requests / record | RRU / record | WRU / record |"
    )
    out.append("|---|---|---|---|---|---|")
    per_fn: dict[str, list[Call]] = defaultdict(list)
    for phase in sample.phases.values():
        for call in phase.calls:
            if call.label and call.label.startswith("fn:") and call.service == "dynamodb":
                per_fn[call.label[3:]].append(call)
    invocations: Counter[str] = Counter()
    records: Counter[str] = Counter()
    for phase in sample.phases.values():
        invocations.update(phase.usage.invocations)
        records.update(phase.usage.records)
    # publishers make no DynamoDB request (they read the stream, they PutEvents): still listed
    for function in sorted(set(per_fn) | {f for f in invocations if not f.endswith("ApiFunction")}):
        calls = per_fn.get(function, [])
        r = max(1, records.get(function, 1))
        rru = sum(_units(c)[0] for c in calls) / r
        wru = sum(_units(c)[1] for c in calls) / r
        out.append(
            f"| {function} | {invocations.get(function, 0)} | {records.get(function, 0)} | "
            f"{len(calls) / r:.2f} | {rru:.2f} | {wru:.2f} |"
        )
    out.append("")
    w = WORKLOAD
    out.append(
        f"Monthly bill for {w['orders']:,} orders/month, {w['courier_events_per_order']} courier events each,"
        " "
        f"{w['case_rate']:.0%} with an after-sales case (return and refund), {w['ticket_rate']:.0%} with a "
        f"ticket, {w['survey_answer_rate']:.0%} answering their survey; app reads per order: "
        f"{', '.join(f'{k} x{v}' for k, v in APP_READS_PER_ORDER.items())}. Prices: {PRICES_AS_OF}: "
        "Lambda arm64 $0.0000133334/GB-s + $0.20/M requests; DynamoDB on-demand $0.625/M WRU, $0.125/M RRU; "
        "SQS $0.40/M requests; EventBridge $1.00/M custom events; "
        "Step Functions standard $0.025/1000 transitions; HTTP API $1.00/M; "
        "X-Ray $5.00/M traces; CloudWatch Logs $0.50/GB ingested. Free tiers ignored except X-Ray's 100k; "
        "storage and data transfer not included."
    )
    out.append("")
    out.append("| item | monthly volume | USD/month |")
    out.append("|---|---|---|")
    t = bill["totals"]
    volumes = {
        "Lambda requests": f"{t['lambda_requests'] / 1e6:.1f} M invocations",
        "Lambda compute (arm64, 512 MB)": f"{t['lambda_gb_s'] / 1e3:.0f} k GB-s (local durations)",
        "DynamoDB writes (on-demand)": f"{t['wru'] / 1e6:.1f} M WRU",
        "DynamoDB reads (on-demand)": f"{t['rru'] / 1e6:.1f} M RRU",
        "SQS requests": f"{t['sqs_requests'] / 1e6:.1f} M + {bill['esm_polls'] / 1e6:.1f} M idle polls "
        f"({sample.sqs_sources} queues)",
        "EventBridge custom events": f"{t['bus_events'] / 1e6:.1f} M events published",
        "Step Functions (standard)": f"{t['sfn_transitions'] / 1e6:.2f} M transitions",
        "API Gateway HTTP API": f"{t['api_requests'] / 1e6:.1f} M requests",
        "X-Ray traces (default sampling)": f"{t['traced_invocations'] / 1e6:.1f} M traced invocations",
        "CloudWatch Logs ingestion": f"{t['log_gb']:.1f} GB",
    }
    for item, usd in bill["bill"].items():
        out.append(f"| {item} | {volumes[item]} | {usd:,.2f} |")
    out.append(
        f"| **total** | | **{bill['total']:,.2f}** "
        f"(${bill['total'] / w['orders'] * 1000:.2f} per 1000 orders) |"
    )
    out.append("")
    out.append("Targets:")
    out.append("")
    out.append(
        f"- no Scan during the whole benchmark: {check['scans']} Scan requests — "
        f"{'met' if check['scans'] == 0 else 'NOT met'}"
    )
    bad = {r: n for r, n in check["single_item_reads"].items() if n is not None and n > SINGLE_ITEM_READS[r]}
    out.append(
        "- every single-item read is one request (a ticket: one, then one for its latest messages): "
        + ("met" if not bad else f"NOT met: {bad}")
        + " ("
        + ", ".join(f"{r} {n}" for r, n in check["single_item_reads"].items())
        + ")"
    )
    bad = {r: n for r, n in check["transition_writes"].items() if n is not None and n != 1}
    for route in bad:
        writes = [c for c in sample.per_route[route][0] if c.operation in WRITES]
        bad[route] = " + ".join(f"{c.operation} {_tables(c)}" for c in writes)
    out.append(
        "- every state transition is one write: "
        + ("met" if not bad else f"NOT met: {bad}")
        + " ("
        + ", ".join(f"{r.split(' ', 1)[1]} {n}" for r, n in check["transition_writes"].items())
        + ")"
    )
    return "\n".join(out)


def _tables(call: Call) -> str:
    params = call.params or {}
    if "TransactItems" in params:
        names = [next(iter(item.values()))["TableName"] for item in params["TransactItems"]]
    else:
        names = [params.get("TableName", "?")]
    return "(" + ", ".join(name.rsplit("-", 1)[-1] for name in names) + ")"


def as_json(sample: Sample) -> dict[str, Any]:
    bill = monthly(sample)
    return {"bill": bill, "checks": checks(sample), "units": sample.units}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=12)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--json-out", help="also write the figures as JSON to this file")
    args = parser.parse_args()
    started = time.monotonic()
    sample = run(args.orders)
    print(json.dumps(as_json(sample), indent=2, default=str) if args.json else report(sample))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(as_json(sample), default=str))
    print(f"\n(ran in {math.ceil(time.monotonic() - started)} s)")


if __name__ == "__main__":
    main()
