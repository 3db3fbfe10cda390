"""`Idempotency-Key` for mutating endpoints, on Powertools idempotency.

The key is scoped to the caller and the operation, so two customers (or two endpoints)
using the same key never see each other's responses; the request payload is part of the
record, so reusing a key with a different body is refused instead of silently answered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from aftercare.errors import BadRequest
from aftercare.settings import get_settings

_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")


@cache
def _persistence() -> Any:
    from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer

    from aftercare.aws import client

    return DynamoDBPersistenceLayer(
        table_name=get_settings().idempotency_table, boto3_client=client("dynamodb")
    )


@cache
def _config() -> Any:
    from aws_lambda_powertools.utilities.idempotency import IdempotencyConfig

    return IdempotencyConfig(
        event_key_jmespath="scope",
        payload_validation_jmespath="payload",
        expires_after_seconds=get_settings().idempotency_ttl_seconds,
        raise_on_no_idempotency_key=True,
    )


def reset() -> None:
    _persistence.cache_clear()
    _config.cache_clear()


def run_once(
    key: str | None, *, scope: str, payload: Any, operation: Callable[[], Any], context: Any = None
) -> Any:
    """Run `operation` once per (scope, key); a repeat returns the first result unchanged.

    `operation` must return JSON-serialisable data: that is what is stored and replayed.
    Without a key the operation simply runs.
    """
    if key is None:
        return operation()
    if not _KEY.match(key):
        raise BadRequest(
            "Idempotency-Key must be 1-255 visible ASCII characters",
            errors=[{"field": "Idempotency-Key", "message": "invalid"}],
        )
    from aws_lambda_powertools.utilities.idempotency import idempotent_function

    if context is not None:
        # An in-progress record then expires with the invocation, so a crashed attempt
        # does not block the client's retry until the record's full TTL.
        _config().register_lambda_context(context)

    @idempotent_function(data_keyword_argument="request", persistence_store=_persistence(), config=_config())
    def _once(request: dict[str, Any]) -> Any:
        return operation()

    return _once(request={"scope": f"{scope}#{key}", "payload": payload})
