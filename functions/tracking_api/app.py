"""Tracking HTTP API: an order's parcels, their status, history and estimated delivery."""

from __future__ import annotations

from dataclasses import dataclass

from aftercare.http import create_app, current_principal, http_handler
from aftercare.logistics import service
from aftercare.logistics.models import TrackingOut
from aftercare.settings import load


@dataclass(frozen=True)
class TrackingApiSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    cases_table: str
    orders_table: str
    shipments_table: str


SETTINGS = load(TrackingApiSettings)

app = create_app()


@app.get(
    "/v1/orders/<orderId>/tracking", tags=["orders"], summary="Shipments of an order, history newest first"
)
def order_tracking(orderId: str) -> TrackingOut:
    return service.tracking_for(current_principal(app), orderId)


lambda_handler = http_handler(app)
