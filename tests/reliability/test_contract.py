"""A contract test of the whole API with schemathesis: every operation of the OpenAPI
document the local stack serves (merged from the resolvers, problem+json errors included),
a few generated requests each — aimed at generated ids and at a customer's real ones, with
a token of the role the route is for — and every answer must be no 5xx, a documented status,
a documented content type, and a body that conforms to the documented schema."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from infra.template import Stack
from tests.e2e.conftest import LocalStackProcess
from tests.reliability.conftest import OWNER, STAFF
from tests.support.environment import PARAMETERS

EXAMPLES = 6
_PARAM = re.compile(r"\{(\w+)\}")
ROUTES = [
    (method, path, (props.get("Auth") or {}).get("Authorizer") == "NONE")
    for _, method, path, props in Stack(parameters=PARAMETERS).http_routes()
]


@cache
def _document(base_url: str) -> Any:
    import requests
    import schemathesis

    return schemathesis.openapi.from_dict(requests.get(f"{base_url}/_local/openapi.json", timeout=30).json())


# Every schemathesis check runs, on every operation, except where a reason stands beside it.
EXCLUDED: dict[str, str] = {
    # Stateful checks need a run that links operations (schemathesis' stateful phase); this
    # test calls one operation at a time, and tests/reliability/test_authorization.py sweeps
    # every route for 401/403/404 with real ids of another customer.
    "use_after_free": "needs linked operations (stateful phase)",
    "ensure_resource_availability": "needs linked operations (stateful phase)",
    "object_level_authorization": "needs two callers' linked resources; test_authorization.py does it",
}
# Operations where a schema-valid request is rightly refused, for reasons OpenAPI cannot say.
POSITIVE_EXCLUDED: dict[tuple[str, str], str] = {
    ("POST", "/v1/payments/events"): "the body must carry a valid HMAC signature of itself",
    ("POST", "/v1/logistics/events/{carrier}"): "the body must carry a valid HMAC signature of itself",
    ("GET", "/v1/surveys/{surveyId}"): "the token must be our signature over this survey",
    ("POST", "/v1/surveys/{surveyId}/responses"): "the token must be our signature over this survey",
    ("GET", "/v1/admin/analytics/kpis"): "from must be on or before to, at most 366 days apart",
    ("GET", "/v1/admin/analytics/products"): "from must be on or before to, at most 366 days apart",
    ("GET", "/v1/admin/analytics/live-sessions"): "from must be on or before to, at most 366 days apart",
    ("GET", "/v1/admin/analytics/topics"): "from must be on or before to, at most 366 days apart",
    ("POST", "/v1/admin/customers/{customerId}/coupons"): "exactly one of catalogId and discount",
}
# A cursor is our signature over a position: a generated one that matches its pattern is
# still forged, and rightly refused (400). Generated cases leave it out; the rest of each
# list operation's parameters are still held to every check.
UNFORGEABLE_QUERY = {"cursor"}
# A time zone is any IANA zone name of the tz database the runtime has; the list changes with
# each tz release and with the machine, so the document cannot enumerate it. A generated one
# is replaced by a real zone; an invalid one is still refused (unit tests of the rule).
REAL_TIME_ZONE = "Asia/Shanghai"


def _one_line_per_sku(body: dict[str, Any]) -> dict[str, Any]:
    """Items name each sku once (use quantity): JSON Schema cannot say "unique by sku", so a
    generated list keeps the first line of each sku and the rest is still checked."""
    items = body.get("items")
    if not isinstance(items, list):
        return body
    seen: set[Any] = set()
    kept = []
    for item in items:
        sku = item.get("sku") if isinstance(item, dict) else None
        if sku in seen:
            continue
        seen.add(sku)
        kept.append(item)
    return {**body, "items": kept}


def _checks(method: str, path: str, operation: Any) -> tuple[list[Any], list[Any]]:
    from schemathesis.checks import CHECKS

    everything = CHECKS.get_all()
    excluded = [check for check in everything if check.__name__ in EXCLUDED]
    if (method.upper(), path) in POSITIVE_EXCLUDED:
        excluded += [check for check in everything if check.__name__ == "positive_data_acceptance"]
    return everything, excluded


def test_the_document_has_every_route_of_the_template(local_stack: LocalStackProcess) -> None:
    document = _document(local_stack.base_url)
    for method, path, _ in ROUTES:
        assert document[path][method] is not None


@pytest.mark.parametrize("caller", [OWNER, STAFF], ids=["customer", "staff"])
@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r[0]} {r[1]}")
def test_every_answer_conforms_to_the_document(
    local_stack: LocalStackProcess,
    owned: dict[str, str],
    route: tuple[str, str, bool],
    caller: tuple[str, str],
) -> None:
    """With a customer's token and with a staff token: a route for the other kind of caller
    must refuse as documented (403 or 404), never break."""
    method, path, public = route
    operation = _document(local_stack.base_url)[path][method]
    # Spelled as the security scheme names it, so ignored_auth replaces it rather than adds one.
    headers = {} if public else {"Authorization": local_stack.auth(*caller)["authorization"]}
    real_ids = {name: owned[name] for name in _PARAM.findall(path)}
    strategy = st.one_of(operation.as_strategy(), operation.as_strategy(path_parameters=real_ids))
    checks, excluded = _checks(method, path, operation)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
    )
    @given(case=strategy)
    def answers(case: Any) -> None:
        if case.query:
            case.query = {k: v for k, v in case.query.items() if k not in UNFORGEABLE_QUERY}
        if isinstance(case.body, dict) and "timeZone" in case.body:
            case.body = {**case.body, "timeZone": REAL_TIME_ZONE}
        if isinstance(case.body, dict):
            case.body = _one_line_per_sku(case.body)
        # The token goes on the case, so ignored_auth can take it away and expect a 401.
        case.headers = {**(case.headers or {}), **headers}
        case.call_and_validate(base_url=local_stack.base_url, checks=checks, excluded_checks=excluded)

    answers()
