"""Runs the template's functions in this process, as Lambda would: the handler module is
imported once (the cold start), each invocation gets a Lambda-like context."""

from __future__ import annotations

import importlib
import logging
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from infra.template import ROOT, FunctionSpec, Stack

Handler = Callable[[dict[str, Any], Any], Any]
log = logging.getLogger("aftercare.local.functions")


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


@dataclass
class Invocation:
    """What one invocation did: its result, or the error Lambda would report."""

    function: str
    request_id: str
    duration_ms: float
    result: Any = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def error_payload(self) -> dict[str, Any]:
        """The payload Lambda returns for an unhandled error (what Retry/Catch match on)."""
        assert self.error is not None
        return {
            "errorType": type(self.error).__name__,
            "errorMessage": str(self.error),
            "stackTrace": traceback.format_exception(self.error)[-3:],
        }


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
        # One execution environment per function: Lambda never runs two invocations in one
        # environment at once, and module state (the resolver's current event) relies on it.
        self._environments = {logical_id: threading.Lock() for logical_id in self.specs}

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

    def warm(self) -> None:
        """Import every handler now (the cold starts), so a broken import fails at startup."""
        for logical_id in self.specs:
            self.handler(logical_id)

    def run(self, function: str, event: dict[str, Any], *, source: str = "") -> Invocation:
        """Invoke as Lambda would, one invocation at a time per function; an exception
        becomes the invocation's error instead of propagating."""
        spec = self.spec(function)
        handler = self.handler(spec.logical_id)
        with self._environments[spec.logical_id]:
            context = self.context(spec.logical_id)
            started = time.monotonic()
            invocation = Invocation(spec.logical_id, context.aws_request_id, 0.0)
            try:
                invocation.result = handler(event, context)
            except Exception as error:
                invocation.error = error
            invocation.duration_ms = (time.monotonic() - started) * 1000
        if invocation.error is not None:
            log.error(
                "invocation failed",
                extra={"function": spec.logical_id, "source": source, "error": repr(invocation.error)},
                exc_info=invocation.error,
            )
        elif invocation.duration_ms > spec.timeout * 1000:
            log.warning(
                "invocation ran past the function's timeout; Lambda would have stopped it",
                extra={
                    "function": spec.logical_id,
                    "ms": round(invocation.duration_ms),
                    "timeout": spec.timeout,
                },
            )
        log.debug(
            "invoked",
            extra={"function": spec.logical_id, "source": source, "ms": round(invocation.duration_ms)},
        )
        return invocation
