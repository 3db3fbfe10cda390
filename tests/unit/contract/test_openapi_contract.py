"""The OpenAPI document the service generates agrees with the project's API reference:
docs/api.md (the route tables) and docs/openapi.json (the committed document)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from infra.openapi import document
from tests.support import api_md
from tests.support.environment import new_stack

# Routes docs/api.md promises that are still being built. This list only shrinks: the test
# below fails if a route listed here is already served, so it cannot go stale.
NOT_YET_BUILT: set[tuple[str, str]] = set()

PROMISED = api_md.operations()


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return document(new_stack())


def served(doc: dict[str, Any]) -> set[tuple[str, str]]:
    return {(method.upper(), path) for path, ops in doc["paths"].items() for method in ops}


def test_api_md_is_read_whole() -> None:
    assert ("POST", "/v1/orders") in PROMISED
    assert ("POST", "/v1/admin/orders/{orderId}/ship") in PROMISED
    assert ("POST", "/v1/admin/orders/{orderId}/exception/resolve") in PROMISED
    assert ("GET", "/v1/faq") in PROMISED
    assert len(PROMISED) >= 58


def test_every_promised_route_is_served_or_still_pending(doc: dict[str, Any]) -> None:
    missing = set(PROMISED) - served(doc) - NOT_YET_BUILT
    assert not missing, f"docs/api.md promises routes the service does not document: {sorted(missing)}"


def test_the_pending_list_only_names_routes_not_yet_served(doc: dict[str, Any]) -> None:
    stale = NOT_YET_BUILT & served(doc)
    assert not stale, f"remove from NOT_YET_BUILT, they are served now: {sorted(stale)}"
    assert set(PROMISED) >= NOT_YET_BUILT


def test_nothing_is_served_that_api_md_does_not_promise(doc: dict[str, Any]) -> None:
    assert served(doc) - set(PROMISED) == set(), "document the route in docs/api.md"


def test_the_committed_openapi_document_is_the_one_served(doc: dict[str, Any]) -> None:
    committed = json.loads(api_md.OPENAPI_JSON.read_text(encoding="utf-8"))
    assert committed == doc, "docs/openapi.json is stale: run `make openapi`"


def test_documented_success_statuses_match(doc: dict[str, Any]) -> None:
    for (method, path), status in PROMISED.items():
        if status is None or (method, path) not in served(doc):
            continue
        responses = doc["paths"][path][method.lower()]["responses"]
        assert str(status) in responses, f"{method} {path} should document {status}"


def test_every_route_documents_problem_errors(doc: dict[str, Any]) -> None:
    for path, ops in doc["paths"].items():
        for method, operation in ops.items():
            for status in ("400", "401", "404"):
                content = operation["responses"][status]["content"]
                assert "application/problem+json" in content, f"{method} {path} {status}"


def test_template_routes_and_document_agree() -> None:
    stack = new_stack()
    template_routes = {(method, path) for _, method, path, _ in stack.http_routes()}
    assert template_routes == served(document(stack))
