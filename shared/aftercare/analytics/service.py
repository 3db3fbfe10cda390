"""Analytics use cases: aggregate one stream record, answer the KPIs for a range, render the
daily report."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from aftercare import clock
from aftercare.aftersales import queries as cases
from aftercare.analytics import facts, store
from aftercare.analytics.aggregate import deltas
from aftercare.analytics.kpis import compute
from aftercare.analytics.models import Kpis
from aftercare.errors import BadRequest
from aftercare.observability import logger, metrics
from aftercare.settings import get_settings
from aftercare.tickets import queries as tickets

MAX_DAYS = 366
DEFAULT_DAYS = 30


# ---------------------------------------------------------------- the aggregator
def table_of(event_source_arn: str) -> facts.Table | None:
    """Which domain table a stream belongs to (`arn:...:table/<name>/stream/<label>`)."""
    parts = event_source_arn.split(":table/", 1)
    name = parts[1].split("/", 1)[0] if len(parts) == 2 else ""
    settings = get_settings()
    return {
        settings.orders_table: facts.Table.ORDERS,
        settings.shipments_table: facts.Table.SHIPMENTS,
        settings.tickets_table: facts.Table.TICKETS,
        settings.cases_table: facts.Table.CASES,
        settings.surveys_table: facts.Table.SURVEYS,
        settings.refunds_table: facts.Table.REFUNDS,
    }.get(name)


def survey_subject(kind: str, subject_id: str) -> facts.Subject | None:
    """The agent and handling time of the ticket or case a survey was about (asked of
    tickets' or after-sales' queries)."""
    if kind == "ticket":
        ticket = tickets.handling(subject_id)
        if ticket is None:
            return None
        return facts.ticket_subject(
            {
                "createdAt": ticket.created_at,
                "assignee": ticket.assignee,
                "solvedAt": ticket.solved_at,
                "timeline": [{"to": e.to, "from": e.from_status, "at": e.at} for e in ticket.timeline],
            }
        )
    if kind == "case":
        case = cases.handling(subject_id)
        if case is None:
            return None
        return facts.case_subject(
            {
                "createdAt": case.created_at,
                "resolvedAt": case.resolved_at,
                "autoApproved": case.auto_approved,
                "timeline": [
                    {"to": e.to, "from": e.from_status, "at": e.at, "actor": e.actor} for e in case.timeline
                ],
            }
        )
    return None


def aggregate(
    table: facts.Table, event_id: str, old: dict[str, Any] | None, new: dict[str, Any] | None
) -> bool:
    """Add what one stream record means to the daily aggregates, once. False if the record
    had been added before (a redelivery)."""
    subject = None
    wanted = facts.survey_subject(old, new) if table is facts.Table.SURVEYS else None
    if wanted is not None:
        subject = survey_subject(*wanted)
    found = facts.facts_of(table, old, new, subject)
    if not found:
        return True
    additions = deltas(found)
    added = store.apply(store.marker_key(table.value, event_id), additions, shard=store.shard_of(event_id))
    if added:
        metrics.add_metric(name="AnalyticsFacts", unit="Count", value=len(found))
    else:
        logger.info("stream record already aggregated", extra={"table": table.value, "event_id": event_id})
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
    from aftercare.analytics.render import page

    return page(kpis(first, last))


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
