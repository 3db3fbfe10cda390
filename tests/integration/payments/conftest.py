from __future__ import annotations

from collections.abc import Iterator

import pytest

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


SECRET_NAME = "/aftercare/payment-provider"


def _configure(name: str, secret: dict[str, str], env: dict[str, str], fake: object) -> Iterator[object]:
    """PAYMENT_PROVIDER=`name`, its keys in SSM as the template's SecureString parameter."""
    import json

    import boto3

    from aftercare.payments.provider import provider
    from aftercare.settings import get_settings

    boto3.client("ssm", region_name="us-east-1").put_parameter(
        Name=SECRET_NAME, Type="SecureString", Value=json.dumps(secret), Overwrite=True
    )
    with pytest.MonkeyPatch.context() as patch:
        for key, value in {"PAYMENT_PROVIDER": name, "PAYMENT_PROVIDER_SECRET": SECRET_NAME, **env}.items():
            patch.setenv(key, value)
        get_settings.cache_clear()
        provider.cache_clear()
        yield fake
    get_settings.cache_clear()
    provider.cache_clear()


@pytest.fixture
def on_stripe(aws: object, fixed_clock: object, fake_stripe: FakeStripe) -> Iterator[FakeStripe]:
    yield from _configure(
        "stripe",
        {"apiKey": fake_stripe.api_key, "webhookSecret": fake_stripe.webhook_secret},
        {"STRIPE_API_BASE": fake_stripe.url},
        fake_stripe,
    )  # type: ignore[misc]


@pytest.fixture
def on_alipay(
    aws: object, fixed_clock: object, fake_alipay: FakeAlipay, alipay_keys: dict[str, str]
) -> Iterator[FakeAlipay]:
    secret = {"appId": fake_alipay.app_id, "appPrivateKey": alipay_keys["app_private"],
              "alipayPublicKey": alipay_keys["alipay_public"]}  # fmt: skip
    yield from _configure(
        "alipay", secret, {"ALIPAY_GATEWAY_URL": f"{fake_alipay.url}/gateway.do"}, fake_alipay
    )  # type: ignore[misc]
