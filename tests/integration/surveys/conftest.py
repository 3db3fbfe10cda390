from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from aftercare.surveys import store
from tests.integration.surveys.support import take_messages
from tests.support.bus import EventFlow
from tests.support.orders import Orders


@pytest.fixture
def deliver(flow: EventFlow, orders: Orders) -> Callable[..., tuple[dict[str, Any], str]]:
    """Deliver an order and let the domain events flow (OrderDelivered → the surveys'
    reaction): returns the order and the survey it scheduled."""

    def run(owner: str = "cus_alice") -> tuple[dict[str, Any], str]:
        order = orders.to("DELIVERED", owner=owner)
        take_messages()  # order notifications are not what these tests look at
        flow.run()
        assert "OrderDelivered" in flow.types()
        survey_id = store.claimed_survey("order", order["orderId"])
        assert survey_id is not None
        return order, survey_id

    return run
