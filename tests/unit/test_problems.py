"""Errors are domain exceptions; the HTTP edge alone knows their status (aftercare.problems)."""

from __future__ import annotations

import inspect
import json

import pytest

from aftercare import errors, problems
from aftercare.errors import BadRequest, BusinessRuleViolation, Conflict, DomainError, NotFound
from aftercare.logistics.service import UnknownShipment

ERROR_CLASSES = [
    cls
    for _, cls in inspect.getmembers(errors, inspect.isclass)
    if issubclass(cls, BaseException) and cls.__module__ == errors.__name__
]
EDGE_CLASSES = [problems.PayloadTooLarge, problems.UnsupportedMediaType]


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_no_domain_error_knows_an_http_status(cls: type[DomainError]) -> None:
    assert issubclass(cls, DomainError)
    for attribute in ("status", "title", "slug", "to_problem"):
        assert not hasattr(cls, attribute), f"{cls.__name__}.{attribute}"


@pytest.mark.parametrize("cls", ERROR_CLASSES + EDGE_CLASSES, ids=lambda cls: cls.__name__)
def test_the_edge_maps_every_error_class_itself(cls: type[DomainError]) -> None:
    assert cls in problems.KINDS


@pytest.mark.parametrize(
    ("error", "status", "title", "slug"),
    [
        (errors.BadRequest("x"), 400, "Bad request", "bad-request"),
        (errors.Unauthorized("x"), 401, "Unauthorized", "unauthorized"),
        (errors.Forbidden("x"), 403, "Forbidden", "forbidden"),
        (errors.NotFound("x"), 404, "Not found", "not-found"),
        (errors.Conflict("x"), 409, "Conflict", "conflict"),
        (problems.PayloadTooLarge("x"), 413, "Payload too large", "payload-too-large"),
        (problems.UnsupportedMediaType("x"), 415, "Unsupported media type", "unsupported-media-type"),
        (errors.BusinessRuleViolation("x"), 422, "Business rule violated", "business-rule"),
        (errors.TooManyRequests("x"), 429, "Too many requests", "throttled"),
        (errors.DomainError("x"), 500, "Internal error", "internal"),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else None,
)
def test_each_class_answers_with_its_status_title_and_type(
    error: DomainError, status: int, title: str, slug: str
) -> None:
    assert problems.problem_of(error) == {
        "type": f"urn:aftercare:problem:{slug}",
        "title": title,
        "status": status,
        "detail": "x",
    }
    assert problems.status_of(error) == status


def test_a_domains_own_error_answers_as_the_family_it_belongs_to() -> None:
    class Stale(Conflict):
        pass

    assert problems.status_of(Stale("moved on")) == 409
    assert problems.status_of(UnknownShipment("no shipment for sf#1")) == 422
    assert isinstance(UnknownShipment("x"), BusinessRuleViolation)


def test_field_errors_are_listed_and_left_out_when_there_are_none() -> None:
    fields = [{"field": "amount", "message": "must be positive"}]
    assert problems.problem_of(BadRequest("invalid", errors=fields))["errors"] == fields
    assert "errors" not in problems.problem_of(NotFound("no such order"))


def test_an_early_refusal_is_a_compact_problem_json_response() -> None:
    response = problems.problem_event(NotFound("no such survey"))
    assert response == {
        "statusCode": 404,
        "headers": {"Content-Type": "application/problem+json"},
        "body": '{"type":"urn:aftercare:problem:not-found","title":"Not found","status":404,'
        '"detail":"no such survey"}',
        "isBase64Encoded": False,
    }
    assert json.loads(response["body"]) == problems.problem_of(NotFound("no such survey"))
