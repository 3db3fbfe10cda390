"""What every HTTP function shares: the resolver, problem+json errors, the caller, the handler.

Errors are rendered by aftercare.problems, the one mapping from error class to HTTP status.

A function module builds its routes on `create_app()` and exports `lambda_handler =
http_handler(app)`; everything else here is the same for every domain.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response
from aws_lambda_powertools.event_handler.middlewares.openapi_validation import (
    OpenAPIRequestValidationMiddleware,
)
from aws_lambda_powertools.event_handler.openapi.exceptions import (
    RequestUnsupportedContentType,
    RequestValidationError,
)
from aws_lambda_powertools.logging import correlation_paths
from pydantic import BaseModel, ValidationError

from aftercare import snapstart
from aftercare.auth import Principal, principal_from_claims, require_role
from aftercare.errors import BadRequest, Conflict, DomainError, NotFound
from aftercare.observability import logger, metrics, tracer
from aftercare.problems import (
    PROBLEM_JSON,
    PayloadTooLarge,
    UnsupportedMediaType,
    dumps,
    problem_event,
    problem_of,
    status_of,
)
from aftercare.settings import get_settings

IDEMPOTENCY_HEADER = "idempotency-key"
# Cold start: importing Powertools' idempotency package imports its DynamoDB persistence layer
# and with it boto3, which no handler otherwise loads at import (pynamodb needs only botocore).
# Only a request with an Idempotency-Key needs the package (aftercare.idempotency imports it
# then), so its two errors are recognised by class name and module instead of imported here.
_IDEMPOTENCY_ERRORS = "aws_lambda_powertools.utilities.idempotency.exceptions"


def problem_response(error: DomainError) -> Response:
    # Powertools only serialises bodies it knows are JSON; problem+json is serialised here.
    return Response(status_code=status_of(error), content_type=PROBLEM_JSON, body=dumps(problem_of(error)))


def _field_of(location: tuple[Any, ...] | list[Any]) -> str:
    parts = list(location)
    if parts and parts[0] in {"body", "query", "path", "header", "cookie"}:
        parts = parts[1:]
    field = ""
    for part in parts:
        field += f"[{part}]" if isinstance(part, int) else (f".{part}" if field else str(part))
    return field or "body"


def validation_problem(error: RequestValidationError | ValidationError) -> BadRequest:
    errors = []
    for item in error.errors():
        if item.get("type") == "json_invalid":
            return BadRequest(
                "the body is not valid JSON", errors=[{"field": "body", "message": "malformed JSON"}]
            )
        errors.append({"field": _field_of(item.get("loc", ())), "message": str(item.get("msg", "invalid"))})
    return BadRequest("the request is not valid", errors=errors)


def _body_bytes(event: dict[str, Any]) -> bytes:
    body = event.get("body") or ""
    if event.get("isBase64Encoded"):
        try:
            return base64.b64decode(body)
        except ValueError as error:
            raise BadRequest("the body is not valid base64") from error
    return body.encode()


# ------------------------------------------------------------------ who may call a route
# Authorization comes before validation: a customer calling a staff route learns nothing
# about its body (403 whatever they send), and another customer's resource is a 404 whatever
# the body. Powertools validates the request in a middleware that always runs first, so the
# routes declare who may call them (`allow`, `owned_by`) and the validation step decides that
# before it reads the request.
_GUARD = "__aftercare_guard__"
RouteT = TypeVar("RouteT", bound=Callable[..., Any])
OwnerCheck = Callable[[Principal, dict[str, Any]], object]


@dataclass(frozen=True)
class Guard:
    roles: tuple[str, ...] = ()
    owner_check: OwnerCheck | None = None


def _guarded(function: RouteT, **change: Any) -> RouteT:
    setattr(function, _GUARD, replace(getattr(function, _GUARD, Guard()), **change))
    return function


def allow(*roles: str) -> Callable[[RouteT], RouteT]:
    """The roles that may call the route (403 for any other), decided before the request is
    validated. Put it directly above the route function, under `@app.<method>`."""
    return lambda function: _guarded(function, roles=roles)


def owned_by(check: OwnerCheck) -> Callable[[RouteT], RouteT]:
    """For a route on one of the caller's resources: `check(principal, path arguments)`
    raises NotFound when the resource is not theirs. It runs only when the request is
    invalid — a valid request's route loads the resource and checks the owner itself — so
    an invalid body sent to another customer's resource is a 404, never a 400."""
    return lambda function: _guarded(function, owner_check=check)


JSON = "application/json"


class _AuthorizeThenValidate(OpenAPIRequestValidationMiddleware):
    def __init__(self, accept: tuple[str, ...]) -> None:
        super().__init__()
        self.accept = accept

    def handler(self, app: Any, next_middleware: Any) -> Response:
        route = app.context.get("_route")
        guard: Guard = getattr(getattr(route, "func", None), _GUARD, None) or Guard()
        principal = current_principal(app) if guard.roles or guard.owner_check else None
        if guard.roles and principal is not None:
            require_role(principal, *guard.roles)
        try:
            self._check_body(app)
            return super().handler(app, next_middleware)
        except (RequestValidationError, BadRequest, UnsupportedMediaType):
            # Raised before the route ran: the request itself is refused. Whose resource it
            # names is decided first, so another customer's is a 404 whatever was sent.
            if guard.owner_check is not None and principal is not None:
                guard.owner_check(principal, dict(app.context.get("_route_args") or {}))
            raise

    def _check_body(self, app: Any) -> None:
        """A body in a media type the API does not take is a 415 (before Powertools tries to
        parse it: a multipart body without its boundary would crash the parser), and a JSON
        body must be an object (or null), as every request model is."""
        body = raw_body(app)
        if not body:
            return
        media = (app.current_event.headers.get("content-type") or "").split(";")[0].strip().lower()
        if not media:
            return
        is_json = media == JSON or (media.startswith("application/") and media.endswith("+json"))
        if not is_json and media not in self.accept:
            raise UnsupportedMediaType(f"send the body as {' or '.join(self.accept)}")
        if is_json and not body.lstrip().startswith(b"{"):
            # an object is parsed once, by Powertools; anything else is looked at here
            try:
                parsed = json.loads(body)
            except ValueError:
                return  # Powertools names it: malformed JSON
            if parsed is not None and not isinstance(parsed, dict):  # null: an optional body left out
                raise BadRequest(
                    "the body must be a JSON object", errors=[{"field": "body", "message": "not an object"}]
                )


def create_app(*, accept: tuple[str, ...] = (JSON,)) -> APIGatewayHttpResolver:
    """A resolver whose request bodies come in the `accept` media types (JSON by default)."""
    snapstart.register()  # the HTTP functions run with SnapStart on AWS
    app = APIGatewayHttpResolver(enable_validation=True)
    app._request_validation_middleware = _AuthorizeThenValidate(accept)

    @app.exception_handler(DomainError)
    def on_problem(error: DomainError) -> Response:
        if status_of(error) >= 500:
            logger.exception("request failed")
        return problem_response(error)

    @app.exception_handler(RequestValidationError)
    def on_invalid(error: RequestValidationError) -> Response:
        return problem_response(validation_problem(error))

    @app.exception_handler(RequestUnsupportedContentType)
    def on_media_type(_: Exception) -> Response:
        return problem_response(UnsupportedMediaType("send the body as application/json"))

    @app.not_found
    def on_no_route(_: Exception) -> Response:
        return problem_response(NotFound("no such resource"))

    @app.exception_handler(Exception)
    def on_crash(error: Exception) -> Response:
        refusal = idempotency_problem(error)
        if refusal is not None:
            return problem_response(refusal)
        logger.exception("unhandled error")
        metrics.add_metric(name="UnhandledErrors", unit="Count", value=1)
        return problem_response(DomainError("something went wrong on our side; the request can be retried"))

    return app


def idempotency_problem(error: Exception) -> DomainError | None:
    """The problem for Powertools' idempotency errors (see _IDEMPOTENCY_ERRORS): a request
    with this key still in progress is a 409, the key reused with another body a 400."""
    names = {kind.__name__ for kind in type(error).__mro__ if kind.__module__ == _IDEMPOTENCY_ERRORS}
    if "IdempotencyAlreadyInProgressError" in names:
        return Conflict("a request with this Idempotency-Key is still in progress")
    if "IdempotencyValidationError" in names:
        return BadRequest(
            "this Idempotency-Key was used with a different request",
            errors=[{"field": "Idempotency-Key", "message": "reused with a different body"}],
        )
    return None


def current_principal(app: APIGatewayHttpResolver) -> Principal:
    return principal_from_claims(_claims(app.current_event.raw_event))


def idempotency_key(app: APIGatewayHttpResolver) -> str | None:
    return app.current_event.headers.get(IDEMPOTENCY_HEADER)


def raw_body(app: APIGatewayHttpResolver) -> bytes:
    return _body_bytes(app.current_event.raw_event)


ModelT = TypeVar("ModelT", bound=BaseModel)


def parse_json(model: type[ModelT], body: bytes) -> ModelT:
    """Parse a raw body (a webhook's, read before its signature was checked) into `model`,
    refusing malformed or invalid input with a 400 that names each bad field."""
    try:
        return model.model_validate_json(body)
    except ValidationError as error:
        raise validation_problem(error) from error


def json_response(status: int, body: Any) -> Response:
    return Response(status_code=status, content_type="application/json", body=body)


def _early_refusal(event: dict[str, Any], *, authenticated: bool) -> DomainError | None:
    """Refusals that come before anything reads the body, as API Gateway's own would:
    Powertools validates the body before route code runs, and an anonymous caller must
    learn nothing about the body's shape."""
    limit = get_settings().max_body_bytes
    if len(_body_bytes(event)) > limit:
        return PayloadTooLarge(f"the body exceeds {limit} bytes")
    if authenticated:
        try:
            principal_from_claims(_claims(event))
        except DomainError as error:
            return error
    return None


def _claims(event: dict[str, Any]) -> Any:
    context = event.get("requestContext") or {}
    return ((context.get("authorizer") or {}).get("jwt") or {}).get("claims")


def http_handler(
    app: APIGatewayHttpResolver, *, authenticated: bool = True
) -> Callable[[dict[str, Any], Any], dict[str, Any]]:
    """The Lambda entry point for a resolver, with correlation ids, traces and EMF metrics.
    `authenticated=False` is for signed webhooks, whose routes have no JWT authorizer."""

    @logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP, clear_state=True)
    @tracer.capture_lambda_handler(capture_response=False)
    @metrics.log_metrics
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        try:
            refusal = _early_refusal(event, authenticated=authenticated)
        except BadRequest as error:
            refusal = error
        if refusal is not None:
            return problem_event(refusal)
        return app.resolve(event, context)

    return handler


def once(app: APIGatewayHttpResolver, principal: Principal, operation: str, call: Callable[[], Any]) -> Any:
    """Run a mutating call under the request's Idempotency-Key (if any), scoped to the
    caller, the route and the path; the replay is the first call's JSON result."""
    from aftercare.idempotency import run_once

    key = idempotency_key(app)
    if key is None:
        return call()  # the resolver validates and serialises the model itself, once

    def as_json() -> Any:
        result = call()
        return result.model_dump(mode="json") if isinstance(result, BaseModel) else result

    return run_once(
        key,
        context=app.lambda_context,
        scope=f"{operation}:{principal.sub}:{app.current_event.path}",
        payload=raw_body(app).decode(errors="replace"),
        operation=as_json,
    )
