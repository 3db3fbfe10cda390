"""Runs the template's functions in this process, as Lambda would: each execution
environment imports its handler module once (the cold start) and runs one invocation at a
time; a request that finds every environment of its function busy gets a new one (another
cold start), up to the function's concurrency. Each invocation gets a Lambda-like context.

Lambda gives each environment its own process; here they share one, so the state Powertools
keeps per request on a class (the event handler's current event and context, meant to be
seen by every router of one function) is made per thread: a request never sees another's."""

from __future__ import annotations

import abc
import importlib
import importlib.util
import logging
import sys
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
# Lambda's default account quota is 1,000 concurrent executions; a laptop needs far fewer.
MAX_ENVIRONMENTS = 8
_request_state = threading.local()


class _PerThread:
    """A data descriptor that keeps its value per thread (see the module docstring)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        return getattr(_request_state, self.name, None)

    def __set__(self, instance: Any, value: Any) -> None:
        setattr(_request_state, self.name, value)


class _PerThreadRouterState(abc.ABCMeta):
    current_event = _PerThread("current_event")
    lambda_context = _PerThread("lambda_context")


def isolate_request_state() -> None:
    """Make Powertools' `BaseRouter.current_event` and `.lambda_context` per thread. Powertools
    writes them on the class (`BaseRouter.current_event = ...`) and reads them through the
    instance, so both the class (through its metaclass) and its instances get the descriptor."""
    from aws_lambda_powertools.event_handler.api_gateway import BaseRouter

    if type(BaseRouter) is _PerThreadRouterState:
        return
    for name in ("current_event", "lambda_context"):
        type.__setattr__(BaseRouter, name, _PerThread(name))
    BaseRouter.__class__ = _PerThreadRouterState  # type: ignore[method-assign,assignment]


@dataclass
class Environment:
    """One execution environment: its own copy of the handler module, one invocation at a time."""

    handler: Handler
    lock: threading.Lock = field(default_factory=threading.Lock)


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
        # Lambda never runs two invocations in one environment at once, and module state (a
        # resolver's per-request context) relies on it; concurrency comes from more environments.
        self._environments: dict[str, list[Environment]] = {logical_id: [] for logical_id in self.specs}
        self._pools = {logical_id: threading.Lock() for logical_id in self.specs}
        isolate_request_state()

    def spec(self, function: str) -> FunctionSpec:
        found = self.specs.get(function) or self._by_name.get(function)
        if found is None:
            raise KeyError(f"no function {function!r} in the template")
        return found

    def handler(self, function: str) -> Handler:
        """The first environment's handler (imported on first use: its cold start)."""
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
        """Invoke and let an exception propagate (tests), in an environment of its own as
        `run` does: two concurrent calls never share one handler's module state."""
        spec = self.spec(function)
        environment = self._acquire(spec)
        try:
            return environment.handler(event, self.context(spec.logical_id))
        finally:
            environment.lock.release()

    def warm(self) -> None:
        """Import every handler now (the cold starts), so a broken import fails at startup."""
        for logical_id in self.specs:
            self.handler(logical_id)

    def environments(self, function: str) -> int:
        return len(self._environments[self.spec(function).logical_id])

    def _acquire(self, spec: FunctionSpec) -> Environment:
        """A free environment of the function, locked for one invocation: an idle one, else a
        new one (its cold start) while the function's concurrency allows, else the first to
        finish."""
        pool = self._environments[spec.logical_id]
        with self._pools[spec.logical_id]:
            for environment in pool:
                if environment.lock.acquire(blocking=False):
                    return environment
            limit = min(MAX_ENVIRONMENTS, spec.reserved_concurrency or MAX_ENVIRONMENTS)
            if len(pool) < limit:
                handler = self.handler(spec.logical_id) if not pool else self._fresh_handler(spec)
                environment = Environment(handler)
                environment.lock.acquire()
                pool.append(environment)
                return environment
            waiting_for = pool[0]
        waiting_for.lock.acquire()
        return waiting_for

    def _fresh_handler(self, spec: FunctionSpec) -> Handler:
        """The handler from a new copy of its module (a second environment's cold start)."""
        name = f"{module_name(spec)}__env{len(self._environments[spec.logical_id])}"
        found = importlib.util.spec_from_file_location(name, spec.module_path)
        if found is None or found.loader is None:
            raise ImportError(f"cannot load {spec.module_path}")
        module = importlib.util.module_from_spec(found)
        sys.modules[name] = module
        found.loader.exec_module(module)
        handler: Handler = getattr(module, spec.handler_attribute)
        return handler

    def run(self, function: str, event: dict[str, Any], *, source: str = "") -> Invocation:
        """Invoke as Lambda would, one invocation at a time per function; an exception
        becomes the invocation's error instead of propagating."""
        spec = self.spec(function)
        environment = self._acquire(spec)
        try:
            context = self.context(spec.logical_id)
            started = time.monotonic()
            invocation = Invocation(spec.logical_id, context.aws_request_id, 0.0)
            try:
                invocation.result = environment.handler(event, context)
            except Exception as error:
                invocation.error = error
            invocation.duration_ms = (time.monotonic() - started) * 1000
        finally:
            environment.lock.release()
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
