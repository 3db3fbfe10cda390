"""aftercare.secrets against a secret store created from the template: each secret holds
the parameter's value, is read through Powertools parameters and cached, and a rotated
value is seen once the cache is let go (after its max age, or a SnapStart restore)."""

from __future__ import annotations

from collections.abc import Iterator

import boto3
import pytest

from aftercare import secrets
from infra.template import Stack
from tests.support.environment import CURSOR_SECRET, WEBHOOK_SECRET


@pytest.fixture
def store(aws: Stack) -> Iterator[Stack]:
    secrets.forget()
    yield aws
    secrets.forget()


def test_each_secret_holds_its_parameter_with_the_documented_fallbacks(store: Stack) -> None:
    assert secrets.value(store.ref("WebhookSigningSecret")) == WEBHOOK_SECRET
    assert secrets.value(store.ref("CursorSigningSecret")) == CURSOR_SECRET
    # No AfterShip secret given: the template stores the courier webhook secret in its place.
    assert secrets.value(store.ref("AftershipSigningSecret")) == WEBHOOK_SECRET
    # No survey link secret given: one is generated, long and never the cursor secret.
    generated = secrets.value(store.ref("SurveyLinkSigningSecret"))
    assert len(generated) >= 32
    assert generated != CURSOR_SECRET


def test_a_value_is_cached_until_the_cache_is_let_go(store: Stack) -> None:
    arn = store.ref("CursorSigningSecret")
    assert secrets.value(arn) == CURSOR_SECRET
    boto3.client("secretsmanager", region_name="us-east-1").put_secret_value(
        SecretId=arn, SecretString="rotated-cursor-secret-0123456789"
    )
    assert secrets.value(arn) == CURSOR_SECRET  # cached: no request per invocation
    secrets.forget()
    assert secrets.value(arn) == "rotated-cursor-secret-0123456789"


def test_without_an_id_the_plain_value_is_used_and_no_store_is_asked() -> None:
    assert secrets.value("", "plain-value") == "plain-value"
    assert secrets.value("") == ""
