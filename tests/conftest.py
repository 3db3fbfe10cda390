from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.support import environment

environment.install()

from moto import mock_aws  # noqa: E402

from aftercare import clock, idempotency  # noqa: E402
from aftercare.aws import reset_clients  # noqa: E402
from infra.local.provision import provision  # noqa: E402
from infra.template import Stack  # noqa: E402
from tests.support.api import Api  # noqa: E402
from tests.support.bus import EventFlow  # noqa: E402
from tests.support.orders import Orders  # noqa: E402

START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


@pytest.fixture
def fixed_clock() -> Iterator[clock.FixedClock]:
    pinned = clock.FixedClock(START)
    clock.use(pinned)
    yield pinned
    clock.use(clock.SystemClock())


@pytest.fixture
def atomic_dynamodb(monkeypatch: pytest.MonkeyPatch) -> None:
    """DynamoDB answers each request atomically: a write's condition is evaluated and
    applied as one step, and a read returns one whole version of an item. moto in-process
    is not thread-safe (getmoto/moto#5881): a read serialising an item while another
    thread's update mutates it can raise inside the fake. Serialising each DynamoDB
    request whole (parse, backend, response) restores the real semantics, while requests
    of different threads still interleave freely, so concurrency tests exercise our
    conditions and re-reads rather than the fake's races."""
    from moto.dynamodb.responses import DynamoHandler

    lock = threading.RLock()
    original = DynamoHandler.call_action

    def serialised(self: Any) -> Any:
        with lock:
            return original(self)

    monkeypatch.setattr(DynamoHandler, "call_action", serialised)


@pytest.fixture
def aws(atomic_dynamodb: None) -> Iterator[Stack]:
    """A moto account holding every data resource the template declares."""
    import boto3

    with mock_aws():
        reset_clients()
        idempotency.reset()
        stack = environment.new_stack()
        provision(stack, lambda service: boto3.client(service, region_name="us-east-1"))
        yield stack
    reset_clients()
    idempotency.reset()


@pytest.fixture
def api(aws: Stack) -> Api:
    return Api(aws)


@pytest.fixture
def flow(api: Api) -> EventFlow:
    """The domain events of what the test does, published and reacted to on `flow.run()`."""
    return EventFlow(api.host.stack, api.host)


@pytest.fixture
def orders(api: Api, flow: EventFlow, fixed_clock: clock.FixedClock) -> Orders:
    """Places orders and walks them through payment, fulfilment and delivery via the API
    (a payment followed by its reactions, and a shipped order's parcels tracked once the event
    flow has run, as a moment later)."""
    return Orders(api, flow)


_APP_CODE = ("/shared/aftercare/", "/functions/")


@pytest.fixture(autouse=True)
def no_scans(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Reads use keys and indexes, never a Scan: any DynamoDB Scan issued from application
    code (shared/aftercare, functions) during a test fails that test. Test code may still
    scan a small local table to look at it."""
    import sys

    from botocore.client import BaseClient

    scans: list[str] = []
    original = BaseClient._make_api_call

    def guarded(self: Any, operation_name: str, api_params: Any) -> Any:
        if operation_name == "Scan" and self.meta.service_model.service_name == "dynamodb":
            frame = sys._getframe(1)
            while frame is not None:
                if any(part in frame.f_code.co_filename for part in _APP_CODE):
                    scans.append(f"{frame.f_code.co_filename}:{frame.f_lineno} ({frame.f_code.co_name})")
                    break
                frame = frame.f_back  # type: ignore[assignment]
        return original(self, operation_name, api_params)

    monkeypatch.setattr(BaseClient, "_make_api_call", guarded)
    yield
    assert not scans, f"application code issued a DynamoDB Scan: {scans}"
