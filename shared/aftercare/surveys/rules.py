"""The survey state machine, its deadlines and the signed link token: pure, no I/O.

SCHEDULED (due after a delay, in the customer's daytime) → SENT (the invitation went out;
it expires 7 days later) → ANSWERED (exactly one response) or EXPIRED. A survey the
customer answers in the app before the invitation goes out moves SCHEDULED → ANSWERED;
a survey whose customer opted out of surveys expires unsent.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from aftercare.customers.queries import earliest_send_at
from aftercare.errors import BusinessRuleViolation, Conflict, Unauthorized

EXPIRES_AFTER = timedelta(days=7)
LOW_CSAT = 2  # a CSAT at or below this opens a service-recovery ticket


class SurveyStatus(StrEnum):
    SCHEDULED = "SCHEDULED"
    SENT = "SENT"
    ANSWERED = "ANSWERED"
    EXPIRED = "EXPIRED"


class SurveyAction(StrEnum):
    SEND = "SEND"
    ANSWER = "ANSWER"
    EXPIRE = "EXPIRE"


class SubjectKind(StrEnum):
    ORDER = "order"
    TICKET = "ticket"
    CASE = "case"
    REFUND = "refund"


S, A = SurveyStatus, SurveyAction

TRANSITIONS: dict[tuple[SurveyStatus, SurveyAction], SurveyStatus] = {
    (S.SCHEDULED, A.SEND): S.SENT,
    (S.SCHEDULED, A.ANSWER): S.ANSWERED,
    (S.SCHEDULED, A.EXPIRE): S.EXPIRED,
    (S.SENT, A.ANSWER): S.ANSWERED,
    (S.SENT, A.EXPIRE): S.EXPIRED,
}


def next_status(current: SurveyStatus, action: SurveyAction) -> SurveyStatus:
    target = TRANSITIONS.get((current, action))
    if target is None:
        if action is A.ANSWER and current is S.ANSWERED:
            raise Conflict("this survey has already been answered")
        raise Conflict(f"a survey in {current} cannot {action.lower()}")
    return target


def due_at(event_at: datetime, *, delay: timedelta, zone: str) -> datetime:
    """When the invitation goes out: `delay` after the event, in the customer's daytime."""
    return earliest_send_at(event_at + delay, zone)


def expires_at(sent_at: datetime) -> datetime:
    return sent_at + EXPIRES_AFTER


def check_answerable(status: SurveyStatus, expires: datetime | None, now: datetime) -> None:
    """Answering an expired survey is a closed window (422); a second answer is a 409."""
    if status is S.EXPIRED or (expires is not None and now >= expires):
        raise BusinessRuleViolation("this survey has expired and no longer takes responses")
    next_status(status, A.ANSWER)


def needs_recovery(csat: int) -> bool:
    return csat <= LOW_CSAT


# ---------------------------------------------------------------- the link token
# `<payload>.<mac>`, both base64url: payload {"s": survey id, "c": customer id, "e": expiry
# epoch seconds}, mac = HMAC-SHA256(secret, "survey-link." + payload). No login is needed to
# answer through the link; the token names exactly one survey of one customer and expires.

_PURPOSE = b"survey-link."


@dataclass(frozen=True)
class LinkClaims:
    survey_id: str
    customer_id: str
    expires: int


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: bytes, payload: bytes) -> bytes:
    return hmac.new(secret, _PURPOSE + payload, hashlib.sha256).digest()


def sign_link(secret: bytes, *, survey_id: str, customer_id: str, expires: datetime) -> str:
    if not secret:
        raise RuntimeError("the survey link secret is not configured")
    payload = json.dumps(
        {"s": survey_id, "c": customer_id, "e": int(expires.timestamp())},
        separators=(",", ":"),
        sort_keys=True,
    ).encode()
    return f"{_b64(payload)}.{_b64(_mac(secret, payload))}"


def verify_link(secret: bytes, token: str | None, *, now: datetime) -> LinkClaims:
    """The token's claims, or 401: missing, malformed, forged (constant-time compare) or expired."""
    if not secret:
        raise RuntimeError("the survey link secret is not configured")
    if not token:
        raise Unauthorized("a survey link token is required")
    refused = Unauthorized("the survey link is not valid")
    try:
        body, mac = token.split(".", 1)
        payload = _unb64(body)
        if not hmac.compare_digest(_mac(secret, payload), _unb64(mac)):
            raise refused
        claims = json.loads(payload)
        parsed = LinkClaims(
            survey_id=str(claims["s"]), customer_id=str(claims["c"]), expires=int(claims["e"])
        )
    except (ValueError, TypeError, KeyError) as error:
        raise refused from error
    if now.timestamp() >= parsed.expires:
        raise Unauthorized("the survey link has expired")
    return parsed
