"""boto3 clients, made on first use rather than at import (cold start, and tests that mock AWS)."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def client(service: str) -> Any:
    import boto3

    return boto3.client(service)  # type: ignore[call-overload]


def reset_clients() -> None:
    client.cache_clear()
