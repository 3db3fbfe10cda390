"""The Lambda entry point for functions that are not HTTP: workflow steps, consumers, jobs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
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


def detail_days(event: dict[str, Any]) -> tuple[date | None, date | None]:
    """A scheduled job's optional `detail: {from, to}` range (YYYY-MM-DD), as a person running
    it by hand gives it; (None, None) on the schedule's own event."""
    detail = event.get("detail")
    detail = detail if isinstance(detail, dict) else {}

    def day(name: str) -> date | None:
        value = detail.get(name)
        return date.fromisoformat(str(value)) if value else None

    return day("from"), day("to")
