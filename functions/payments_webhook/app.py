"""The payment provider's signed callbacks: `POST /v1/payments/events`."""

from __future__ import annotations

from aftercare import clock, secrets
from aftercare.http import create_app, http_handler, parse_json, raw_body
from aftercare.idempotency import run_once
from aftercare.payments.events import PaymentEvent, PaymentEventOutcome, apply
from aftercare.settings import get_settings
from aftercare.webhooks import verify

app = create_app()


@app.post("/v1/payments/events", tags=["machines"], summary="Payment provider callback (HMAC-signed)")
def payment_event() -> PaymentEventOutcome:
    settings = get_settings()
    body = raw_body(app)
    # The signature covers the raw bytes, so it is checked before anything parses them.
    verify(
        secrets.webhook_secret(),
        app.current_event.headers,
        body,
        now=clock.now(),
        tolerance_seconds=settings.webhook_tolerance_seconds,
    )
    event = parse_json(PaymentEvent, body)
    return run_once(
        event.event_id,
        scope="payment-event",
        payload=event.model_dump(mode="json"),
        operation=lambda: apply(event).model_dump(mode="json"),
        context=app.lambda_context,
    )


lambda_handler = http_handler(app, authenticated=False)
