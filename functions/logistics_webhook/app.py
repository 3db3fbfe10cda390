"""Couriers' signed status events: `POST /v1/logistics/events/{carrier}` → 202, queued."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Path

from aftercare.http import create_app, http_handler, raw_body
from aftercare.logistics import service
from aftercare.logistics.adapters import CARRIER_CODE
from aftercare.logistics.models import EventsAccepted
from aftercare.settings import load


@dataclass(frozen=True)
class LogisticsWebhookSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    aftership_webhook_secret_id: str
    tracking_events_queue_url: str
    webhook_secret_id: str


SETTINGS = load(LogisticsWebhookSettings)

app = create_app()


@app.post(
    "/v1/logistics/events/<carrier>",
    status_code=202,
    tags=["machines"],
    summary="Courier status event (HMAC-signed; canonical JSON or the carrier's own shape)",
)
def courier_event(carrier: Annotated[str, Path(pattern=CARRIER_CODE.pattern)]) -> EventsAccepted:
    # The signature covers the raw bytes, so the adapter checks it before anything parses them.
    return service.accept_webhook(carrier, app.current_event.headers, raw_body(app))


lambda_handler = http_handler(app, authenticated=False)
