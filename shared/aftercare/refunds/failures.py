"""What a failed refund step tells whom: pure, no I/O.

Step Functions hands a Catch the raw error: `{"Error": name, "Cause": text}`, where the
cause of a Lambda task is its own JSON (`errorType`, `errorMessage` and a `stackTrace` with
server paths). None of that is for the customer. A failure is sorted into a few kinds, each
with a plain reason in the customer's language; the technical cause (error type and
message, never the stack trace) is kept for staff and the logs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class FailureKind(StrEnum):
    DECLINED = "DECLINED"  # the provider refused the pay-out for good
    UNAVAILABLE = "UNAVAILABLE"  # the provider kept failing or timing out
    INTERNAL = "INTERNAL"  # a fault on our side


REASONS: dict[FailureKind, dict[str, str]] = {
    FailureKind.DECLINED: {
        "en": "The payment provider could not return the money automatically. "
        "Our team will complete the refund by hand; you don't need to do anything.",
        "zh": "支付机构未能自动退回款项，我们的客服会人工为您完成退款，您无需任何操作。",
    },
    FailureKind.UNAVAILABLE: {
        "en": "The payment provider did not answer in time. "
        "Our team will complete the refund by hand; you don't need to do anything.",
        "zh": "支付机构暂时无法响应，我们的客服会人工为您完成退款，您无需任何操作。",
    },
    FailureKind.INTERNAL: {
        "en": "Something went wrong on our side while refunding. "
        "Our team will complete the refund by hand; you don't need to do anything.",
        "zh": "退款过程中我们这边出现了问题，我们的客服会人工为您完成退款，您无需任何操作。",
    },
}
LANGUAGES = ("en", "zh")
_DECLINED = {"PermanentPaymentError"}
_UNAVAILABLE = {"TransientPaymentError", "States.Timeout", "States.HeartbeatTimeout"}


@dataclass(frozen=True)
class Failure:
    kind: FailureKind
    technical: str  # "<error type>: <message>", for staff and logs

    def reason(self, language: str = "en") -> str:
        return REASONS[self.kind].get(language, REASONS[self.kind]["en"])


def explain(raw: str | None) -> Failure:
    """Sort the error a Catch received (its JSON text, as the state machine passes it)."""
    error = _loads(raw)
    name = str(error.get("Error") or "")
    cause = error.get("Cause")
    detail = _loads(cause) if isinstance(cause, str) else {}
    error_type = str(detail.get("errorType") or name or "UnknownError")
    message = str(
        detail.get("errorMessage") or (cause if isinstance(cause, str) and not detail else "") or ""
    )
    technical = f"{error_type}: {message}".strip().rstrip(":") if message else error_type
    if error_type in _DECLINED or name in _DECLINED:
        kind = FailureKind.DECLINED
    elif error_type in _UNAVAILABLE or name in _UNAVAILABLE:
        kind = FailureKind.UNAVAILABLE
    else:
        kind = FailureKind.INTERNAL
    return Failure(kind=kind, technical=technical[:500])


def language_of(accept_language: str | None) -> str:
    """The first language of an Accept-Language header that we write in (English otherwise)."""
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()
        for language in LANGUAGES:
            if tag == language or tag.startswith(language + "-"):
                return language
    return "en"


def _loads(text: Any) -> dict[str, Any]:
    if not isinstance(text, str) or not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
