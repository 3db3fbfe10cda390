"""The samples in events/ and the event the local gateway builds have the same shape."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from infra.local.http_events import build_http_event, parse_http_response
from infra.local.routing import Router
from infra.template import ROOT
from tests.support.environment import new_stack

SAMPLES = sorted((ROOT / "events").glob("*/*.json"))
HTTP_SAMPLES = [path for path in SAMPLES if json.loads(path.read_text()).get("version") == "2.0"]
ROUTER = Router(new_stack())


def shape(value: Any, path: str = "") -> set[str]:
    """Every key path of a JSON value, with the type found there."""
    if isinstance(value, dict):
        found = {f"{path}{{}}"}
        for key, item in value.items():
            found |= shape(item, f"{path}.{key}")
        return found
    if isinstance(value, list):
        return {f"{path}[]"}
    return {f"{path}:{type(value).__name__}"}


def rebuilt(sample: dict[str, Any]) -> dict[str, Any]:
    http = sample["requestContext"]["http"]
    matched = ROUTER.match(http["method"], sample["rawPath"])
    assert matched is not None, f"{sample['routeKey']} is not a route of template.yaml"
    route, params = matched
    claims = ((sample["requestContext"].get("authorizer") or {}).get("jwt") or {}).get("claims")
    body = sample.get("body")
    headers = list(sample["headers"].items())
    if sample.get("cookies"):
        headers.append(("cookie", "; ".join(sample["cookies"])))
    return build_http_event(
        method=http["method"],
        path=sample["rawPath"],
        route_key=route.route_key,
        path_parameters=params,
        query_string=sample["rawQueryString"],
        headers=headers,
        body=body.encode() if body is not None else None,
        claims=claims,
        source_ip=http["sourceIp"],
        request_id=sample["requestContext"]["requestId"],
    )


def test_there_are_samples_to_compare() -> None:
    assert HTTP_SAMPLES


@pytest.mark.parametrize("path", SAMPLES, ids=[str(p.relative_to(ROOT / "events")) for p in SAMPLES])
def test_every_sample_event_is_a_json_object(path: Path) -> None:
    assert isinstance(json.loads(path.read_text()), dict), path


@pytest.mark.parametrize(
    "path", HTTP_SAMPLES, ids=[str(p.relative_to(ROOT / "events")) for p in HTTP_SAMPLES]
)
def test_the_gateway_builds_the_same_event_as_the_sample(path: Path) -> None:
    sample = json.loads(path.read_text())

    event = rebuilt(sample)

    assert shape(event) == shape(sample)
    for key in ("version", "routeKey", "rawPath", "rawQueryString", "headers", "isBase64Encoded"):
        assert event[key] == sample[key], key
    assert event.get("pathParameters") == sample.get("pathParameters")
    assert event.get("queryStringParameters") == sample.get("queryStringParameters")
    assert event.get("body") == sample.get("body")
    assert event["requestContext"]["routeKey"] == sample["requestContext"]["routeKey"]


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        ({"statusCode": 204}, (204, {}, [], b"")),
        (
            {"statusCode": 200, "headers": {"a": "1"}, "multiValueHeaders": {"b": ["x", "y"]}, "body": "hi"},
            (200, {"a": "1", "b": "x,y"}, [], b"hi"),
        ),
        (
            {"statusCode": 200, "body": "aGk=", "isBase64Encoded": True, "cookies": ["c=1"]},
            (200, {}, ["c=1"], b"hi"),
        ),
        ({"ok": True}, (200, {"content-type": "application/json"}, [], b'{"ok": true}')),
        ("text", (200, {"content-type": "application/json"}, [], b"text")),
    ],
)
def test_a_function_result_is_read_as_api_gateway_reads_payload_2(result: Any, expected: Any) -> None:
    assert parse_http_response(result) == expected
