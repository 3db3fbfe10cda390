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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from aftercare import secrets
from aftercare.errors import BadRequest

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# What a cursor looks like (two base64url parts, or empty for the first page); only a
# signature of ours makes one valid.
CURSOR_PATTERN = r"^([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)?$"


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


# ------------------------------------------------------------------ one page over several lanes
Row = TypeVar("Row")
Fetch = Callable[[dict[str, Any] | None, int], tuple[list[Row], dict[str, Any] | None]]


@dataclass(frozen=True)
class Lane(Generic[Row]):
    """One sorted listing of a merged queue (e.g. one status of a by-status index): `fetch`
    reads up to n rows after a start key; `resume_after` is the start key that continues
    right after a row (the index's LastEvaluatedKey for that row)."""

    name: str
    fetch: Fetch[Row]
    resume_after: Callable[[Row], dict[str, Any]]


def merged_page(
    lanes: Sequence[Lane[Row]], *, order: Callable[[Row], Any], limit: int, position: dict[str, Any] | None
) -> tuple[list[Row], dict[str, Any] | None]:
    """The next `limit` rows of several sorted lanes merged in `order`, and the position to
    continue from (None at the end). Each lane is read from where the last page left it,
    so a page costs one query per lane still open and never skips or repeats a row."""
    state: dict[str, Any] = dict((position or {}).get("lanes") or {})
    heads: list[tuple[Any, int, Row]] = []
    exhausted: dict[str, bool] = {}
    for index, lane in enumerate(lanes):
        start = state.get(lane.name)
        if start is False:  # finished on an earlier page
            continue
        rows, last = lane.fetch(start if isinstance(start, dict) else None, limit)
        exhausted[lane.name] = last is None
        heads.extend((order(row), index, row) for row in rows)
    heads.sort(key=lambda head: (head[0], head[1]))
    taken = heads[:limit]
    for lane in lanes:
        if lane.name not in exhausted:
            continue
        mine = [row for _, index, row in taken if lanes[index] is lane]
        fetched = sum(1 for _, index, _ in heads if lanes[index] is lane)
        if exhausted[lane.name] and len(mine) == fetched:
            state[lane.name] = False
        elif mine:
            state[lane.name] = lane.resume_after(mine[-1])
    more = any(state.get(lane.name) is not False for lane in lanes)
    return [row for _, _, row in taken], ({"lanes": state} if more else None)
