"""An authorization sweep generated from template.yaml, so a new route is covered the day it
is added: without a token every route is 401 except the ones the template leaves without
an authorizer (`Auth: Authorizer: NONE`: signed webhooks, survey links); every staff route
(`/v1/admin/...`) refuses a customer with 403; every customer route that names a resource
answers another customer 404. Bodies are valid (generated from the OpenAPI document), so
the refusal is the authorization's, not the validation's."""

from __future__ import annotations

import re
import warnings
from functools import cache
from typing import Any

import pytest

from infra.template import Stack
from tests.e2e.conftest import LocalStackProcess
from tests.support.environment import PARAMETERS

_PARAM = re.compile(r"\{(\w+)\}")


def _routes() -> list[tuple[str, str, bool]]:
    stack = Stack(parameters=PARAMETERS)
    return [
        (method, path, (props.get("Auth") or {}).get("Authorizer") == "NONE")
        for _, method, path, props in stack.http_routes()
    ]


ROUTES = _routes()
PROTECTED = [(m, p) for m, p, public in ROUTES if not public]
STAFF_ROUTES = [(m, p) for m, p in PROTECTED if p.startswith("/v1/admin/")]
CUSTOMER_ROUTES_WITH_IDS = [
    (m, p) for m, p in PROTECTED if not p.startswith("/v1/admin/") and _PARAM.search(p)
]


def _id(route: tuple[str, str]) -> str:
    return f"{route[0]} {route[1]}"


@cache
def _document(base_url: str) -> Any:
    import requests
    import schemathesis

    return schemathesis.openapi.from_dict(requests.get(f"{base_url}/_local/openapi.json", timeout=30).json())


def requests_for(
    stack: LocalStackProcess, method: str, path: str, ids: dict[str, str], count: int
) -> list[Any]:
    """`count` requests the route's schema accepts (query and body generated from the
    OpenAPI document), aimed at the resources in `ids`."""
    from schemathesis.core import NOT_SET

    operation = _document(stack.base_url)[path][method]
    params = {name: ids[name] for name in _PARAM.findall(path)}
    strategy = operation.as_strategy(path_parameters=params)
    cases = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(count):
            case = strategy.example()
            body = None if case.body is NOT_SET else case.body
            cases.append({"params": dict(case.query or {}), "json_body": body})
    return cases


def refused(
    stack: LocalStackProcess, route: tuple[str, str], ids: dict[str, str], caller: Any, expect: int
) -> None:
    """Some generated bodies break a cross-field rule the schema cannot state (the model's
    validators answer 400 before any role or owner check): none may ever succeed, and the
    refusal `expect` is seen once a body passes validation."""
    method, path = route
    seen = []
    for request in requests_for(stack, method, path, ids, ATTEMPTS):
        reply = stack.request(method, fill(path, ids), as_=caller, **request)
        seen.append((reply.status_code, reply.text[:200]))
        assert reply.status_code >= 400, seen
        if reply.status_code == expect:
            return
        assert reply.status_code == 400, seen
    raise AssertionError(f"never refused with {expect}: {seen}")


ATTEMPTS = 8


def fill(path: str, ids: dict[str, str]) -> str:
    return _PARAM.sub(lambda m: ids[m.group(1)], path)


def test_the_sweep_covers_every_route_of_the_template() -> None:
    assert len(ROUTES) == len(PROTECTED) + sum(1 for *_, public in ROUTES if public)
    assert STAFF_ROUTES and CUSTOMER_ROUTES_WITH_IDS
    publics = {p for _, p, public in ROUTES if public}
    assert publics <= {
        "/v1/payments/events",
        "/v1/payments/stripe/events",  # Stripe-Signature
        "/v1/payments/alipay/notify",  # RSA2-signed by Alipay
        "/v1/logistics/events/{carrier}",
        "/v1/surveys/{surveyId}",
        "/v1/surveys/{surveyId}/responses",
    }, publics


@pytest.mark.parametrize("route", PROTECTED, ids=_id)
def test_no_token_is_401(
    local_stack: LocalStackProcess, owned: dict[str, str], route: tuple[str, str]
) -> None:
    method, path = route
    for request in requests_for(local_stack, method, path, owned, 2):
        reply = local_stack.request(method, fill(path, owned), **request)
        assert reply.status_code == 401, reply.text


@pytest.mark.parametrize("route", STAFF_ROUTES, ids=_id)
def test_a_customer_on_a_staff_route_is_403(
    local_stack: LocalStackProcess, owned: dict[str, str], route: tuple[str, str]
) -> None:
    refused(local_stack, route, owned, ("cus_rel_alice", "customer"), 403)


@pytest.mark.parametrize("route", CUSTOMER_ROUTES_WITH_IDS, ids=_id)
def test_another_customers_resource_is_404(
    local_stack: LocalStackProcess, owned: dict[str, str], route: tuple[str, str]
) -> None:
    refused(local_stack, route, owned, ("cus_rel_mallory", "customer"), 404)


def test_opening_a_case_on_another_customers_order_is_404(
    local_stack: LocalStackProcess, owned: dict[str, str]
) -> None:
    body = {
        "orderId": owned["orderId"],
        "type": "RETURN_REFUND",
        "reason": "NO_REASON",
        "items": [{"sku": "KTL-1", "quantity": 1}],
    }
    reply = local_stack.post("/v1/after-sales", as_=("cus_rel_mallory", "customer"), json_body=body)
    assert reply.status_code == 404, reply.text
