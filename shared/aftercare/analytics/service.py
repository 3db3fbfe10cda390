"""Analytics use cases: aggregate one domain event, answer the KPIs for a range, render the
daily report."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from aftercare import clock
from aftercare.analytics import facts, product_kpis, products, store
from aftercare.analytics.aggregate import deltas
from aftercare.analytics.kpis import compute
from aftercare.analytics.models import Kpis
from aftercare.analytics.product_models import LiveSessions, ProductQuality
from aftercare.errors import BadRequest
from aftercare.events import DomainEvent
from aftercare.notifications import port as notifications
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
    order = _order_note(event)
    found = facts.facts_of(event, subject)
    scoped = products.scoped_deltas(products.scoped_facts(event, order))
    if not found and not scoped:
        return True
    additions = deltas(found)
    added = store.apply(
        store.marker_key(event.source, event.id), additions, shard=store.shard_of(event.id), scoped=scoped
    )
    if added:
        metrics.add_metric(name="AnalyticsFacts", unit="Count", value=len(found) + len(scoped))
    else:
        logger.info("event already aggregated", extra={"event_type": event.type, "event_id": event.id})
    watch_live(event, order)  # also on a redelivery: the alert's claim makes it once
    return added


# ---------------------------------------------------------------- products and live streams
LIVE_ALERT = "live.after-sales-surge"
SUPERVISORS = "role:supervisor"


def _order_note(event: DomainEvent) -> products.OrderNote | None:
    """Remember what an OrderPlaced tells of its order; the note of the order an event names."""
    placed = products.order_note(event)
    if placed is not None:
        store.remember_order(placed)
        return placed
    order_id = products.order_wanted(event)
    return store.order_note(order_id) if order_id else None


def watch_live(event: DomainEvent, order: products.OrderNote | None) -> bool:
    """Notify supervisors, once per live session and day, when the session's after-sales
    requests of that day reach the threshold. True if this call notified them."""
    case = products.live_case(event, order)
    if case is None:
        return False
    threshold = get_settings().live_aftersales_alert_threshold
    requests = store.scoped_count(case.day, products.SESSION, case.session_id, "cases")
    if not products.crossed(requests, threshold):
        return False
    notification_id = products.alert_id(case.session_id, case.day)
    if not store.claim_alert(case.session_id, case.day, notification_id):
        return False
    try:
        notifications.send_once(
            notification_id,
            SUPERVISORS,
            LIVE_ALERT,
            {
                "sessionId": case.session_id,
                "host": case.host,
                "day": case.day,
                "requests": requests,
                "threshold": threshold,
                "details": f"live session {case.session_id} (host {case.host or '?'}) has {requests} "
                f"after-sales requests on {case.day} (threshold {threshold})",
            },
        )
    except Exception:
        store.release_alert(case.session_id, case.day)  # the event's retry claims and sends again
        raise
    metrics.add_metric(name="LiveAfterSalesAlerts", unit="Count", value=1)
    logger.info("live session alert", extra={"session_id": case.session_id, "day": case.day})
    return True


def product_quality(first: date, last: date) -> ProductQuality:
    current, reads = store.read_scoped(first, last)
    baseline, more = store.read_scoped(*product_kpis.baseline_of(first, last))
    logger.info("product quality read", extra={"from": first.isoformat(), "reads": reads + more})
    return product_kpis.product_quality(first, last, current, baseline, generated_at=clock.now_iso())


def live_sessions(first: date, last: date) -> LiveSessions:
    current, reads = store.read_scoped(first, last)
    logger.info("live sessions read", extra={"from": first.isoformat(), "reads": reads})
    return product_kpis.live_sessions(
        first,
        last,
        current,
        alert_threshold=get_settings().live_aftersales_alert_threshold,
        generated_at=clock.now_iso(),
    )


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
    from aftercare.analytics.render import live_section, page, product_section, topics_section

    return page(
        kpis(first, last),
        product_section(product_quality(first, last)),
        live_section(live_sessions(first, last)),
        topics_section(recurring.latest(first, last)),
    )


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
