"""The survey state machine, its scheduling and expiry, and the signed link token."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

import pytest

from aftercare.errors import BusinessRuleViolation, Conflict, Unauthorized
from aftercare.surveys import rules
from aftercare.surveys.rules import SurveyAction as A
from aftercare.surveys.rules import SurveyStatus as S

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
SECRET = b"survey-link-secret-for-tests"


@pytest.mark.parametrize(
    ("current", "action", "target"),
    [
        (S.SCHEDULED, A.SEND, S.SENT),
        (S.SCHEDULED, A.ANSWER, S.ANSWERED),  # answered in the app before the invitation
        (S.SCHEDULED, A.EXPIRE, S.EXPIRED),  # opted out: never sent
        (S.SENT, A.ANSWER, S.ANSWERED),
        (S.SENT, A.EXPIRE, S.EXPIRED),
        (S.SENT, A.SEND, None),
        (S.ANSWERED, A.ANSWER, None),
        (S.ANSWERED, A.EXPIRE, None),
        (S.EXPIRED, A.ANSWER, None),
        (S.EXPIRED, A.SEND, None),
    ],
)
def test_survey_transitions(current: S, action: A, target: S | None) -> None:
    if target is None:
        with pytest.raises(Conflict):
            rules.next_status(current, action)
    else:
        assert rules.next_status(current, action) is target


@pytest.mark.parametrize(
    ("event_at", "delay_hours", "zone", "due"),
    [
        ("2026-11-23T08:00:00", 24, "Asia/Shanghai", "2026-11-24T08:00:00"),  # 16:00 local: as is
        ("2026-11-23T14:00:00", 24, "Asia/Shanghai", "2026-11-25T01:00:00"),  # 22:00 local: next 09:00
        ("2026-11-23T08:00:00", 0, "America/New_York", "2026-11-23T14:00:00"),  # 03:00 EST: 09:00 EST
        ("2026-11-23T08:00:00", 2, "Asia/Shanghai", "2026-11-23T10:00:00"),  # a shorter delay
        (
            "2026-03-07T20:00:00",
            12,
            "America/New_York",
            "2026-03-08T13:00:00",
        ),  # lands 03:00 EDT -> 09:00 EDT
    ],
)
def test_a_survey_is_due_after_the_delay_in_the_customers_daytime(
    event_at: str, delay_hours: int, zone: str, due: str
) -> None:
    at = datetime.fromisoformat(event_at).replace(tzinfo=UTC)
    expected = datetime.fromisoformat(due).replace(tzinfo=UTC)
    assert rules.due_at(at, delay=timedelta(hours=delay_hours), zone=zone) == expected


def test_a_survey_expires_7_days_after_it_was_sent() -> None:
    assert rules.expires_at(NOW) == NOW + timedelta(days=7)


@pytest.mark.parametrize(
    ("status", "expires_in", "error"),
    [
        (S.SENT, timedelta(days=1), None),
        (S.SCHEDULED, None, None),
        (S.SENT, timedelta(0), BusinessRuleViolation),  # the window closed at this instant
        (S.SENT, -timedelta(seconds=1), BusinessRuleViolation),
        (S.EXPIRED, None, BusinessRuleViolation),
        (S.ANSWERED, timedelta(days=1), Conflict),
    ],
)
def test_only_an_open_unanswered_survey_takes_a_response(
    status: S, expires_in: timedelta | None, error: type[Exception] | None
) -> None:
    expires = None if expires_in is None else NOW + expires_in
    if error is None:
        rules.check_answerable(status, expires, NOW)
    else:
        with pytest.raises(error):
            rules.check_answerable(status, expires, NOW)


@pytest.mark.parametrize(("csat", "recovery"), [(1, True), (2, True), (3, False), (5, False)])
def test_a_low_score_needs_service_recovery(csat: int, recovery: bool) -> None:
    assert rules.needs_recovery(csat) is recovery


def sign(**changes: object) -> str:
    values = {"survey_id": "sv_1", "customer_id": "cus_alice", "expires": NOW + timedelta(days=7)}
    values.update(changes)
    return rules.sign_link(SECRET, **values)  # type: ignore[arg-type]


def test_a_link_token_names_its_survey_customer_and_expiry() -> None:
    claims = rules.verify_link(SECRET, sign(), now=NOW)
    assert claims == rules.LinkClaims("sv_1", "cus_alice", int((NOW + timedelta(days=7)).timestamp()))


def forge(token: str, **payload: object) -> str:
    body, mac = token.split(".")
    decoded = json.loads(base64.urlsafe_b64decode(body + "=="))
    decoded.update(payload)
    forged = base64.urlsafe_b64encode(json.dumps(decoded).encode()).rstrip(b"=").decode()
    return f"{forged}.{mac}"


@pytest.mark.parametrize(
    "token",
    [
        pytest.param(None, id="missing"),
        pytest.param("", id="empty"),
        pytest.param("not-a-token", id="no-mac"),
        pytest.param("a.b.c", id="garbage"),
        pytest.param(forge(sign(), c="cus_mallory"), id="other-customer"),
        pytest.param(forge(sign(), s="sv_2"), id="other-survey"),
        pytest.param(forge(sign(), e=4102444800), id="longer-expiry"),
        pytest.param(
            rules.sign_link(
                b"another-secret-entirely",
                survey_id="sv_1",
                customer_id="cus_alice",
                expires=NOW + timedelta(days=1),
            ),
            id="wrong-secret",
        ),
        pytest.param(sign()[:-2], id="truncated-mac"),
        pytest.param(sign(expires=NOW), id="expired-now"),
        pytest.param(sign(expires=NOW - timedelta(days=1)), id="expired"),
    ],
)
def test_forged_malformed_or_expired_tokens_are_refused(token: str | None) -> None:
    with pytest.raises(Unauthorized):
        rules.verify_link(SECRET, token, now=NOW)


def test_a_token_cannot_be_made_or_checked_without_a_secret() -> None:
    with pytest.raises(RuntimeError):
        rules.sign_link(b"", survey_id="sv_1", customer_id="c", expires=NOW)
    with pytest.raises(RuntimeError):
        rules.verify_link(b"", "x.y", now=NOW)
