"""Recurring issues: what many customers write about, week by week.

- Analytics keeps what each customer's ticket said (TicketOpened's `text`: the subject and
  the first message, capped) in its own table for a few weeks (`keep_text`, a reaction).
- The weekly topics job (`run`) groups the period's texts into topics (analytics/topics:
  pure and deterministic), compares them with the previous period's and stores the result.
- The API and the daily report only read the stored result (`latest`).
"""

from __future__ import annotations

import json
import time
from datetime import date, timedelta
from typing import Any

from aftercare import clock
from aftercare.analytics import store
from aftercare.analytics.topics import Text, find_topics
from aftercare.analytics.topics.models import Period, TopicOut, TopicsOut
from aftercare.errors import BadRequest
from aftercare.events import DomainEvent
from aftercare.observability import logger, metrics
from aftercare.tickets.events import TEXT_CHARS, TicketOpened

CUSTOMER = "customer"  # only what customers wrote: tickets other domains open say what they are for
PERIOD_DAYS = 7
MAX_PERIOD_DAYS = 14  # two periods must fit in the texts' time to live (store.TEXT_TTL)


def keep_text(event: DomainEvent) -> None:
    """A customer's new ticket: keep its text for the topics job (idempotent)."""
    opened = event.read(TicketOpened)
    if opened.source != CUSTOMER or not opened.text.strip():
        return
    store.keep_text(opened.ticket_id, opened.opened_at or event.time, opened.text[:TEXT_CHARS])


def period(first: date | None = None, last: date | None = None) -> tuple[Period, Period]:
    """The period (default: the PERIOD_DAYS days up to yesterday) and the one before it, of
    the same length."""
    end = last or clock.now().date() - timedelta(days=1)
    start = first or end - timedelta(days=PERIOD_DAYS - 1)
    days = (end - start).days + 1
    if not 1 <= days <= MAX_PERIOD_DAYS:
        raise BadRequest(
            f"a topics period is 1 to {MAX_PERIOD_DAYS} days",
            errors=[{"field": "from", "message": f"at most {MAX_PERIOD_DAYS} days before 'to'"}],
        )
    before_end = start - timedelta(days=1)
    return (
        Period.model_validate({"from": start.isoformat(), "to": end.isoformat()}),
        Period.model_validate(
            {"from": (before_end - timedelta(days=days - 1)).isoformat(), "to": before_end.isoformat()}
        ),
    )


def _texts(span: Period) -> list[Text]:
    found = store.texts(date.fromisoformat(span.from_), date.fromisoformat(span.to))
    return [Text(ticket_id, text, at) for ticket_id, text, at in found]


def run(first: date | None = None, last: date | None = None) -> dict[str, Any]:
    """Find the period's topics and store them; what ran, for the job's log and answer."""
    this, before = period(first, last)
    started = time.process_time()
    current, previous = _texts(this), _texts(before)
    topics = find_topics(current, previous)
    result = TopicsOut(
        period=this,
        previous=before,
        tickets=len(current),
        previous_tickets=len(previous),
        generated_at=clock.now_iso(),
        items=[
            TopicOut(
                topic=topic.label,
                terms=list(topic.terms),
                count=topic.count,
                previous_count=topic.previous,
                trend=topic.trend,
                examples=list(topic.examples),
            )
            for topic in topics
        ],
    )
    store.put_topics(date.fromisoformat(this.from_), date.fromisoformat(this.to), result.model_dump_json())
    seconds = round(time.process_time() - started, 3)
    metrics.add_metric(name="RecurringTopics", unit="Count", value=len(topics))
    logger.info(
        "topics found",
        extra={
            "from": this.from_,
            "to": this.to,
            "tickets": len(current),
            "topics": len(topics),
            "cpu_seconds": seconds,
        },
    )
    return {"from": this.from_, "to": this.to, "tickets": len(current), "topics": len(topics)}


def latest(first: date, last: date) -> TopicsOut:
    """The latest stored topics of a period ending `first`..`last` (none yet: no items)."""
    document = store.latest_topics(first, last)
    if document is None:
        return TopicsOut(
            period=None, previous=None, tickets=0, previous_tickets=0, generated_at=None, items=[]
        )
    return TopicsOut.model_validate(json.loads(document))
