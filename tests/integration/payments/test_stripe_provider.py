"""The Stripe adapter through the real SDK against a local server that follows Stripe's API."""

from __future__ import annotations

from datetime import timedelta

import pytest

from aftercare.payments.provider import PermanentPaymentError, TransientPaymentError
from aftercare.payments.stripe_provider import StripeProvider
from infra.local.payment_fakes.stripe_fake import FakeStripe
from tests.conftest import START


def refund(provider: StripeProvider, pi: str, amount: int = 5000, key: str = "rf_01") -> object:
    return provider.refund(
        idempotency_key=key, order_id="ord_1", payment_reference=pi, amount=amount, currency="CNY"
    )


def test_a_refund_is_created_on_the_payment_intent_with_our_id_as_idempotency_key_and_metadata(
    fake_stripe: FakeStripe, stripe_provider: StripeProvider
) -> None:
    pi = fake_stripe.add_payment_intent(26300, "cny")
    result = refund(stripe_provider, pi)
    assert result.status == "SUCCEEDED" and result.reference.startswith("re_")  # type: ignore[attr-defined]
    created = fake_stripe.refunds[result.reference]  # type: ignore[attr-defined]
    assert (created["amount"], created["payment_intent"], created["metadata"]) == (
        5000,
        pi,
        {"refund_id": "rf_01", "order_id": "ord_1"},
    )


def test_a_retried_call_is_answered_from_the_idempotency_key_and_pays_once(
    fake_stripe: FakeStripe, stripe_provider: StripeProvider
) -> None:
    pi = fake_stripe.add_payment_intent(26300, "cny")
    first, again = refund(stripe_provider, pi), refund(stripe_provider, pi)
    assert first == again
    assert len(fake_stripe.refunds) == 1


def test_the_same_key_with_another_amount_is_refused_for_good(
    fake_stripe: FakeStripe, stripe_provider: StripeProvider
) -> None:
    pi = fake_stripe.add_payment_intent(26300, "cny")
    refund(stripe_provider, pi)
    with pytest.raises(PermanentPaymentError, match=r"idempotency|IdempotencyError"):
        refund(stripe_provider, pi, amount=6000)


@pytest.mark.parametrize(
    ("status", "kind", "error"),
    [
        (503, "api_error", TransientPaymentError),
        (500, "api_error", TransientPaymentError),
        (429, "rate_limit_error", TransientPaymentError),
        (409, "invalid_request_error", TransientPaymentError),  # lock_timeout: a concurrent request
        (402, "card_error", PermanentPaymentError),
        (403, "invalid_request_error", PermanentPaymentError),
    ],
)
def test_provider_errors_map_to_what_the_workflow_retries_or_compensates(
    fake_stripe: FakeStripe, stripe_provider: StripeProvider, status: int, kind: str, error: type[Exception]
) -> None:
    pi = fake_stripe.add_payment_intent(26300, "cny")
    fake_stripe.fail_next(status, kind)
    with pytest.raises(error):
        refund(stripe_provider, pi)
    assert refund(stripe_provider, pi).status == "SUCCEEDED"  # type: ignore[attr-defined]  # nothing was saved


@pytest.mark.parametrize(
    ("amount", "code"),
    [(30000, "amount_too_large")],
)
def test_documented_refusals_are_permanent(
    fake_stripe: FakeStripe, stripe_provider: StripeProvider, amount: int, code: str
) -> None:
    pi = fake_stripe.add_payment_intent(26300, "cny")
    with pytest.raises(PermanentPaymentError, match=code):
        refund(stripe_provider, pi, amount=amount)
    refund(stripe_provider, pi, amount=26300, key="rf_all")
    with pytest.raises(PermanentPaymentError, match=r"charge_already_refunded"):
        refund(stripe_provider, pi, amount=100, key="rf_more")
    with pytest.raises(PermanentPaymentError, match=r"resource_missing"):
        refund(stripe_provider, "pi_nope", key="rf_none")


def test_a_wrong_api_key_is_permanent(fake_stripe: FakeStripe) -> None:
    pi = fake_stripe.add_payment_intent(26300, "cny")
    with pytest.raises(PermanentPaymentError, match=r"401"):
        refund(StripeProvider("sk_test_wrong", api_base=fake_stripe.url), pi)


def test_a_connection_refused_is_transient() -> None:
    with pytest.raises(TransientPaymentError):
        refund(StripeProvider("sk_test_x", api_base="http://127.0.0.1:9"), "pi_1")


def test_a_pending_refund_is_pending_until_stripe_settles_it(
    fake_stripe: FakeStripe, stripe_provider: StripeProvider
) -> None:
    pi = fake_stripe.add_payment_intent(26300, "cny")
    fake_stripe.new_refund_status = "pending"
    result = refund(stripe_provider, pi)
    assert result.status == "PENDING"  # type: ignore[attr-defined]
    assert stripe_provider.status(idempotency_key="rf_01", reference=result.reference).status == "PENDING"  # type: ignore[attr-defined]
    fake_stripe.settle(result.reference)  # type: ignore[attr-defined]
    assert stripe_provider.status(idempotency_key="rf_01", reference=result.reference).status == "SUCCEEDED"  # type: ignore[attr-defined]
    # Without the reference, the refund is found by its metadata on the payment.
    assert stripe_provider.status(idempotency_key="rf_01", payment_reference=pi).status == "SUCCEEDED"


def test_a_refund_stripe_fails_later_reads_as_failed(
    fake_stripe: FakeStripe, stripe_provider: StripeProvider
) -> None:
    pi = fake_stripe.add_payment_intent(26300, "cny")
    fake_stripe.new_refund_status = "pending"
    result = refund(stripe_provider, pi)
    fake_stripe.settle(result.reference, "failed")  # type: ignore[attr-defined]
    assert stripe_provider.status(idempotency_key="rf_01", reference=result.reference).status == "FAILED"  # type: ignore[attr-defined]


def test_the_refunds_of_a_day_are_listed_with_our_ids(
    fake_stripe: FakeStripe, stripe_provider: StripeProvider
) -> None:
    pi = fake_stripe.add_payment_intent(26300, "cny")
    ours = refund(stripe_provider, pi)
    outside = fake_stripe.plant_refund(pi, 700)
    day = stripe_provider.refunds_between(START - timedelta(hours=8), START + timedelta(hours=16))
    assert {(r.refund_id, r.reference, r.amount, r.currency) for r in day} == {
        ("rf_01", ours.reference, 5000, "CNY"),  # type: ignore[attr-defined]
        ("", outside, 700, "CNY"),
    }
    assert stripe_provider.refunds_between(START + timedelta(days=1), START + timedelta(days=2)) == []
