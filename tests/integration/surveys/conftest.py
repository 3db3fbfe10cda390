from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from aftercare.settings import get_settings
from aftercare.surveys import store
from tests.integration.surveys.support import stream_event, take_messages
from tests.support.api import Api
from tests.support.orders import Orders


@pytest.fixture
def deliver(api: Api, orders: Orders) -> Callable[..., tuple[dict[str, Any], str]]:
    """Deliver an order and run the Orders stream consumer on the change, as the stream
    would: returns the order and the survey it scheduled."""

    def run(owner: str = "cus_alice") -> tuple[dict[str, Any], str]:
        order = orders.to("DELIVERED", owner=owner)
        take_messages()  # order notifications are not what these tests look at
        event = stream_event(
            get_settings().orders_table, {"orderId": order["orderId"]}, old={"status": "SHIPPED"}
        )
        assert api.host.invoke("OrderEventsFunction", event) == {"batchItemFailures": []}
        survey_id = store.claimed_survey("order", order["orderId"])
        assert survey_id is not None
        return order, survey_id

    return run
