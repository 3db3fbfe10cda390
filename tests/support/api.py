"""Calls the functions the way API Gateway would: the template's route, an HTTP API 2.0
event from the same builder the local stack uses, the handler the template names."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from infra.local.functions import FunctionHost
from infra.local.http_events import build_http_event, encode_query, parse_http_response
from infra.local.routing import Router
from infra.template import Stack


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


def customer(sub: str = "cus_alice") -> dict[str, Any]:
    return {"sub": sub, "roles": ["customer"]}


def staff(*roles: str, sub: str = "staff_sam") -> dict[str, Any]:
    return {"sub": sub, "roles": list(roles) or ["agent"]}


class Api:
    def __init__(self, stack: Stack) -> None:
        self.router = Router(stack)
        self.host = FunctionHost(stack)

    def event(
        self,
        method: str,
        path: str,
        *,
        claims: dict[str, Any] | None = None,
        json_body: Any = None,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        query: dict[str, Any] | None = None,
    ) -> tuple[str, dict[str, Any]]:
        matched = self.router.match(method, path)
        assert matched is not None, f"no route for {method} {path} in template.yaml"
        route, params = matched
        all_headers = dict(headers or {})
        if json_body is not None:
            body = json.dumps(json_body).encode()
            all_headers.setdefault("content-type", "application/json")
        event = build_http_event(
            method=method,
            path=path,
            route_key=route.route_key,
            path_parameters=params,
            query_string=encode_query(query or {}),
            headers=all_headers.items(),
            body=body,
            claims=claims,
        )
        return route.function.logical_id, event

    def call(self, method: str, path: str, **kwargs: Any) -> Reply:
        function, event = self.event(method, path, **kwargs)
        status, headers, _, body = parse_http_response(self.host.invoke(function, event))
        return Reply(status, {k.lower(): v for k, v in headers.items()}, body)
