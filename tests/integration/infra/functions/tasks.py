"""The state machine's Lambda task: `failTimes` transient failures first, or `crash` with a
named error that no Retry covers."""

from __future__ import annotations

from collections import Counter
from typing import Any

ATTEMPTS: Counter[str] = Counter()


class TransientError(Exception):
    pass


class PermanentError(Exception):
    pass


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    key = event["key"]
    ATTEMPTS[key] += 1
    if event.get("crash"):
        raise PermanentError(f"cannot reserve {key}")
    if ATTEMPTS[key] <= event.get("failTimes", 0):
        raise TransientError(f"try {key} again")
    return {"reserved": True, "attempts": ATTEMPTS[key]}
