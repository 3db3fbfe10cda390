"""One error family for every refusal a domain (or the kernel) makes.

These are plain domain exceptions: what went wrong, in the domain's words (`detail`, and
per-field `errors` where the input was at fault). They know nothing of HTTP; the edge that
answers a caller maps each class to a status and renders it (aftercare.problems).
"""

from __future__ import annotations


class DomainError(Exception):
    """A refusal with a reason the caller may read. Raised as itself, it is a failure of
    ours (the edge answers 500); a subclass says whose fault it is."""

    def __init__(self, detail: str, *, errors: list[dict[str, str]] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or []


class BadRequest(DomainError):
    """The input is malformed or invalid (`errors` names each bad field)."""


class Unauthorized(DomainError):
    """The caller could not be identified: no, expired or bad credentials or signature."""


class Forbidden(DomainError):
    """The caller is known but their roles do not allow the action."""


class NotFound(DomainError):
    """No such resource, or not the caller's (another customer's resource is never Forbidden)."""


class Conflict(DomainError):
    """The resource changed or is in a state that does not allow this change now."""


class BusinessRuleViolation(DomainError):
    """The request is well formed but a business rule refuses it."""


class TooManyRequests(DomainError):
    """The caller asked too often; they may try again later."""
