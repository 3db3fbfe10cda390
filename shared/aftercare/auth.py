"""Who is calling: the principal the HTTP API's JWT authorizer vouched for."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from aftercare.errors import Forbidden, NotFound, Unauthorized

CUSTOMER = "customer"
AGENT = "agent"
WAREHOUSE = "warehouse"
SUPERVISOR = "supervisor"
STAFF_ROLES = frozenset({AGENT, WAREHOUSE, SUPERVISOR})
KNOWN_ROLES = STAFF_ROLES | {CUSTOMER}


@dataclass(frozen=True)
class Principal:
    sub: str
    roles: frozenset[str]

    @property
    def is_staff(self) -> bool:
        return bool(self.roles & STAFF_ROLES)

    def has_any(self, roles: Iterable[str]) -> bool:
        return bool(self.roles & frozenset(roles))


def parse_roles(value: Any) -> frozenset[str]:
    """Roles arrive as a list (tests, Lambda authorizers) or as the string HTTP API makes of a
    JWT array claim: `[agent supervisor]`; comma- or space-separated strings are accepted too."""
    if value is None:
        return frozenset()
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("[") and '"' in text:
            try:
                value = json.loads(text)
            except ValueError:
                value = text.strip("[]").replace(",", " ").split()
        else:
            value = text.strip("[]").replace(",", " ").split()
    return frozenset(str(role).strip().lower() for role in value if str(role).strip()) & KNOWN_ROLES


def principal_from_claims(claims: Mapping[str, Any] | None) -> Principal:
    if not claims or not claims.get("sub"):
        raise Unauthorized("a valid bearer token is required")
    roles = parse_roles(claims.get("roles")) | parse_roles(claims.get("cognito:groups"))
    return Principal(sub=str(claims["sub"]), roles=roles)


def require_role(principal: Principal, *roles: str) -> None:
    if not principal.has_any(roles):
        raise Forbidden(f"this action needs one of the roles: {', '.join(sorted(roles))}")


def require_owner_or_staff(principal: Principal, owner_id: str, what: str) -> None:
    """Another customer's resource is reported as missing, never as forbidden."""
    if principal.is_staff:
        return
    if CUSTOMER not in principal.roles:
        raise Forbidden("this action needs the customer role or a staff role")
    if principal.sub != owner_id:
        raise NotFound(f"{what} not found")


def require_owner(principal: Principal, owner_id: str, what: str) -> None:
    require_role(principal, CUSTOMER)
    if principal.sub != owner_id:
        raise NotFound(f"{what} not found")
