"""HMAC-SHA256 webhook signatures: `sha256=<hex HMAC of "timestamp.body">`, 5-minute window."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime

from aftercare.errors import Unauthorized

TIMESTAMP_HEADER = "x-aftercare-timestamp"
SIGNATURE_HEADER = "x-aftercare-signature"


def sign(secret: str, timestamp: int | str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def verify(
    secret: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    now: datetime,
    tolerance_seconds: int,
) -> None:
    """Raise Unauthorized unless the body is signed with `secret` within the replay window."""
    if not secret:
        raise RuntimeError("webhook secret is not configured")
    lowered = {key.lower(): value for key, value in headers.items()}
    timestamp = lowered.get(TIMESTAMP_HEADER)
    signature = lowered.get(SIGNATURE_HEADER)
    if not timestamp or not signature:
        raise Unauthorized("missing webhook signature or timestamp")
    try:
        sent_at = int(timestamp)
    except ValueError as error:
        raise Unauthorized("webhook timestamp must be unix seconds") from error
    if abs(now.timestamp() - sent_at) > tolerance_seconds:
        raise Unauthorized("webhook timestamp is outside the replay window")
    if not hmac.compare_digest(sign(secret, timestamp, body), signature.strip()):
        raise Unauthorized("webhook signature does not match")
