"""The samples in events/ for the logistics functions are real requests: they run as-is."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from infra.local.http_events import parse_http_response
from tests.integration.logistics.conftest import Couriers

EVENTS = Path(__file__).resolve().parents[3] / "events"
SAMPLE_ORDER = "ord_01JD6Z3Q00SAMPLE0000000000"


def sample(function: str, name: str) -> dict[str, Any]:
    return dict(json.loads((EVENTS / function / f"{name}.json").read_text()))


def test_the_webhook_samples_are_accepted_and_the_consumer_sample_delivers(
    couriers: Couriers, shipped: dict[str, Any]
) -> None:
    for name, accepted in (("CourierEvent", 1), ("AfterShipTrackingUpdate", 2)):
        status, _, _, body = parse_http_response(
            couriers.api.host.invoke("LogisticsWebhookFunction", sample("logistics_webhook", name))
        )
        assert (name, status) == (name, 202), body
        assert json.loads(body)["accepted"] == accepted
    assert couriers.drain().failed == []

    result = couriers.api.host.invoke("TrackingEventsFunction", sample("tracking_events", "CourierEvents"))
    assert result == {"batchItemFailures": []}

    event = copy.deepcopy(sample("tracking_api", "OrderTracking"))
    event["rawPath"] = event["requestContext"]["http"]["path"] = event["rawPath"].replace(
        SAMPLE_ORDER, shipped["orderId"]
    )
    event["pathParameters"]["orderId"] = shipped["orderId"]
    status, _, _, body = parse_http_response(couriers.api.host.invoke("TrackingApiFunction", event))
    assert status == 200
    (shipment,) = json.loads(body)["shipments"]
    assert shipment["status"] == "DELIVERED"
    assert len(shipment["history"]) == 4  # the sample events, each once
