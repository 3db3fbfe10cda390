"""What a domain event means for product quality and live-stream commerce: pure functions
of the event and of what analytics remembers of its order, table-tested.

The figures are kept per day and per *scope*: a SKU (`sku`), a product category (`category`),
a live-stream session (`session`) and a live-stream host (`host`). Analytics reads no other
table: an order's lines and live session come with its `OrderPlaced` and are remembered
(`OrderNote`, store.py) so that a later case, ticket or survey about the order can be
attributed to its SKUs, categories and session.

Metrics of a SKU's or category's day:
- `lines` (order lines placed: one per order naming the SKU), `units` (quantities placed),
  and for a SKU `cat.<category>` (its lines by the category they named);
- `cases.<TYPE>` (after-sales cases opened naming the SKU: RETURN_REFUND, EXCHANGE, REPAIR,
  REFUND_ONLY, ...) and `reason.<REASON>` (their reasons);
- `complaints` (COMPLAINT tickets opened about an order with the SKU) and `tickets.<CATEGORY>`
  (every ticket opened about such an order, by its category).
Metrics of a live session's or host's day: `orders`, `gmv.<CURRENCY>`, `cases` (after-sales
requests), `returns` (RETURN_REFUND and EXCHANGE cases), `complaints`, `csat.n|sum|c<1-5>`
(surveys about the session's orders); a session's day also keeps `host.<host>` (its orders by
host).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from aftercare.aftersales.events import CaseOpened
from aftercare.analytics.facts import RETURN_TYPES, day_of
from aftercare.events import DomainEvent
from aftercare.orders.events import OrderPlaced
from aftercare.surveys.events import SurveyAnswered
from aftercare.tickets.events import TicketOpened

SKU, CATEGORY, SESSION, HOST = "sku", "category", "session", "host"
SCOPES = (SKU, CATEGORY, SESSION, HOST)
UNCATEGORIZED = "uncategorized"  # a SKU whose order analytics never heard of, or that named none
COMPLAINT = "COMPLAINT"
LIVE_STREAM = "live-stream"


@dataclass(frozen=True)
class Scoped:
    """Add `n` to `metric` of one SKU's, category's, session's or host's day."""

    scope: str
    key: str
    metric: str
    day: str
    n: int = 1


@dataclass(frozen=True)
class Line:
    sku: str
    quantity: int
    category: str


@dataclass(frozen=True)
class OrderNote:
    """What analytics remembers of an order from its OrderPlaced."""

    order_id: str
    lines: tuple[Line, ...] = ()
    session_id: str = ""
    host: str = ""

    def category_of(self, sku: str) -> str:
        return next(
            (line.category for line in self.lines if line.sku == sku and line.category), UNCATEGORIZED
        )


ScopedKey = tuple[str, str, str]  # (day, scope, key)


# ---------------------------------------------------------------- what is remembered
def order_note(event: DomainEvent) -> OrderNote | None:
    """What an OrderPlaced tells about the order later events name."""
    if event.type != OrderPlaced.TYPE:
        return None
    placed = event.read(OrderPlaced)
    source = placed.sold_by()
    live = source is not None and source.kind == LIVE_STREAM and bool(source.session_id)
    return OrderNote(
        order_id=placed.order_id,
        lines=tuple(
            Line(line.sku, line.quantity, line.category or UNCATEGORIZED) for line in placed.ordered()
        ),
        session_id=source.session_id if live and source else "",
        host=(source.host or "") if live and source else "",
    )


def order_wanted(event: DomainEvent) -> str | None:
    """The order whose note an event's facts need: a case's, a ticket's, a survey's."""
    if event.type == CaseOpened.TYPE:
        return event.read(CaseOpened).order_id or None
    if event.type == TicketOpened.TYPE:
        return event.read(TicketOpened).order_id or None
    if event.type == SurveyAnswered.TYPE:
        return event.read(SurveyAnswered).order_id or None
    return None


# ---------------------------------------------------------------- the facts
def _live(note: OrderNote | None, metric: str, day: str, n: int = 1) -> list[Scoped]:
    if note is None or not note.session_id:
        return []
    found = [Scoped(SESSION, note.session_id, metric, day, n)]
    if note.host:
        found.append(Scoped(HOST, note.host, metric, day, n))
    return found


def _order_placed(event: DomainEvent) -> list[Scoped]:
    placed = event.read(OrderPlaced)
    note = order_note(event)
    day = day_of(placed.placed_at or event.time)
    found: list[Scoped] = []
    for line in note.lines if note else ():
        for scope, key in ((SKU, line.sku), (CATEGORY, line.category)):
            found += [Scoped(scope, key, "lines", day), Scoped(scope, key, "units", day, line.quantity)]
        found.append(Scoped(SKU, line.sku, f"cat.{line.category}", day))  # the SKU's category
    found += _live(note, "orders", day)
    found += _live(note, f"gmv.{placed.currency or 'XXX'}", day, placed.total)
    if note and note.session_id and note.host:
        found.append(Scoped(SESSION, note.session_id, f"host.{note.host}", day))
    return found


def _case_opened(event: DomainEvent, note: OrderNote | None) -> list[Scoped]:
    opened = event.read(CaseOpened)
    day = day_of(opened.opened_at or event.time)
    case_type = opened.case_type or "OTHER"
    skus = [sku for sku, _ in opened.lines()] or [line.sku for line in (note.lines if note else ())]
    found: list[Scoped] = []
    for sku in dict.fromkeys(skus):
        category = note.category_of(sku) if note else UNCATEGORIZED
        for scope, key in ((SKU, sku), (CATEGORY, category)):
            found.append(Scoped(scope, key, f"cases.{case_type}", day))
            if opened.reason:
                found.append(Scoped(scope, key, f"reason.{opened.reason}", day))
    found += _live(note, "cases", day)
    if case_type in RETURN_TYPES:
        found += _live(note, "returns", day)
    return found


def _ticket_opened(event: DomainEvent, note: OrderNote | None) -> list[Scoped]:
    opened = event.read(TicketOpened)
    if not opened.order_id or note is None:
        return []
    day = day_of(opened.opened_at or event.time)
    category = opened.category or "OTHER"
    found: list[Scoped] = []
    for line in note.lines:
        for scope, key in ((SKU, line.sku), (CATEGORY, line.category)):
            found.append(Scoped(scope, key, f"tickets.{category}", day))
            if category == COMPLAINT:
                found.append(Scoped(scope, key, "complaints", day))
    if category == COMPLAINT:
        found += _live(note, "complaints", day)
    return found


def _survey_answered(event: DomainEvent, note: OrderNote | None) -> list[Scoped]:
    answered = event.read(SurveyAnswered)
    if not 1 <= answered.csat <= 5:
        return []
    day = day_of(answered.answered_at or event.time)
    return [
        *_live(note, "csat.n", day),
        *_live(note, "csat.sum", day, answered.csat),
        *_live(note, f"csat.c{answered.csat}", day),
    ]


def scoped_facts(event: DomainEvent, note: OrderNote | None = None) -> list[Scoped]:
    """The per-SKU, per-category and per-live-session facts one event adds (`note`: what is
    remembered of the order it names, if anything)."""
    if event.type == OrderPlaced.TYPE:
        return _order_placed(event)
    if event.type == CaseOpened.TYPE:
        return _case_opened(event, note)
    if event.type == TicketOpened.TYPE:
        return _ticket_opened(event, note)
    if event.type == SurveyAnswered.TYPE:
        return _survey_answered(event, note)
    return []


def scoped_deltas(found: Iterable[Scoped]) -> dict[ScopedKey, Counter[str]]:
    """The additions per scoped item (zero additions dropped)."""
    items: dict[ScopedKey, Counter[str]] = {}
    for fact in found:
        if fact.n:
            items.setdefault((fact.day, fact.scope, fact.key), Counter())[fact.metric] += fact.n
    return {key: adds for key, adds in items.items() if any(adds.values())}


# ---------------------------------------------------------------- the live-session alert
@dataclass(frozen=True)
class LiveCase:
    """An after-sales request about a live session's order, on its day."""

    session_id: str
    host: str
    day: str


def live_case(event: DomainEvent, note: OrderNote | None) -> LiveCase | None:
    if event.type != CaseOpened.TYPE or note is None or not note.session_id:
        return None
    opened = event.read(CaseOpened)
    return LiveCase(note.session_id, note.host, day_of(opened.opened_at or event.time))


def crossed(requests: int, threshold: int) -> bool:
    """A live session's day of after-sales requests has reached the alert threshold (a
    threshold of 0 or less turns the alert off)."""
    return threshold > 0 and requests >= threshold


def alert_id(session_id: str, day: str) -> str:
    """The one notification id of a session's day alert: queued again, it is delivered once."""
    digest = hashlib.sha256(f"live-after-sales\x1f{session_id}\x1f{day}".encode()).hexdigest()
    return f"ntf_live_{digest[:26]}"
