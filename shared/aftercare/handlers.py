"""The Lambda entry point for functions that are not HTTP: workflow steps, consumers, jobs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aftercare.observability import logger, metrics, tracer

Handler = Callable[[dict[str, Any], Any], Any]


def task_handler(correlation_id_path: str | None = None) -> Callable[[Handler], Handler]:
    """Structured logs with the function context (and a correlation id from the event),
    an X-Ray segment and EMF metrics flushed at the end, like every HTTP handler."""

    def wrap(handler: Handler) -> Handler:
        @logger.inject_lambda_context(correlation_id_path=correlation_id_path, clear_state=True)
        @tracer.capture_lambda_handler(capture_response=False)
        @metrics.log_metrics
        def entry(event: dict[str, Any], context: Any) -> Any:
            return handler(event, context)

        return entry

    return wrap
