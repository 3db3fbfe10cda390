"""The payment provider's signed callbacks: `POST /v1/payments/events` (the canonical,
HMAC-signed form), and each real provider's own webhook: `POST /v1/payments/stripe/events`
(Stripe-Signature) and `POST /v1/payments/alipay/notify` (RSA2-signed form posts)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

from aws_lambda_powertools.event_handler import Response

from aftercare import clock, secrets
from aftercare.errors import NotFound
from aftercare.http import create_app, http_handler, parse_json, raw_body
from aftercare.idempotency import run_once
from aftercare.payments import provider_events
from aftercare.payments.callbacks import PaymentEvent, PaymentEventOutcome, apply
from aftercare.payments.provider import provider
from aftercare.settings import get_settings, load
from aftercare.webhooks import verify


@dataclass(frozen=True)
class PaymentsWebhookSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    event_bus_name: str
    idempotency_table: str
    webhook_secret_id: str


SETTINGS = load(PaymentsWebhookSettings)

app = create_app(accept=("application/json", "application/x-www-form-urlencoded"))


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
    # Claimed once per provider event id, then published (payments/callbacks.py): a publish
    # that fails releases the claim and answers 5xx, so the provider's retry publishes it.
    return run_once(
        event.event_id,
        scope="payment-event",
        payload=event.model_dump(mode="json"),
        operation=lambda: apply(event, scope="payment-event").model_dump(mode="json"),
        context=app.lambda_context,
    )


def _applied_once(notice: provider_events.ProviderNotice) -> dict[str, object]:
    # Providers deliver at least once: the provider's event id is the idempotency key.
    scope = f"{notice.provider}-event"
    answer: dict[str, object] = run_once(
        notice.event_id,
        scope=scope,
        payload=notice.as_dict(),
        operation=lambda: provider_events.apply(notice, scope=scope),
        context=app.lambda_context,
    )
    return answer


@app.post("/v1/payments/stripe/events", tags=["machines"], summary="Stripe webhook (Stripe-Signature)")
def stripe_event() -> dict[str, object]:
    from aftercare.payments.secrets import provider_secret

    if get_settings().payment_provider != "stripe":
        raise NotFound("Stripe is not this service's payment provider")
    notice = provider_events.stripe_notice(
        raw_body(app),
        app.current_event.headers.get("stripe-signature"),
        secret=provider_secret("webhookSecret")["webhookSecret"],
        now=clock.now(),
        tolerance_seconds=get_settings().webhook_tolerance_seconds,
    )
    return _applied_once(notice)


@app.post(
    "/v1/payments/alipay/notify", tags=["machines"], summary="Alipay asynchronous notification (RSA2-signed)"
)
def alipay_notify() -> Response[str]:
    from aftercare.payments.alipay_provider import AlipayProvider

    alipay = provider()
    if not isinstance(alipay, AlipayProvider):
        raise NotFound("Alipay is not this service's payment provider")
    form = dict(parse_qsl(raw_body(app).decode("utf-8", errors="replace"), keep_blank_values=True))
    notice = provider_events.alipay_notice(
        form,
        sdk=alipay.sdk,
        app_id=alipay.app_id,
        now=clock.now(),
        tolerance_seconds=get_settings().webhook_tolerance_seconds,
    )
    _applied_once(notice)
    # Alipay keeps redelivering until the body is exactly "success".
    return Response(status_code=200, content_type="text/plain", body="success")


lambda_handler = http_handler(app, authenticated=False)
