"""The one place an error becomes an HTTP answer: class → (status, title, slug), and its
RFC 9457 problem+json body.

Domain errors (aftercare.errors) carry no status; every edge that answers a caller (the
resolver in aftercare.http, a handler's own early refusal) renders them here. The two
refusals only the HTTP edge makes, about the request's bytes rather than its meaning, are
defined here too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aftercare.errors import (
    BadRequest,
    BusinessRuleViolation,
    Conflict,
    DomainError,
    Forbidden,
    NotFound,
    TooManyRequests,
    Unauthorized,
)

PROBLEM_JSON = "application/problem+json"


class PayloadTooLarge(DomainError):
    """The body is larger than the API takes."""


class UnsupportedMediaType(DomainError):
    """The body comes in a media type the route does not take."""


@dataclass(frozen=True)
class Kind:
    status: int
    title: str
    slug: str


INTERNAL = Kind(500, "Internal error", "internal")

KINDS: dict[type[DomainError], Kind] = {
    DomainError: INTERNAL,
    BadRequest: Kind(400, "Bad request", "bad-request"),
    Unauthorized: Kind(401, "Unauthorized", "unauthorized"),
    Forbidden: Kind(403, "Forbidden", "forbidden"),
    NotFound: Kind(404, "Not found", "not-found"),
    Conflict: Kind(409, "Conflict", "conflict"),
    PayloadTooLarge: Kind(413, "Payload too large", "payload-too-large"),
    UnsupportedMediaType: Kind(415, "Unsupported media type", "unsupported-media-type"),
    BusinessRuleViolation: Kind(422, "Business rule violated", "business-rule"),
    TooManyRequests: Kind(429, "Too many requests", "throttled"),
}


def kind_of(error: DomainError) -> Kind:
    """The kind of the nearest mapped class: a domain's own subclass (logistics'
    UnknownShipment is a BusinessRuleViolation) answers as the family it belongs to."""
    for cls in type(error).__mro__:
        kind = KINDS.get(cls)
        if kind is not None:
            return kind
    return INTERNAL


def status_of(error: DomainError) -> int:
    return kind_of(error).status


def problem_of(error: DomainError) -> dict[str, Any]:
    kind = kind_of(error)
    problem: dict[str, Any] = {
        "type": f"urn:aftercare:problem:{kind.slug}",
        "title": kind.title,
        "status": kind.status,
        "detail": error.detail,
    }
    if error.errors:
        problem["errors"] = error.errors
    return problem


def dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))


def problem_event(error: DomainError) -> dict[str, Any]:
    """The API Gateway (HTTP API 2.0) response for a refusal made before a resolver runs."""
    return {
        "statusCode": status_of(error),
        "headers": {"Content-Type": PROBLEM_JSON},
        "body": dumps(problem_of(error)),
        "isBase64Encoded": False,
    }
