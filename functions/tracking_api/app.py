"""Tracking HTTP API: an order's parcels, their status, history and estimated delivery."""

from __future__ import annotations

from aftercare.http import create_app, current_principal, http_handler
from aftercare.logistics import service
from aftercare.logistics.models import TrackingOut

app = create_app()


@app.get(
    "/v1/orders/<orderId>/tracking", tags=["orders"], summary="Shipments of an order, history newest first"
)
def order_tracking(orderId: str) -> TrackingOut:
    return service.tracking_for(current_principal(app), orderId)


lambda_handler = http_handler(app)
