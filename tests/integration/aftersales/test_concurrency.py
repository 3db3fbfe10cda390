"""Two cases racing for the last unit: one wins (201), the other is refused (422)."""

from __future__ import annotations

import copy
import importlib.util
import sys
import threading
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from infra.local.http_events import parse_http_response
from infra.template import ROOT
from tests.integration.aftersales.conftest import Cases
from tests.support.api import Reply, customer

APP = ROOT / "functions" / "aftersales_api" / "app.py"


def private_handler() -> Callable[[dict[str, Any], Any], Any]:
    """A fresh copy of the function's module, as a second Lambda execution environment
    would have: its own resolver, so two requests in flight do not share one."""
    spec = importlib.util.spec_from_file_location(f"aftersales_api_{uuid.uuid4().hex}", APP)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as an import does: the module's dataclasses look it up
    spec.loader.exec_module(module)
    return module.lambda_handler  # type: ignore[no-any-return]


def race(cases: Cases, order_id: str, attempts: int = 2) -> list[Reply]:
    body = {
        "orderId": order_id,
        "type": "RETURN_REFUND",
        "reason": "NO_REASON",
        "items": [{"sku": "MUG-2", "quantity": 1}],
    }
    _, event = cases.api.event("POST", "/v1/after-sales", claims=customer(), json_body=body)
    handlers = [private_handler() for _ in range(attempts)]
    barrier = threading.Barrier(attempts)
    replies: list[Reply] = []
    lock = threading.Lock()

    def attempt(handler: Callable[[dict[str, Any], Any], Any]) -> None:
        context = cases.api.host.context("AftersalesApiFunction")
        barrier.wait()
        status, headers, _, raw = parse_http_response(handler(copy.deepcopy(event), context))
        with lock:
            replies.append(Reply(status, headers, raw))

    threads = [threading.Thread(target=attempt, args=(handler,)) for handler in handlers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return replies


def test_two_cases_racing_for_the_last_unit_cover_it_once(cases: Cases) -> None:
    order = cases.delivered_order()  # one mug bought
    replies = race(cases, order["orderId"])
    assert sorted(reply.status for reply in replies) == [201, 422], [r.body for r in replies]
    for _ in range(2):
        assert [reply.status for reply in race(cases, order["orderId"])] == [422, 422]
    mine = cases.api.call("GET", "/v1/after-sales", claims={"sub": "cus_alice", "roles": ["customer"]}).json[
        "items"
    ]
    assert [c["items"][0]["sku"] for c in mine] == ["MUG-2"]
    from aftercare.aftersales import store

    assert store.covered_units(order["orderId"], ["MUG-2"]) == {"MUG-2": 1}


def test_the_transaction_holds_even_when_both_requests_read_the_unit_as_free(
    cases: Cases, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both requests pass the friendly pre-check (a stale read); the coverage counter's
    condition in the case's own transaction still lets only one through."""
    from aftercare.aftersales import store

    order = cases.delivered_order()
    monkeypatch.setattr(store, "covered_units", lambda order_id, skus: dict.fromkeys(skus, 0))
    replies = race(cases, order["orderId"], attempts=4)
    assert sorted(reply.status for reply in replies) == [201, 422, 422, 422], [r.body for r in replies]
    loser = next(reply for reply in replies if reply.status == 422)
    assert loser.json["errors"] == [{"field": "items", "message": "quantity exceeds what remains"}]
    monkeypatch.undo()
    assert store.covered_units(order["orderId"], ["MUG-2"]) == {"MUG-2": 1}
