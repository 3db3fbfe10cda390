"""Logistics use cases: accept courier events, apply them to shipments, act on what they
reveal, flag quiet shipments, track the parcels orders and cases send, and show tracking
to the app.

Applying events (`apply_delivery`) is the one path every courier event takes, whichever
way it came in (webhook, straight into the queue, or a replay of stored raw payloads):

1. the shipment is found by its carrier and tracking number (cached per process);
2. its event set grows by the new events and everything shown is derived again
   (rules.summarize / rules.problems_in / rules.due_at);
3. one conditional write stores the new events, the derived fields and any new problem — or
   nothing, if nothing changed. A write that delivers an OUTBOUND parcel also records
   whether the order's other OUTBOUND parcels are all delivered (read from the byOrder
   index, the write conditional on them not changing meanwhile), so exactly one parcel's
   delivery says the order is delivered, however the deliveries race.

What the other domains do about it (the order delivered, the ticket, the after-sales case)
and the customer's notice follow from the events published from the table's stream
(logistics/publisher.py); logistics itself calls no other domain.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping
from typing import Any

from aftercare import clock
from aftercare.aftersales import queries as cases
from aftercare.auth import Principal
from aftercare.errors import BusinessRuleViolation, Conflict
from aftercare.logistics import queue, rules, store
from aftercare.logistics.adapters import Delivery, adapter_for, registry
from aftercare.logistics.models import EventsAccepted, HistoryEntryOut, ShipmentTrackingOut, TrackingOut
from aftercare.logistics.rules import CourierEvent, Problem, ProblemKind, ShipmentKind, TrackingStatus
from aftercare.logistics.store import Shipment
from aftercare.observability import logger, metrics
from aftercare.orders import queries as orders

WRITE_ATTEMPTS = 4
CACHE_SIZE = 4096


class UnknownShipment(BusinessRuleViolation):
    """No shipment has this carrier and tracking number (yet): the message is retried, and
    dead-lettered if the shipment never appears; its raw payload is kept for a replay."""


class _Stale(Exception):
    """The shipment changed since it was read."""


# ---------------------------------------------------------------- ingestion


def accept_webhook(carrier: str, headers: Mapping[str, str], body: bytes) -> EventsAccepted:
    """Check the signature (401), validate through the carrier's adapter (400), queue the raw
    payload for the consumer. Nothing is queued unless all of that holds."""
    adapter = adapter_for(carrier)
    now = clock.now()
    adapter.verify(headers, body, now=now)
    delivery = adapter.parse(body, carrier=carrier)
    if delivery.events:
        queue.enqueue(body, carrier=carrier, received_at=clock.iso(now))
    metrics.add_metric(name="CourierEventsAccepted", unit="Count", value=len(delivery.events))
    return EventsAccepted(
        carrier=delivery.carrier,
        tracking_number=delivery.tracking_number,
        accepted=len(delivery.events),
        event_ids=[event.event_id for event in delivery.events],
    )


# ---------------------------------------------------------------- applying events

_cache: OrderedDict[str, Shipment] = OrderedDict()  # tracking key -> shipment as last written


def reset_cache() -> None:
    _cache.clear()


def _remember(shipment: Shipment) -> Shipment:
    _cache[shipment.tracking_key] = shipment
    _cache.move_to_end(shipment.tracking_key)
    while len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return shipment


def _lookup(tracking_key: str, *, fresh: bool) -> Shipment | None:
    if not fresh and tracking_key in _cache:
        _cache.move_to_end(tracking_key)
        return _cache[tracking_key]
    _cache.pop(tracking_key, None)
    found = store.find_by_tracking(tracking_key)
    if found is not None and fresh:
        found = store.get(found.shipment_id)  # the index lags; the item does not
    return _remember(found) if found is not None else None


def _problem_record(shipment: Shipment, problem: Problem, at: str) -> dict[str, Any]:
    record = {
        "problemId": f"{shipment.shipment_id}:{problem.kind}",
        "kind": problem.kind.value,
        "reason": problem.reason,
        "detectedAt": at,
        "eventId": problem.event_id,
        "description": problem.description,
    }
    return {key: value for key, value in record.items() if value is not None}


def _order_delivered_with(shipment: Shipment) -> tuple[bool, list[Shipment]]:
    """Whether delivering `shipment` delivers its order (no other OUTBOUND parcel of it is
    still on its way), and the parcels still on their way, which the write must find
    unchanged: should one of them be delivered meanwhile, the write fails and is derived
    again, so two last parcels delivered at once cannot both think the other one is out."""
    waiting: list[Shipment] = []
    for listed in store.list_for_order(shipment.order_id):
        if listed.shipment_id == shipment.shipment_id or listed.kind != ShipmentKind.OUTBOUND:
            continue
        if listed.summary.status is TrackingStatus.DELIVERED:
            continue  # a delivered parcel stays delivered: the lagging index is enough
        other = store.get(listed.shipment_id)  # the index lags; the item does not
        if other is not None and other.summary.status is not TrackingStatus.DELIVERED:
            waiting.append(other)
    return not waiting, waiting


def _advance(shipment: Shipment, events: Iterable[CourierEvent], extra: Problem | None = None) -> bool:
    """Add `events` (and the scheduled check's `extra` problem) to the shipment in one
    conditional write. False if that changes nothing; _Stale if the shipment moved on."""
    new: dict[str, CourierEvent] = {}
    for event in events:
        if event.event_id not in shipment.events:
            new.setdefault(event.event_id, event)
    merged = rules.merge(shipment.events, new.values())
    summary = rules.summarize(merged)
    now = clock.now_iso()
    found = rules.problems_in(merged, summary)
    if extra is not None and summary.status not in rules.TERMINAL:
        found.setdefault(extra.kind, extra)
    new_problems = {
        kind.value: _problem_record(shipment, problem, now)
        for kind, problem in found.items()
        if kind.value not in shipment.problems
    }
    delay_recorded = (
        ProblemKind.DELAYED.value in shipment.problems or ProblemKind.DELAYED.value in new_problems
    )
    due = rules.due_at(shipment.created_at, summary, delay_recorded=delay_recorded)
    if not new and not new_problems and due == shipment.due_at and summary == shipment.summary:
        return False
    order_delivered = False
    waiting: list[Shipment] = []
    if (
        shipment.kind == ShipmentKind.OUTBOUND
        and summary.status is TrackingStatus.DELIVERED
        and shipment.summary.status is not TrackingStatus.DELIVERED
    ):
        order_delivered, waiting = _order_delivered_with(shipment)
    if not store.apply(
        shipment,
        new_events=list(new.values()),
        summary=summary,
        due_at=due,
        new_problems=new_problems,
        at=now,
        order_delivered=order_delivered,
        unchanged=waiting,
    ):
        raise _Stale
    metrics.add_metric(name="CourierEventsApplied", unit="Count", value=len(new))
    for kind in new_problems:
        metrics.add_metric(name=f"LogisticsProblem{kind.title().replace('_', '')}", unit="Count", value=1)
        logger.info(
            "logistics problem recorded", extra={"shipment_id": shipment.shipment_id, "problem": kind}
        )
    return True


def _with_retries(tracking_key: str, change: Any) -> Shipment:
    """Run `change(shipment)` against the current shipment, reloading when it moved on."""
    for attempt in range(WRITE_ATTEMPTS):
        shipment = _lookup(tracking_key, fresh=attempt > 0)
        if shipment is None:
            raise UnknownShipment(f"no shipment for {tracking_key}")
        try:
            change(shipment)
        except _Stale:
            continue
        return shipment
    raise Conflict(f"shipment {tracking_key} kept changing; the event will be retried")


def apply_delivery(delivery: Delivery) -> Shipment | None:
    """Apply one payload's events to their shipment; the one path for every courier event."""
    if not delivery.events:
        return None
    return _with_retries(delivery.tracking_key, lambda shipment: _advance(shipment, delivery.events))


# ---------------------------------------------------------------- the scheduled check


def check_delays() -> int:
    """Flag every shipment that has had no courier event for 72 hours or is past its
    estimated delivery as DELAYED: once per shipment, found through the sparse byWatch
    index (never a scan). Returns how many were flagged now."""
    now = clock.now()
    flagged = 0
    for shipment_id in store.due_for_check(clock.iso(now)):
        shipment = store.get(shipment_id)
        if shipment is None:
            continue
        _remember(shipment)

        def flag(current: Shipment) -> bool:
            problem = rules.delay(now, current.created_at, current.summary)
            return _advance(current, [], extra=problem)

        try:
            before = ProblemKind.DELAYED.value in shipment.problems
            after = _with_retries(shipment.tracking_key, flag)
            flagged += int(not before and ProblemKind.DELAYED.value in after.problems)
        except Exception:
            logger.exception("delay check failed for a shipment", extra={"shipment_id": shipment_id})
            metrics.add_metric(name="DelayCheckFailures", unit="Count", value=1)
    metrics.add_metric(name="ShipmentsFlaggedDelayed", unit="Count", value=flagged)
    return flagged


# ---------------------------------------------------------------- replay


def replay(shipment_id: str) -> int:
    """Rebuild a shipment from the raw payloads kept for its tracking number (after a fix,
    or for events that were dead-lettered before it existed). Returns the events added."""
    shipment = store.get(shipment_id)
    if shipment is None:
        raise UnknownShipment(f"no shipment {shipment_id}")
    events: list[CourierEvent] = []
    for raw in store.raw_for(shipment.tracking_key):
        adapter = registry().get(raw.adapter)
        if adapter is None:
            logger.error("a raw payload names an unknown adapter", extra={"adapter": raw.adapter})
            continue
        events.extend(adapter.parse(raw.body.encode(), carrier=None).events)
    known = set(shipment.events)
    _remember(shipment)
    _with_retries(shipment.tracking_key, lambda current: _advance(current, events))
    return len({event.event_id for event in events} - known)


# ---------------------------------------------------------------- parcels other domains name


def _track(
    *,
    shipment_id: str,
    order_id: str,
    customer_id: str,
    kind: ShipmentKind,
    carrier: str,
    tracking_number: str,
    at: str,
    case_id: str | None,
) -> bool:
    """Start tracking a parcel under the shipment id its domain already names. False if it
    is tracked already: a redelivered or republished event, or a replay, adds nothing.
    Tracking counts its quiet hours from `at`, when the parcel left, not from when this ran."""
    try:
        store.create(
            shipment_id=shipment_id,
            order_id=order_id,
            customer_id=customer_id,
            kind=kind.value,
            carrier=carrier,
            tracking_number=tracking_number,
            at=at,
            case_id=case_id,
            due_at=rules.due_at(at, rules.EMPTY, delay_recorded=False),
        )
    except Conflict:
        return False
    metrics.add_metric(name="ShipmentsRegistered", unit="Count", value=1)
    logger.info(
        "parcel tracked",
        extra={"shipment_id": shipment_id, "order_id": order_id, "kind": kind, "case_id": case_id},
    )
    return True


def track_order_parcel(
    *, shipment_id: str, order_id: str, customer_id: str, carrier: str, tracking_number: str, at: str
) -> bool:
    """An order's own OUTBOUND parcel (from OrderShipped); False if tracked already."""
    return _track(
        shipment_id=shipment_id, order_id=order_id, customer_id=customer_id, kind=ShipmentKind.OUTBOUND,
        carrier=carrier, tracking_number=tracking_number, at=at, case_id=None,
    )  # fmt: skip


def track_case_parcel(
    *,
    shipment_id: str,
    case_id: str,
    order_id: str,
    customer_id: str,
    kind: ShipmentKind,
    carrier: str,
    tracking_number: str,
    at: str,
) -> bool:
    """An after-sales case's RETURN or REPLACEMENT parcel (from CaseParcelSent), under the
    shipment id the case names; False if tracked already. Its status changes are then
    published as CaseParcelMoved."""
    if kind is ShipmentKind.OUTBOUND:
        raise ValueError("a case sends RETURN or REPLACEMENT parcels, never an order's OUTBOUND one")
    return _track(
        shipment_id=shipment_id, order_id=order_id, customer_id=customer_id, kind=kind,
        carrier=carrier, tracking_number=tracking_number, at=at, case_id=case_id,
    )  # fmt: skip


# ---------------------------------------------------------------- the app's view


def to_wire(shipment: Shipment) -> ShipmentTrackingOut:
    summary = shipment.summary
    return ShipmentTrackingOut(
        shipment_id=shipment.shipment_id,
        kind=ShipmentKind(shipment.kind),
        case_id=shipment.case_id,
        carrier=shipment.carrier,
        tracking_number=shipment.tracking_number,
        status=summary.status,
        sub_status=summary.sub_status,
        estimated_delivery=summary.estimated_delivery,
        last_event_at=summary.last_event_at,
        history=[
            HistoryEntryOut(
                status=event.status,
                sub_status=event.sub_status,
                occurred_at=event.occurred_at,
                location=event.location,
                description=event.description,
            )
            for event in rules.history(shipment.events, newest_first=True)
        ],
        created_at=shipment.created_at,
        updated_at=shipment.updated_at,
    )


def tracking_for(principal: Principal, order_id: str) -> TrackingOut:
    """Every parcel of an order (its own, returns, replacements), for its owner or staff;
    another customer's order is a 404, as orders' own API says."""
    order = orders.order_for(principal, order_id)
    shipments = {shipment.shipment_id: shipment for shipment in store.list_for_order(order.order_id)}
    named = [
        *order.shipment_ids,
        *(parcel.shipment_id for parcel in cases.parcels_of_order(order.customer_id, order.order_id)),
    ]
    awaited: list[str] = []
    for shipment_id in dict.fromkeys(named):
        if shipment_id not in shipments:  # just sent: the index may not have it yet
            shipment = store.get(shipment_id)
            if shipment is not None:
                shipments[shipment_id] = shipment
            else:  # sent a moment ago: its OrderShipped or CaseParcelSent has not reached logistics yet
                awaited.append(shipment_id)
    kinds = list(ShipmentKind)
    ordered = sorted(
        shipments.values(), key=lambda s: (s.created_at, kinds.index(ShipmentKind(s.kind)), s.shipment_id)
    )
    return TrackingOut(shipments=[to_wire(shipment) for shipment in ordered], awaiting_tracking=awaited)
