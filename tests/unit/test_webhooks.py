from __future__ import annotations

from datetime import UTC, datetime

import pytest

from aftercare.errors import Unauthorized
from aftercare.webhooks import sign, verify

SECRET = "s3cret-s3cret-s3cret"
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
TS = int(NOW.timestamp())
BODY = b'{"eventId":"e1"}'


def headers(ts: int | str, signature: str) -> dict[str, str]:
    return {"X-Aftercare-Timestamp": str(ts), "X-Aftercare-Signature": signature}


def test_a_fresh_correct_signature_passes() -> None:
    verify(SECRET, headers(TS, sign(SECRET, TS, BODY)), BODY, now=NOW, tolerance_seconds=300)


@pytest.mark.parametrize(
    "given",
    [
        {},
        {"X-Aftercare-Timestamp": str(TS)},
        headers(TS, sign("another-secret-value", TS, BODY)),
        headers(TS, sign(SECRET, TS, BODY + b" ")),
        headers(TS - 301, sign(SECRET, TS - 301, BODY)),
        headers(TS + 301, sign(SECRET, TS + 301, BODY)),
        headers("yesterday", sign(SECRET, "yesterday", BODY)),
        headers(TS + 1, sign(SECRET, TS, BODY)),  # timestamp is part of what is signed
    ],
    ids=[
        "missing",
        "no-signature",
        "wrong-secret",
        "body-changed",
        "stale",
        "future",
        "bad-ts",
        "ts-swapped",
    ],
)
def test_bad_missing_or_stale_signatures_are_unauthorized(given: dict[str, str]) -> None:
    with pytest.raises(Unauthorized):
        verify(SECRET, given, BODY, now=NOW, tolerance_seconds=300)
