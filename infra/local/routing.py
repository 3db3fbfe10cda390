"""Matches a request to the template's HttpApi routes, as API Gateway does."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import Map, Rule

from infra.template import FunctionSpec, Stack

_GREEDY = re.compile(r"\{(\w+)\+\}")
_PARAM = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Route:
    function: FunctionSpec
    method: str
    path: str
    route_key: str
    public: bool


def _werkzeug_path(path: str) -> str:
    return _PARAM.sub(r"<\1>", _GREEDY.sub(r"<path:\1>", path))


def _is_public(props: dict[str, Any]) -> bool:
    return (props.get("Auth") or {}).get("Authorizer") == "NONE"


class Router:
    def __init__(self, stack: Stack) -> None:
        self.routes: list[Route] = []
        rules = []
        for function, method, path, props in stack.http_routes():
            route = Route(function, method, path, f"{method} {path}", _is_public(props))
            self.routes.append(route)
            methods = None if method == "ANY" else [method]
            rules.append(Rule(_werkzeug_path(path), endpoint=len(self.routes) - 1, methods=methods))
        self._map = Map(rules, strict_slashes=False, merge_slashes=False)

    def match(self, method: str, path: str) -> tuple[Route, dict[str, str]] | None:
        adapter = self._map.bind("local", url_scheme="http")
        try:
            index, params = adapter.match(path, method=method.upper())
        except (NotFound, MethodNotAllowed):
            return None
        return self.routes[index], {key: str(value) for key, value in params.items()}
