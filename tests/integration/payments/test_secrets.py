"""The provider's keys come from one SecureString SSM parameter (JSON), via Powertools."""

from __future__ import annotations

import json

import boto3
import pytest

from aftercare.payments.secrets import provider_secret
from aftercare.settings import get_settings
from infra.template import Stack


def test_the_keys_are_read_decrypted_from_the_parameter_the_settings_name(
    aws: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    boto3.client("ssm", region_name="us-east-1").put_parameter(
        Name="/t/keys", Type="SecureString", Value=json.dumps({"apiKey": "sk_1", "webhookSecret": "whsec_1"})
    )
    monkeypatch.setenv("PAYMENT_PROVIDER_SECRET", "/t/keys")
    get_settings.cache_clear()
    try:
        assert provider_secret("apiKey") == {"apiKey": "sk_1", "webhookSecret": "whsec_1"}
        with pytest.raises(RuntimeError, match="appId"):
            provider_secret("appId")  # a secret without the keys the adapter needs
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def test_a_missing_parameter_name_is_a_configuration_error(
    aws: Stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAYMENT_PROVIDER_SECRET", "")
    get_settings.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="PAYMENT_PROVIDER_SECRET"):
            provider_secret("apiKey")
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
