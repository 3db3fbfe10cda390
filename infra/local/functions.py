"""Runs the template's functions in this process, as Lambda would: the handler module is
imported once (the cold start), each invocation gets a Lambda-like context."""

from __future__ import annotations

import importlib
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from infra.template import ROOT, FunctionSpec, Stack

Handler = Callable[[dict[str, Any], Any], Any]


@dataclass
class LambdaContext:
    function_name: str
    memory_limit_in_mb: int
    invoked_function_arn: str
    timeout_seconds: int
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    function_version: str = "$LATEST"
    log_group_name: str = ""
    log_stream_name: str = "local"
    _started: float = field(default_factory=time.monotonic)

    def get_remaining_time_in_millis(self) -> int:
        elapsed = time.monotonic() - self._started
        return max(0, int((self.timeout_seconds - elapsed) * 1000))


def module_name(spec: FunctionSpec) -> str:
    relative = spec.module_path.relative_to(ROOT).with_suffix("")
    return ".".join(relative.parts)


class FunctionHost:
    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.specs = {spec.logical_id: spec for spec in stack.functions()}
        self._by_name = {spec.name: spec for spec in self.specs.values()}
        self._handlers: dict[str, Handler] = {}
        self._lock = threading.Lock()

    def spec(self, function: str) -> FunctionSpec:
        found = self.specs.get(function) or self._by_name.get(function)
        if found is None:
            raise KeyError(f"no function {function!r} in the template")
        return found

    def handler(self, function: str) -> Handler:
        spec = self.spec(function)
        with self._lock:
            if spec.logical_id not in self._handlers:
                module = importlib.import_module(module_name(spec))
                self._handlers[spec.logical_id] = getattr(module, spec.handler_attribute)
        return self._handlers[spec.logical_id]

    def context(self, function: str) -> LambdaContext:
        spec = self.spec(function)
        return LambdaContext(
            function_name=spec.name,
            memory_limit_in_mb=spec.memory,
            invoked_function_arn=self.stack.get_att(spec.logical_id, "Arn"),
            timeout_seconds=spec.timeout,
            log_group_name=f"/aws/lambda/{spec.name}",
        )

    def invoke(self, function: str, event: dict[str, Any]) -> Any:
        return self.handler(function)(event, self.context(function))
