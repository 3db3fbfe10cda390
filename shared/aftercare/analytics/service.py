"""Analytics use cases: aggregate one domain event, answer the KPIs for a range, render the
daily report."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from aftercare import clock
from aftercare.analytics import facts, store
from aftercare.analytics.aggregate import deltas
from aftercare.analytics.kpis import compute
from aftercare.analytics.models import Kpis
from aftercare.errors import BadRequest
from aftercare.events import DomainEvent
from aftercare.observability import logger, metrics
from aftercare.settings import get_settings

MAX_DAYS = 366
DEFAULT_DAYS = 30


# ---------------------------------------------------------------- the aggregator
def aggregate(event: DomainEvent) -> bool:
    """Add what one domain event means to the daily aggregates, once. False if the event had
    been added before (a redelivery)."""
    note = facts.note_of(event)
    if note is not None:
        store.remember(note)
    wanted = facts.survey_subject(event)
    subject = store.subject(*wanted) if wanted is not None else None
    found = facts.facts_of(event, subject)
    if not found:
        return True
    additions = deltas(found)
    added = store.apply(store.marker_key(event.source, event.id), additions, shard=store.shard_of(event.id))
    if added:
        metrics.add_metric(name="AnalyticsFacts", unit="Count", value=len(found))
    else:
        logger.info("event already aggregated", extra={"event_type": event.type, "event_id": event.id})
    return added


# ---------------------------------------------------------------- the KPIs
def _day(value: str | None, field: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError as error:
        raise BadRequest(
            f"{field} must be a date YYYY-MM-DD", errors=[{"field": field, "message": "expected YYYY-MM-DD"}]
        ) from error


def parse_range(first: str | None, last: str | None, *, today: date | None = None) -> tuple[date, date]:
    """`from`/`to` (inclusive days, UTC). Missing `to` is today, missing `from` the 30 days up
    to `to`. At most MAX_DAYS days."""
    end = _day(last, "to") or (today or clock.now().date())
    start = _day(first, "from") or end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        raise BadRequest("from is after to", errors=[{"field": "from", "message": "must be on or before to"}])
    if (end - start).days + 1 > MAX_DAYS:
        raise BadRequest(
            f"the range covers more than {MAX_DAYS} days",
            errors=[{"field": "to", "message": f"at most {MAX_DAYS} days from 'from'"}],
        )
    return start, end


def kpis(first: date, last: date) -> Kpis:
    found = store.read_range(first, last)
    logger.info("kpis read", extra={"from": first.isoformat(), "to": last.isoformat(), "reads": found.reads})
    return compute(first, last, found.totals, found.agents, generated_at=clock.now_iso())


# ---------------------------------------------------------------- the report
def render_report(first: date, last: date) -> str:
    from aftercare.analytics import recurring
    from aftercare.analytics.render import page

    return page(kpis(first, last), topics=recurring.latest(first, last))


def write_report(first: date | None = None, last: date | None = None) -> dict[str, Any]:
    """Render the KPIs of `first`..`last` (default: the 30 days up to yesterday) to
    reports/<last>.html in the reports bucket."""
    end = last or clock.now().date() - timedelta(days=1)
    start = first or end - timedelta(days=DEFAULT_DAYS - 1)
    start, end = parse_range(start.isoformat(), end.isoformat())
    key = store.put_report(store.report_key(end), render_report(start, end))
    logger.info("report written", extra={"key": key})
    return {
        "bucket": get_settings().reports_bucket,
        "key": key,
        "from": start.isoformat(),
        "to": end.isoformat(),
    }
