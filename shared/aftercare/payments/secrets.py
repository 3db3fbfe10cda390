"""The payment provider's keys: one SecureString SSM parameter holding a JSON object,
named by PAYMENT_PROVIDER_SECRET, read through Powertools parameters (as every secret of
the service is, issue 19).

    stripe: {"apiKey": "sk_live_...", "webhookSecret": "whsec_..."}
    alipay: {"appId": "2021...", "appPrivateKey": "-----BEGIN RSA PRIVATE KEY-----...",
             "alipayPublicKey": "-----BEGIN PUBLIC KEY-----..."}

The adapter built from it is cached for the execution environment (`provider()`), so a
rotated key is picked up by the next cold start."""

from __future__ import annotations

from typing import Any

from aftercare.aws import client
from aftercare.settings import get_settings


def provider_secret(*required: str) -> dict[str, str]:
    from aws_lambda_powertools.utilities.parameters import SSMProvider

    name = get_settings().payment_provider_secret
    if not name:
        raise RuntimeError("PAYMENT_PROVIDER_SECRET names no SSM parameter")
    value: Any = SSMProvider(boto3_client=client("ssm")).get(name, transform="json", decrypt=True)
    if not isinstance(value, dict) or any(not value.get(key) for key in required):
        raise RuntimeError(f"the payment provider secret {name} must be a JSON object with {list(required)}")
    return {key: str(item) for key, item in value.items()}
