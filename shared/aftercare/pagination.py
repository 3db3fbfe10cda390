"""Opaque, signed page cursors bound to the caller and the listing they came from.

A cursor carries DynamoDB's LastEvaluatedKey. It is signed with the service's secret and
names the principal and the query scope, so a customer can neither forge one nor replay
another customer's cursor to read their data.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from aftercare import secrets
from aftercare.errors import BadRequest

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def _secret() -> bytes:
    secret = secrets.cursor_secret()
    if not secret:
        raise RuntimeError("CURSOR_SECRET is not configured")
    return secret.encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode_cursor(last_key: dict[str, Any] | None, *, owner: str, scope: str) -> str | None:
    if not last_key:
        return None
    payload = json.dumps({"k": last_key, "o": owner, "s": scope}, separators=(",", ":"), sort_keys=True)
    signature = hmac.new(_secret(), payload.encode(), hashlib.sha256).digest()[:16]
    return f"{_b64(payload.encode())}.{_b64(signature)}"


def decode_cursor(cursor: str | None, *, owner: str, scope: str) -> dict[str, Any] | None:
    if not cursor:
        return None
    invalid = BadRequest(
        "the cursor is not valid for this listing", errors=[{"field": "cursor", "message": "invalid"}]
    )
    try:
        body, signature = cursor.split(".", 1)
        payload = _unb64(body)
        expected = hmac.new(_secret(), payload, hashlib.sha256).digest()[:16]
        if not hmac.compare_digest(expected, _unb64(signature)):
            raise invalid
        decoded = json.loads(payload)
    except (ValueError, TypeError) as error:
        raise invalid from error
    if decoded.get("o") != owner or decoded.get("s") != scope or not isinstance(decoded.get("k"), dict):
        raise invalid
    return dict(decoded["k"])


def clamp_limit(limit: int | None) -> int:
    if limit is None:
        return DEFAULT_LIMIT
    if limit < 1 or limit > MAX_LIMIT:
        raise BadRequest(
            f"limit must be between 1 and {MAX_LIMIT}",
            errors=[{"field": "limit", "message": f"must be between 1 and {MAX_LIMIT}"}],
        )
    return limit
