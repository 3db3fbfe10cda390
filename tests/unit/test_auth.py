from __future__ import annotations

import pytest

from aftercare.auth import Principal, parse_roles, principal_from_claims, require_owner_or_staff
from aftercare.errors import Forbidden, NotFound, Unauthorized


@pytest.mark.parametrize(
    ("claim", "roles"),
    [
        (["customer"], {"customer"}),
        ("[agent supervisor]", {"agent", "supervisor"}),  # how HTTP API passes a JWT array claim
        ('["agent","warehouse"]', {"agent", "warehouse"}),
        ("agent,supervisor", {"agent", "supervisor"}),
        ("customer", {"customer"}),
        ("[admin root]", set()),  # unknown roles grant nothing
        (None, set()),
        ("", set()),
    ],
)
def test_roles_are_read_from_every_shape_the_authorizer_produces(claim: object, roles: set[str]) -> None:
    assert parse_roles(claim) == roles


def test_cognito_groups_count_as_roles() -> None:
    principal = principal_from_claims({"sub": "u1", "cognito:groups": "[supervisor]"})
    assert principal.roles == {"supervisor"}
    assert principal.is_staff


@pytest.mark.parametrize("claims", [None, {}, {"roles": "[customer]"}, {"sub": ""}])
def test_no_subject_is_unauthorized(claims: dict[str, str] | None) -> None:
    with pytest.raises(Unauthorized):
        principal_from_claims(claims)


@pytest.mark.parametrize(
    ("principal", "owner", "outcome"),
    [
        (Principal("cus_a", frozenset({"customer"})), "cus_a", None),
        (Principal("cus_b", frozenset({"customer"})), "cus_a", NotFound),
        (Principal("staff", frozenset({"agent"})), "cus_a", None),
        (Principal("nobody", frozenset()), "cus_a", Forbidden),
    ],
)
def test_owner_or_staff(principal: Principal, owner: str, outcome: type[Exception] | None) -> None:
    if outcome is None:
        require_owner_or_staff(principal, owner, "order")
    else:
        with pytest.raises(outcome):
            require_owner_or_staff(principal, owner, "order")
