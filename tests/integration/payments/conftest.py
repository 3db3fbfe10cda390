from __future__ import annotations

from collections.abc import Iterator

import pytest

from aftercare import clock
from aftercare.payments.alipay_provider import AlipayProvider
from aftercare.payments.stripe_provider import StripeProvider
from infra.local.payment_fakes.alipay_fake import FakeAlipay, new_key_pair
from infra.local.payment_fakes.stripe_fake import FakeStripe
from tests.conftest import START


@pytest.fixture(scope="session")
def alipay_keys() -> dict[str, str]:
    """Two RSA 2048 pairs, as in an Alipay app: the merchant's and Alipay's."""
    app_private, app_public = new_key_pair()
    alipay_private, alipay_public = new_key_pair()
    return {
        "app_private": app_private,
        "app_public": app_public,
        "alipay_private": alipay_private,
        "alipay_public": alipay_public,
    }


@pytest.fixture
def fake_stripe() -> Iterator[FakeStripe]:
    with FakeStripe(now=lambda: START).serving() as fake:
        yield fake


@pytest.fixture
def fake_alipay(alipay_keys: dict[str, str]) -> Iterator[FakeAlipay]:
    fake = FakeAlipay(
        app_public_key=alipay_keys["app_public"],
        alipay_private_key=alipay_keys["alipay_private"],
        now=lambda: START,
    )
    with fake.serving():
        yield fake


@pytest.fixture
def stripe_provider(fake_stripe: FakeStripe) -> StripeProvider:
    return StripeProvider(fake_stripe.api_key, api_base=fake_stripe.url)


@pytest.fixture
def alipay_provider(fake_alipay: FakeAlipay, alipay_keys: dict[str, str]) -> AlipayProvider:
    return AlipayProvider(
        app_id=fake_alipay.app_id,
        app_private_key=alipay_keys["app_private"],
        alipay_public_key=alipay_keys["alipay_public"],
        gateway_url=f"{fake_alipay.url}/gateway.do",
    )


@pytest.fixture
def pinned_clock() -> Iterator[clock.FixedClock]:
    pinned = clock.FixedClock(START)
    clock.use(pinned)
    yield pinned
    clock.use(clock.SystemClock())
