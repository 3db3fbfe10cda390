"""Every HTTP route in the template has a sample event in events/<function>/<EventName>.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from infra.template import ROOT, Stack
from tests.support.environment import new_stack

STACK: Stack = new_stack()
ROUTES = [
    (Path(function.code_uri).name, name, event["Properties"])
    for function in STACK.functions()
    for name, event in function.events.items()
    if event.get("Type") == "HttpApi"
]


@pytest.mark.parametrize(("function", "name", "route"), ROUTES, ids=[f"{f}/{n}" for f, n, _ in ROUTES])
def test_every_http_route_has_a_sample_with_its_route_key(
    function: str, name: str, route: dict[str, str]
) -> None:
    path = ROOT / "events" / function / f"{name}.json"
    assert path.exists(), f"add a sample event {path.relative_to(ROOT)}"
    event = json.loads(path.read_text())
    assert event["version"] == "2.0"
    assert event["routeKey"] == f"{route['Method'].upper()} {route['Path']}"
    assert event["requestContext"]["http"]["method"] == route["Method"].upper()
