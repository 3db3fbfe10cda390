"""The OpenAPI document the service generates agrees with API.md."""

from __future__ import annotations

from typing import Any

import pytest

from infra.openapi import document
from tests.support import api_md
from tests.support.environment import new_stack

# Routes API.md promises that later issues deliver. This list only shrinks: the test
# below fails if a route listed here is already served, so it cannot go stale.
NOT_YET_BUILT: set[tuple[str, str]] = set()
# Served beyond API.md's minimum, on purpose.
EXTENSIONS: set[tuple[str, str]] = {
    ("GET", "/v1/admin/agents"),  # tickets: the service team with skills and load
    ("GET", "/v1/me/surveys/{surveyId}"),  # surveys: the owner's JWT path (the API.md route is token-only)
    ("POST", "/v1/me/surveys/{surveyId}/responses"),  # surveys: the owner's JWT path
    ("GET", "/v1/admin/customers/{customerId}/history"),  # profiles: after-sales history for staff
    ("POST", "/v1/payments/stripe/events"),  # payments: Stripe's own webhook (issue 14)
    ("POST", "/v1/payments/alipay/notify"),  # payments: Alipay's asynchronous notifications
    ("POST", "/v1/admin/refunds/{refundId}/retry-payout"),  # refunds: settling a manual review
    ("POST", "/v1/admin/refunds/{refundId}/refunded-outside"),
}

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
    assert len(PROMISED) >= 54  # 44 table rows, 10 more named as `· /sibling`


def test_every_promised_route_is_served_or_still_pending(doc: dict[str, Any]) -> None:
    missing = set(PROMISED) - served(doc) - NOT_YET_BUILT
    assert not missing, f"API.md promises routes the service does not document: {sorted(missing)}"


def test_the_pending_list_only_names_routes_not_yet_served(doc: dict[str, Any]) -> None:
    stale = NOT_YET_BUILT & served(doc)
    assert not stale, f"remove from NOT_YET_BUILT, they are served now: {sorted(stale)}"
    assert set(PROMISED) >= NOT_YET_BUILT


def test_nothing_is_served_that_api_md_does_not_promise(doc: dict[str, Any]) -> None:
    assert served(doc) - set(PROMISED) - EXTENSIONS == set()


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
