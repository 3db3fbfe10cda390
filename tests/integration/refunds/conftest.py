from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from aftercare.payments import sandbox
from aftercare.refunds import service
from tests.support.orders import Orders


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Refund ids whose workflow was started; the workflow itself is exercised elsewhere."""
    calls: list[str] = []
    monkeypatch.setattr(service, "_start", calls.append)
    return calls


@pytest.fixture(autouse=True)
def clean_sandbox() -> Iterator[None]:
    sandbox.reset()
    yield
    sandbox.reset()


def paid_order(orders: Orders, owner: str = "cus_alice") -> dict[str, Any]:
    return orders.to("PAID", owner=owner)
