"""The HTTP API's JWT authorizer, emulated: HS256 tokens signed with a local secret.

On AWS the authorizer checks a Cognito token against the issuer and audience the template
configures; locally the same issuer and audience are minted into and checked on tokens
signed with `AFTERCARE_LOCAL_JWT_SECRET`. Expiry is read against the local clock, so a
token minted after `POST /_local/clock` is valid in the moved time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import jwt

DEFAULT_SECRET = "aftercare-local-jwt-secret-for-development-only"
DEFAULT_TTL_SECONDS = 24 * 3600


@dataclass(frozen=True)
class JwtAuthorizer:
    secret: str
    issuer: str
    audience: tuple[str, ...]
    now: Callable[[], datetime]

    def mint(
        self, sub: str, roles: Iterable[str] = (), *, ttl_seconds: int = DEFAULT_TTL_SECONDS, **claims: Any
    ) -> str:
        issued = int(self.now().timestamp())
        payload = {
            "sub": sub,
            "roles": [role for role in roles if role],
            "iss": self.issuer,
            "aud": self.audience[0] if self.audience else "aftercare-local",
            "token_use": "access",
            "iat": issued,
            "exp": issued + ttl_seconds,
            **claims,
        }
        return jwt.encode(payload, self.secret, algorithm="HS256")

    def verify(self, authorization: str | None) -> dict[str, Any] | None:
        """The claims of a valid `Authorization` header value, or None (→ 401)."""
        if not authorization:
            return None
        token = authorization.strip()
        if token[:7].lower() == "bearer ":
            token = token[7:].strip()
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                self.secret,
                algorithms=["HS256"],
                issuer=self.issuer,
                # Times are checked below against the local clock, not the system's.
                options={
                    "verify_exp": False,
                    "verify_iat": False,
                    "verify_nbf": False,
                    "verify_aud": False,
                    "require": ["sub", "exp", "iss"],
                },
            )
        except jwt.PyJWTError:
            return None
        now = self.now().timestamp()
        if float(claims["exp"]) <= now or float(claims.get("nbf", now)) > now:
            return None
        audience = claims.get("aud", claims.get("client_id"))
        audiences = audience if isinstance(audience, list) else [audience]
        if self.audience and not set(self.audience) & set(audiences):
            return None
        return claims
