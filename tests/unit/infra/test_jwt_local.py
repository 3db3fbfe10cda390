"""The emulated JWT authorizer: what it lets through and what gets API Gateway's 401."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
import pytest

from infra.local.jwt_local import JwtAuthorizer

SECRET = "unit-test-secret-0123456789abcdef0123"
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.at = NOW

    def now(self) -> datetime:
        return self.at


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def authorizer(clock: Clock) -> JwtAuthorizer:
    return JwtAuthorizer(SECRET, "https://issuer.example", ("client-1",), clock.now)


def test_a_minted_token_is_accepted_with_or_without_the_bearer_prefix(authorizer: JwtAuthorizer) -> None:
    token = authorizer.mint("cus_alice", ["customer"])
    for header in (f"Bearer {token}", f"bearer {token}", token):
        claims = authorizer.verify(header)
        assert claims is not None
        assert claims["sub"] == "cus_alice"
        assert claims["roles"] == ["customer"]


def test_a_token_is_valid_until_its_expiry_on_the_local_clock(
    authorizer: JwtAuthorizer, clock: Clock
) -> None:
    token = authorizer.mint("cus_alice", ttl_seconds=60)
    clock.at = NOW + timedelta(seconds=59)
    assert authorizer.verify(token) is not None
    clock.at = NOW + timedelta(seconds=60)
    assert authorizer.verify(token) is None


def test_a_token_minted_after_the_clock_moved_is_valid(authorizer: JwtAuthorizer, clock: Clock) -> None:
    clock.at = NOW + timedelta(days=30)
    assert authorizer.verify(authorizer.mint("cus_alice")) is not None


@pytest.mark.parametrize(
    ("claims", "key"),
    [
        ({}, "other-secret-0123456789abcdef0123456"),
        ({"iss": "https://someone.else"}, SECRET),
        ({"aud": "client-2"}, SECRET),
        ({"sub": None}, SECRET),
        ({"nbf": int(NOW.timestamp()) + 60}, SECRET),
    ],
    ids=["wrong key", "wrong issuer", "wrong audience", "no subject", "not yet valid"],
)
def test_a_token_the_authorizer_would_refuse_is_refused(
    authorizer: JwtAuthorizer, claims: dict[str, object], key: str
) -> None:
    # Read the minted claims without checking their times against the system clock: NOW is fixed.
    good = jwt.decode(authorizer.mint("cus_alice"), options={"verify_signature": False})
    payload = {k: v for k, v in {**good, **claims}.items() if v is not None}
    assert authorizer.verify(jwt.encode(payload, key, algorithm="HS256")) is None


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer ", "Basic dXNlcg==", "Bearer a.b.c"])
def test_a_missing_or_malformed_header_is_refused(authorizer: JwtAuthorizer, header: str | None) -> None:
    assert authorizer.verify(header) is None


def test_a_cognito_access_token_with_client_id_instead_of_aud_is_accepted(authorizer: JwtAuthorizer) -> None:
    token = authorizer.mint("cus_alice", aud=None, client_id="client-1")
    payload = jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_signature": False})
    payload.pop("aud")
    assert authorizer.verify(jwt.encode(payload, SECRET, algorithm="HS256")) is not None
