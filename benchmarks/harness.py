"""What the benchmarks share: the whole backend in this process on the local AWS endpoint,
API calls made exactly as API Gateway makes them, and a recorder of every AWS request.

- `LocalBench` starts `infra.local.stack.LocalStack` (moto's ThreadedMotoServer on a free
  loopback port, every resource provisioned from template.yaml, SQS pollers, streams,
  state machines) and calls routes with real HTTP API 2.0 events through `FunctionHost`,
  as `tests/support/api.py` does. `quiet()` stops the background consumers so a timing
  loop measures the request alone.
- `Recorder` counts AWS requests from botocore's own events: every client botocore creates
  (boto3's and pynamodb's alike) gets `provide-client-params` (asks DynamoDB for
  `ReturnConsumedCapacity=TOTAL` where the operation takes it) and `after-call` (reads
  `ConsumedCapacity`) handlers. Each request is attributed to the label of the code that
  made it: the API operation or the function being invoked.
"""

from __future__ import annotations

import contextlib
import copy
import json
import logging
import os
import sys
import threading
import time
import warnings
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for _path in (str(ROOT / "shared"), str(ROOT)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

WEBHOOK_SECRET = "bench-webhook-secret-0123456789"
PARAMETERS = {
    "Stage": "dev",
    "WebhookSecret": WEBHOOK_SECRET,
    "CursorSecret": "bench-cursor-secret-0123456789",
}

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
        {"sku": "KTL-1", "name": "Kettle", "category": "appliances", "quantity": 2, "unitPrice": 12900},
        {"sku": "MUG-2", "name": "Mug", "category": "kitchen", "quantity": 1, "unitPrice": 3500},
    ],
    "currency": "CNY",
    "shippingFee": 1000,
    "discount": 500,
    "shippingAddress": ADDRESS,
    "paymentMethod": "ALIPAY",
}
ORDER_TOTAL = 2 * 12900 + 3500 + 1000 - 500
COURIER_JOURNEY = ["INFO_RECEIVED", "IN_TRANSIT", "IN_TRANSIT", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"]


def customer(sub: str) -> dict[str, Any]:
    return {"sub": sub, "roles": ["customer"]}


def staff(*roles: str, sub: str = "staff_bench") -> dict[str, Any]:
    return {"sub": sub, "roles": list(roles) or ["agent"]}


# ---------------------------------------------------------------------------- recorder
@dataclass
class Call:
    service: str
    operation: str
    label: str | None
    capacity: float | None  # DynamoDB: CapacityUnits as moto reports them (None: not reported)
    error: str | None
    params: dict[str, Any] | None = None
    units: tuple[float, float] = (0.0, 0.0)  # DynamoDB (read, write) request units by item size
    ms: float = 0.0  # in the client: from its parameters (as given) to its parsed response


def item_size(item: dict[str, Any]) -> int:
    """An item's size as DynamoDB bills it: attribute names plus values (UTF-8 bytes)."""
    return sum(len(name.encode()) + _value_size(value) for name, value in item.items())


def _value_size(value: dict[str, Any]) -> int:
    ((kind, inner),) = value.items()
    if kind == "S":
        return len(inner.encode())
    if kind == "N":
        digits = len(inner.strip("-").replace(".", "").lstrip("0")) or 1
        return (digits + 1) // 2 + 1
    if kind == "B":
        return len(inner)
    if kind in {"BOOL", "NULL"}:
        return 1
    if kind == "L":
        return 3 + sum(1 + _value_size(v) for v in inner)
    if kind == "M":
        return 3 + sum(1 + len(k.encode()) + _value_size(v) for k, v in inner.items())
    if kind in {"SS", "NS", "BS"}:
        return sum(_value_size({kind[0]: v}) for v in inner)
    return 1


def _read_units(size: int, consistent: bool, transactional: bool = False) -> float:
    blocks = max(1, -(-size // 4096))
    return blocks * (2.0 if transactional else 1.0 if consistent else 0.5)


def _write_units(size: int, transactional: bool = False) -> float:
    return max(1, -(-size // 1024)) * (2.0 if transactional else 1.0)


def size_units(operation: str, params: dict[str, Any], parsed: dict[str, Any]) -> tuple[float, float]:
    """DynamoDB's billing rules applied to the items a request read or wrote: reads per 4 KB
    (half for eventually consistent, double in a transaction), writes per 1 KB (double in a
    transaction). An update is sized by the item it returns (pynamodb asks for ALL_NEW);
    where the item is not visible (a delete, an update inside a transaction) 1 KB is assumed."""
    consistent = bool(params.get("ConsistentRead"))
    if operation == "GetItem":
        return _read_units(item_size(parsed.get("Item") or {}), consistent), 0.0
    if operation in {"Query", "Scan"}:
        total = sum(item_size(i) for i in parsed.get("Items") or [])
        return _read_units(total, consistent), 0.0
    if operation == "BatchGetItem":
        responses = (parsed.get("Responses") or {}).values()
        return sum(_read_units(item_size(i), False) for items in responses for i in items), 0.0
    if operation == "TransactGetItems":
        found = [(r or {}).get("Item") or {} for r in parsed.get("Responses") or []]
        return sum(_read_units(item_size(i), True, True) for i in found), 0.0
    if operation == "PutItem":
        return 0.0, _write_units(item_size(params.get("Item") or {}))
    if operation in {"UpdateItem", "DeleteItem"}:
        return 0.0, _write_units(item_size(parsed.get("Attributes") or {}) or 1024)
    if operation == "BatchWriteItem":
        writes = [w for ws in (params.get("RequestItems") or {}).values() for w in ws]
        return 0.0, sum(
            _write_units(item_size((w.get("PutRequest") or {}).get("Item") or {}) or 1024) for w in writes
        )
    if operation == "TransactWriteItems":
        units = 0.0
        for entry in params.get("TransactItems") or []:
            if "Put" in entry:
                units += _write_units(item_size(entry["Put"]["Item"]), True)
            elif "ConditionCheck" in entry:
                units += _read_units(1, True, True)
            else:
                units += _write_units(1024, True)
        return 0.0, units
    return 0.0, 0.0


_current = threading.local()


def current_label() -> str | None:
    return getattr(_current, "label", None)


@contextlib.contextmanager
def labelled(label: str) -> Iterator[None]:
    previous = current_label()
    _current.label = label
    try:
        yield
    finally:
        _current.label = previous


def _capacity(parsed: dict[str, Any]) -> float | None:
    consumed = parsed.get("ConsumedCapacity")
    if consumed is None:
        return None
    items = consumed if isinstance(consumed, list) else [consumed]
    return float(sum(item.get("CapacityUnits", 0.0) for item in items))


class Recorder:
    """Every AWS request made by this process's botocore clients, from botocore's events."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.keep_params = False
        self._lock = threading.Lock()
        self._installed = False

    def install(self) -> None:
        """Hook client creation, so every client (boto3's default session, pynamodb's
        per-thread sessions, moto's own) carries the two handlers."""
        if self._installed:
            return
        import botocore.session

        original = botocore.session.Session.create_client
        recorder = self

        def create_client(session: Any, *args: Any, **kwargs: Any) -> Any:
            client = original(session, *args, **kwargs)
            recorder.attach(client)
            return client

        botocore.session.Session.create_client = create_client  # type: ignore[method-assign]
        self._installed = True

    def attach(self, client: Any) -> None:
        events = client.meta.events
        service = client.meta.service_model.service_name
        events.register(
            f"provide-client-params.{client.meta.service_model.service_id.hyphenize()}", self._provide_params
        )
        events.register("after-call", lambda **kw: self._after_call(service, **kw))

    def _provide_params(self, params: dict[str, Any], model: Any, **_: Any) -> None:
        entered = time.perf_counter()
        members = model.input_shape.members if model.input_shape is not None else {}
        if "ReturnConsumedCapacity" in members and "ReturnConsumedCapacity" not in params:
            params["ReturnConsumedCapacity"] = "TOTAL"
        if self.keep_params:
            _current.params = copy.deepcopy(params)
        _current.sized_params = params  # sized after the call, with the response
        _current.started = time.perf_counter()
        # the recorder's own work (the copy above, the sizing below) is neither the call's
        # nor the handler's: `own_ms` lets a measurement take it out of the handler's time
        self._add_own(_current.started - entered)

    def _after_call(
        self, service: str, http_response: Any, parsed: dict[str, Any], model: Any, **_: Any
    ) -> None:
        ended = time.perf_counter()
        ms = (ended - getattr(_current, "started", ended)) * 1000
        error = (parsed.get("Error") or {}).get("Code") if http_response.status_code >= 300 else None
        sized = getattr(_current, "sized_params", None) or {}
        call = Call(
            service=service,
            operation=model.name,
            label=current_label(),
            capacity=_capacity(parsed) if service == "dynamodb" else None,
            error=error,
            params=getattr(_current, "params", None) if self.keep_params else None,
            units=size_units(model.name, sized, parsed)
            if service == "dynamodb" and not error
            else (0.0, 0.0),
            ms=ms,
        )
        _current.params = None
        _current.sized_params = None
        with self._lock:
            self.calls.append(call)
        self._add_own(time.perf_counter() - ended)

    def _add_own(self, seconds: float) -> None:
        _current.own = getattr(_current, "own", 0.0) + seconds

    def own_ms(self) -> float:
        """The recorder's own bookkeeping so far in this thread, in ms (it only grows)."""
        return getattr(_current, "own", 0.0) * 1000

    @contextlib.contextmanager
    def capture(self) -> Iterator[list[Call]]:
        """The calls made (by any thread) while the block runs."""
        with self._lock:
            start = len(self.calls)
        captured: list[Call] = []
        try:
            yield captured
        finally:
            with self._lock:
                captured.extend(self.calls[start:])

    def scans(self) -> list[Call]:
        return [c for c in self.calls if c.service == "dynamodb" and c.operation == "Scan"]


RECORDER = Recorder()


# ---------------------------------------------------------------------------- the stack in process
@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass
class Invocations:
    """Per function: how many invocations and their durations (ms), for the Lambda bill."""

    durations: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    records: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, function: str, ms: float, records: int) -> None:
        with self.lock:
            self.durations[function].append(ms)
            self.records[function] += records

    def snapshot(self) -> tuple[dict[str, int], dict[str, float], dict[str, int]]:
        """Invocations, summed milliseconds and records per function so far."""
        with self.lock:
            return (
                {f: len(d) for f, d in self.durations.items()},
                {f: sum(d) for f, d in self.durations.items()},
                dict(self.records),
            )


class CountingSink:
    """Where the functions' stdout (Powertools JSON logs, EMF metrics) goes: counted, dropped.
    On Lambda those bytes are CloudWatch Logs ingestion."""

    def __init__(self) -> None:
        self.bytes = 0
        self._lock = threading.Lock()

    def write(self, text: str) -> int:
        with self._lock:
            self.bytes += len(text.encode())
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


class LocalBench:
    """The local stack in this process, its routes called with real HTTP API events."""

    def __init__(self) -> None:
        self.invocations = Invocations()
        self.requests: list[tuple[str, list[Call]]] = []  # every API request and its own AWS calls

    def start(self) -> LocalBench:
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        logging.getLogger("aftercare.local").setLevel(logging.CRITICAL)
        # Functions log and emit EMF metrics as on Lambda (the template's level), to stdout,
        # which is CloudWatch's job there: the work is done, the lines go to /dev/null here.
        # X-Ray stays off: there is no daemon to send segments to.
        os.environ.update({"POWERTOOLS_TRACE_DISABLED": "true", "POWERTOOLS_METRICS_DISABLED": "false"})
        os.environ.pop("AWS_PROFILE", None)
        warnings.filterwarnings("ignore", message="No application metrics to publish")
        self._stdout = sys.stdout
        self.log_sink = CountingSink()
        sys.stdout = self.log_sink  # type: ignore[assignment]
        RECORDER.install()

        import infra.local.stack as stack_module
        from infra.local.functions import FunctionHost
        from infra.local.routing import Router
        from infra.template import Stack

        invocations = self.invocations

        class CountingHost(FunctionHost):
            """Labels every AWS request with the function that made it, and times invocations."""

            def handler(self, function: str) -> Any:
                inner = super().handler(function)
                logical_id = self.spec(function).logical_id

                def timed(event: dict[str, Any], context: Any) -> Any:
                    started = time.perf_counter()
                    records = len(event.get("Records") or []) or 1 if isinstance(event, dict) else 1
                    with labelled(current_label() or f"fn:{logical_id}"):
                        try:
                            return inner(event, context)
                        finally:
                            invocations.add(logical_id, (time.perf_counter() - started) * 1000, records)

                return timed

        stack_module.FunctionHost = CountingHost  # type: ignore[misc]
        self.stack = Stack(parameters=PARAMETERS)
        self.local = stack_module.LocalStack(self.stack)
        # The local IAM check (about 40 us per AWS request) stands in for IAM, which on AWS is
        # not in the function's time: the figures measure the product, so it is off here.
        os.environ["AFTERCARE_LOCAL_IAM"] = "off"
        self.local.start(warm=False)
        self.host = self.local.host
        self.router = Router(self.stack)
        from aftercare import clock

        self.clock = clock
        return self

    def quiet(self) -> None:
        """Stop the SQS pollers, stream readers and the scheduler (the endpoint stays up)."""
        parts = [self.local.scheduler, *self.local.pollers, *self.local.streams]
        for part in parts:
            part.stop(wait=False)
        for part in parts:
            part.stop()
        self.local.pollers, self.local.streams = [], []

    def stop(self) -> None:
        self.local.stop()
        sys.stdout = self._stdout

    def settle(self, attempts: int = 6) -> None:
        """Wait until the eventual effects have happened: one look is 30 s, not always enough
        on a loaded machine (every event also reaches analytics' queue)."""
        for _ in range(attempts):
            if self.local.settle().get("settled"):
                return
        raise RuntimeError("the local stack did not settle")

    # ------------------------------------------------------------------ calls
    def event(
        self,
        method: str,
        path: str,
        *,
        claims: dict[str, Any] | None = None,
        json_body: Any = None,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        query: dict[str, Any] | None = None,
    ) -> tuple[str, str, dict[str, Any]]:
        from infra.local.http_events import build_http_event, encode_query

        matched = self.router.match(method, path)
        if matched is None:
            raise KeyError(f"no route for {method} {path} in template.yaml")
        route, params = matched
        all_headers = dict(headers or {})
        if json_body is not None:
            body = json.dumps(json_body).encode()
            all_headers.setdefault("content-type", "application/json")
        event = build_http_event(
            method=method,
            path=path,
            route_key=route.route_key,
            path_parameters=params,
            query_string=encode_query(query or {}),
            headers=all_headers.items(),
            body=body,
            claims=claims,
        )
        return route.function.logical_id, route.route_key, event

    api_requests = 0

    def invoke(self, function: str, route_key: str, event: dict[str, Any]) -> Reply:
        from infra.local.http_events import parse_http_response

        self.api_requests += 1
        with labelled(route_key), RECORDER.capture() as calls:
            result = self.host.invoke(function, event)
        self.requests.append((route_key, [c for c in calls if c.label == route_key]))
        status, headers, _, raw = parse_http_response(result)
        return Reply(status, {k.lower(): v for k, v in headers.items()}, raw)

    def call(self, method: str, path: str, **kwargs: Any) -> Reply:
        function, route_key, event = self.event(method, path, **kwargs)
        return self.invoke(function, route_key, event)

    def ok(self, method: str, path: str, expect: int = 200, **kwargs: Any) -> Any:
        reply = self.call(method, path, **kwargs)
        if reply.status != expect:
            raise RuntimeError(f"{method} {path} → {reply.status}: {reply.body[:400]!r}")
        return reply.json

    def signed(self, payload: Any) -> tuple[bytes, dict[str, str]]:
        from aftercare.webhooks import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign

        body = json.dumps(payload).encode()
        at = int(self.clock.now().timestamp())
        headers = {
            "content-type": "application/json",
            TIMESTAMP_HEADER: str(at),
            SIGNATURE_HEADER: sign(WEBHOOK_SECRET, at, body),
        }
        return body, headers

    # ------------------------------------------------------------------ the workload's steps
    def place(self, owner: str, key: str | None = None) -> dict[str, Any]:
        headers = {"idempotency-key": key} if key else None
        return dict(
            self.ok("POST", "/v1/orders", 201, claims=customer(owner), json_body=ORDER, headers=headers)
        )

    def pay_webhook(self, order_id: str, event_id: str) -> Reply:
        body, headers = self.signed(
            {
                "eventId": event_id,
                "type": "payment.succeeded",
                "orderId": order_id,
                "amount": ORDER_TOTAL,
                "currency": "CNY",
                "transactionId": f"alipay-{event_id}",
                "method": "ALIPAY",
                "occurredAt": self.clock.now_iso(),
            }
        )
        return self.call("POST", "/v1/payments/events", body=body, headers=headers)

    def fulfil(self, order_id: str, tracking: str) -> None:
        self.ok("POST", f"/v1/admin/orders/{order_id}/confirm", claims=staff("agent"))
        self.ok("POST", f"/v1/admin/orders/{order_id}/pack", claims=staff("warehouse"))
        self.ok(
            "POST",
            f"/v1/admin/orders/{order_id}/ship",
            claims=staff("warehouse"),
            json_body={"carrier": "sf-express", "trackingNumber": tracking},
        )

    def courier_event(self, tracking: str, step: int, status: str) -> Reply:
        body, headers = self.signed(
            {
                "eventId": f"{tracking}-{step}",
                "carrier": "sf-express",
                "trackingNumber": tracking,
                "status": status,
                "occurredAt": self.clock.now_iso(),
                "location": f"Hub {step}",
                "description": "Scanned",
            }
        )
        return self.call("POST", "/v1/logistics/events/sf-express", body=body, headers=headers)

    def delivered_order(self, owner: str, tracking: str) -> dict[str, Any]:
        """An order placed, paid, shipped and confirmed received by its owner (settled)."""
        order = self.place(owner)
        order_id = order["orderId"]
        self.ok(
            "POST",
            f"/v1/admin/orders/{order_id}/payment",
            claims=staff("agent"),
            json_body={"amount": ORDER_TOTAL, "method": "BANK_TRANSFER", "transactionId": f"t-{order_id}"},
        )
        self.fulfil(order_id, tracking)
        return dict(self.ok("POST", f"/v1/orders/{order_id}/confirm-receipt", claims=customer(owner)))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]
