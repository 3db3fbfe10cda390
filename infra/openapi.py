"""The service's OpenAPI document, merged from every HTTP function's Powertools resolver.

`python -m infra.openapi` prints it; the local stack serves it with Swagger UI. Each
function's resolver documents its own routes; this adds what they share: the JWT bearer
scheme (none on signed webhooks, which the template leaves without an authorizer) and the
problem+json error responses every route can give.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from typing import Any

from infra.local.functions import module_name
from infra.template import Stack

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "RFC 9457 problem details",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
                "required": ["field", "message"],
            },
        },
    },
}
ERRORS = {
    "400": "Malformed or invalid request (field errors in `errors`)",
    "401": 'No, expired or bad token (API Gateway\'s own `{"message": "Unauthorized"}`), '
    "or a bad signature or survey link token (problem+json)",
    "403": "Wrong role",
    "404": "Not found, or not yours",
    "409": "State conflict or duplicate",
    "413": "Body too large",
    "422": "Business rule refused",
    "429": "Throttled by API Gateway",
}
_PROBLEM_REF = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
# API Gateway answers some refusals itself, before any function runs, with its own plain JSON
# body: a missing or bad JWT (401) and throttling (429). Those operations document both shapes.
GATEWAY_MESSAGE_SCHEMA = {
    "type": "object",
    "description": "API Gateway's own refusal, written before any function runs",
    "required": ["message"],
    "properties": {"message": {"type": "string", "examples": ["Unauthorized"]}},
}
_GATEWAY_REF = {"application/json": {"schema": {"$ref": "#/components/schemas/GatewayMessage"}}}
_GATEWAY_STATUSES = {"401", "429"}


def _with_problems(operation: dict[str, Any], *, public: bool) -> None:
    responses = operation.setdefault("responses", {})
    for status, description in ERRORS.items():
        if public and status == "403":
            continue
        content = dict(_PROBLEM_REF)
        if status in _GATEWAY_STATUSES and (status == "429" or not public):
            content.update(_GATEWAY_REF)
        responses[status] = {"description": description, "content": content}
    if public:
        operation["security"] = []


def document(stack: Stack | None = None) -> dict[str, Any]:
    stack = stack or Stack(parameters=_placeholder_parameters())
    public = {(method.upper(), path) for _, method, path, is_public in _routes(stack) if is_public}
    merged: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {
            "title": "Aftercare API",
            "version": "1.0.0",
            "description": "Customer service for online merchants: orders, tracking, after-sales, refunds, "
            "tickets, surveys. Errors are application/problem+json (RFC 9457).",
        },
        "paths": {},
        "components": {
            "schemas": {"Problem": PROBLEM_SCHEMA, "GatewayMessage": GATEWAY_MESSAGE_SCHEMA},
            "securitySchemes": {"jwt": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
        },
        "security": [{"jwt": []}],
    }
    seen: set[str] = set()
    for function in stack.functions():
        if not any(event.get("Type") == "HttpApi" for event in function.events.values()):
            continue
        module = importlib.import_module(module_name(function))
        if module.__name__ in seen or not hasattr(module, "app"):
            continue
        seen.add(module.__name__)
        own = json.loads(module.app.get_openapi_json_schema())
        schema = _without_collisions(own, merged["components"]["schemas"], function.logical_id)
        for path, operations in schema.get("paths", {}).items():
            for method, operation in operations.items():
                operation["responses"].pop("422", None)  # Powertools' own; ours is a 400 problem
                _with_problems(operation, public=(method.upper(), path) in public)
            merged["paths"].setdefault(path, {}).update(operations)
        for name, component in schema.get("components", {}).get("schemas", {}).items():
            if name not in {"HTTPValidationError", "ValidationError"}:
                merged["components"]["schemas"][name] = component
    return merged


def _without_collisions(schema: dict[str, Any], known: dict[str, Any], function: str) -> dict[str, Any]:
    """Two resolvers may name different models alike (tickets' and customers' `Channel`):
    the later one is renamed after its function (`CustomersChannel`) and its references
    with it, so one cannot overwrite the other in the merged document."""
    prefix = function.removesuffix("Function").removesuffix("Api")
    components = schema.get("components", {}).get("schemas", {})
    clashing = [name for name, component in components.items() if name in known and known[name] != component]
    if not clashing:
        return schema
    text = json.dumps(schema)
    for name in clashing:
        text = text.replace(f'"#/components/schemas/{name}"', f'"#/components/schemas/{prefix}{name}"')
    renamed = dict(json.loads(text))
    renamed_components = renamed["components"]["schemas"]
    for name in clashing:
        renamed_components[f"{prefix}{name}"] = renamed_components.pop(name)
    return renamed


def _routes(stack: Stack) -> list[tuple[str, str, str, bool]]:
    return [
        (function.logical_id, method, path, (props.get("Auth") or {}).get("Authorizer") == "NONE")
        for function, method, path, props in stack.http_routes()
    ]


def _placeholder_parameters() -> dict[str, str]:
    return {"WebhookSecret": "documentation-only", "CursorSecret": "documentation-only"}


def main() -> None:
    from infra.local.provision import function_environment

    stack = Stack(parameters=_placeholder_parameters())
    # Each handler checks its settings when imported (its cold start): give it the
    # template's environment, as the local stack and the tests do.
    for name, value in function_environment(stack).items():
        os.environ.setdefault(name, value)
    json.dump(document(stack), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
