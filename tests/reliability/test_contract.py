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


def _checks() -> list[Any]:
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    return [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ]


def test_the_document_has_every_route_of_the_template(local_stack: LocalStackProcess) -> None:
    document = _document(local_stack.base_url)
    for method, path, _ in ROUTES:
        assert document[path][method] is not None


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r[0]} {r[1]}")
def test_every_answer_conforms_to_the_document(
    local_stack: LocalStackProcess, owned: dict[str, str], route: tuple[str, str, bool]
) -> None:
    method, path, public = route
    operation = _document(local_stack.base_url)[path][method]
    caller = STAFF if path.startswith("/v1/admin/") else OWNER
    headers = {} if public else local_stack.auth(*caller)
    real_ids = {name: owned[name] for name in _PARAM.findall(path)}
    strategy = st.one_of(operation.as_strategy(), operation.as_strategy(path_parameters=real_ids))
    checks = _checks()

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
        case.call_and_validate(base_url=local_stack.base_url, headers=headers, checks=checks)

    answers()
