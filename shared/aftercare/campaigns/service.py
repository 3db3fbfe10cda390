"""Runs the care campaigns of campaigns.json (the scheduled campaign runner).

1. Evaluate: for every enabled campaign whose audience was not yet evaluated in the
   current period, read the audience through an index (delivered orders of one day, or
   members of a tier) and write one PENDING send per customer and period, conditionally:
   a run repeated, or two overlapping, record each send once.
2. Drain: every PENDING send that is due goes out unless the customer opted out or got a
   care message in the last 7 days (SKIPPED, with the reason); in the customer's quiet
   hours it waits for their 09:00. The notification is queued under the send's fixed id,
   then the send is marked SENT together with the customer's care claim (one transaction
   in campaigns' own table whose condition is the frequency cap). The customer's profile
   learns of the message from CareMessageSent (customers' reaction), so the cap never
   waits on another domain's table.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from aftercare import clock, ids
from aftercare.campaigns import rules, store
from aftercare.campaigns.rules import Campaign, DeliveredOrders, Members
from aftercare.campaigns.store import SendModel
from aftercare.customers import queries as customers
from aftercare.customers.queries import CARE_CAP, cap_allows, is_quiet, next_morning, opted_out
from aftercare.db import transaction
from aftercare.errors import Conflict
from aftercare.notifications import port as notifications
from aftercare.observability import logger, metrics

DRAIN_BATCH = 500


@dataclass
class RunReport:
    queued: int = 0
    sent: int = 0
    skipped: int = 0
    postponed: int = 0
    failed: int = 0
    overlapped: int = 0  # 1: another run held the lease, this one did nothing

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


# One run at a time: a care message is queued before the transaction that checks the
# frequency cap, so two runs draining at once could each queue a message to one customer.
# The lease outlasts the function's timeout (300 s in template.yaml), so a run Lambda has
# stopped can never overlap the next. (This replaced ReservedConcurrentExecutions: 1.)
LEASE = timedelta(seconds=360)


def run(*, campaigns: tuple[Campaign, ...] | None = None, batch: int = DRAIN_BATCH) -> RunReport:
    report = RunReport()
    now = clock.now()
    holder = ids.ulid()
    if not store.take_lease(holder, now=now, hold_for=LEASE):
        logger.warning("another campaign run holds the lease; this one does nothing")
        report.overlapped = 1
        return report
    try:
        _run(report, now, campaigns=campaigns, batch=batch)
    finally:
        store.release_lease(holder, now=clock.now())
    return report


def _run(report: RunReport, now: datetime, *, campaigns: tuple[Campaign, ...] | None, batch: int) -> None:
    for campaign in campaigns if campaigns is not None else rules.campaigns():
        if not campaign.enabled:
            continue
        try:
            report.queued += evaluate(campaign, now)
        except Exception:
            logger.exception("campaign evaluation failed", extra={"campaign": campaign.name})
            report.failed += 1
    drain(now, report, batch=batch, campaigns=campaigns)
    for name, value in report.as_dict().items():
        if value:
            metrics.add_metric(name=f"Care{name.title()}", unit="Count", value=value)
    logger.info("campaign run", extra=report.as_dict())


# ---------------------------------------------------------------- evaluate
def evaluate(campaign: Campaign, now: datetime) -> int:
    period = rules.period_key(campaign.schedule.every, now)
    if store.run_done(campaign.name, period):
        return 0
    audience = created = 0
    for customer_id, values in _audience(campaign, now):
        audience += 1
        created += _record(campaign, customer_id, period, values, now)
    store.mark_run(campaign.name, period, audience=audience, now=now)
    logger.info("campaign evaluated", extra={"campaign": campaign.name, "period": period,
                                             "audience": audience, "new_sends": created})  # fmt: skip
    return created


def _audience(campaign: Campaign, now: datetime) -> Iterator[tuple[str, dict[str, str]]]:
    audience = campaign.audience
    if isinstance(audience, DeliveredOrders):
        for order in customers.delivered_on(rules.cohort_day(audience, now)):
            if rules.order_matches(
                audience, total=order.total, currency=order.currency, categories=list(order.categories)
            ):
                yield (
                    order.customer_id,
                    {
                        "orderId": order.order_id,
                        "deliveredAt": order.delivered_at,
                        "warrantyEndsAt": rules.warranty_ends(order.delivered_day),
                    },
                )
    elif isinstance(audience, Members):
        for tier in audience.tiers:
            for member in customers.members_of(tier):
                yield member.customer_id, {}


def _record(campaign: Campaign, customer_id: str, period: str, values: dict[str, str], now: datetime) -> int:
    at = clock.iso(now)
    send = SendModel(
        pk=store.send_key(campaign.name, customer_id, period),
        campaign=campaign.name,
        kind=campaign.kind,
        customerId=customer_id,
        period=period,
        status=store.PENDING,
        pending=store.PENDING,
        sendAt=at,
        notificationId=ids.new_id("ntf"),
        values=values,
        createdAt=at,
        updatedAt=at,
        expiresAt=store.ttl(now),
    )
    return 1 if store.add_send(send) else 0


# ---------------------------------------------------------------- drain
def drain(
    now: datetime,
    report: RunReport,
    *,
    batch: int = DRAIN_BATCH,
    campaigns: tuple[Campaign, ...] | None = None,
) -> None:
    by_name = {c.name: c for c in (campaigns if campaigns is not None else rules.campaigns())}
    for candidate in store.due(clock.iso(now), limit=batch):
        try:
            outcome = _send_one(candidate.pk, by_name, now)
        except Exception:
            logger.exception("care message failed", extra={"send": candidate.pk})
            outcome = "failed"
        setattr(report, outcome, getattr(report, outcome) + 1)


def _send_one(pk: str, by_name: dict[str, Campaign], now: datetime) -> str:
    send = store.get_send(pk)
    at = clock.iso(now)
    if send is None or send.status != store.PENDING or (send.sendAt or "") > at:
        return "skipped"
    campaign = by_name.get(send.campaign)
    if campaign is None or not campaign.enabled:
        store.settle(send, status=store.SKIPPED, at=at, detail="the campaign was withdrawn")
        return "skipped"
    reach = customers.reach(send.customerId)
    if opted_out(send.kind, reach.opt_outs):
        store.settle(send, status=store.SKIPPED, at=at, detail="the customer opted out")
        return "skipped"
    if is_quiet(now, reach.time_zone):
        store.postpone(send, until=clock.iso(next_morning(now, reach.time_zone)), at=at)
        return "postponed"
    if not cap_allows(_last_care(send.customerId, reach.last_care_at), now):
        store.settle(
            send, status=store.SKIPPED, at=at, detail="frequency cap: a care message in the last 7 days"
        )
        return "skipped"
    values = {**_values(send), "tier": reach.tier, "points": str(reach.points)}
    notifications.send_once(
        send.notificationId,
        send.customerId,
        send.kind,
        {
            "campaign": campaign.name,
            "channel": campaign.channel.value,
            "message": rules.render(campaign, reach.language, values),
            **_values(send),
        },
    )
    try:
        with transaction("the frequency cap or the send changed meanwhile") as tx:
            store.add_settle(tx, send, status=store.SENT, at=at, detail=f"queued {send.notificationId}")
            store.add_care_claim(tx, send, at=at, cap_since=clock.iso(now - CARE_CAP), now=now)
    except Conflict:
        # Only a concurrent care message can get here (the runner runs one at a time).
        logger.warning("care message raced another; recorded as capped", extra={"send": send.pk})
        fresh = store.get_send(send.pk)
        if fresh is not None and fresh.status == store.PENDING:
            store.settle(fresh, status=store.SKIPPED, at=at, detail="frequency cap (concurrent message)")
        return "skipped"
    return "sent"


def _last_care(customer_id: str, profile_says: datetime | None) -> datetime | None:
    """The later of campaigns' own claim and the profile's last care time. The claim alone
    holds the cap (the transaction's condition); the profile's time, which customers keep
    from CareMessageSent, covers messages sent before the claim moved here."""
    claimed = store.last_care_at(customer_id)
    times = [t for t in (clock.parse_iso(claimed) if claimed else None, profile_says) if t is not None]
    return max(times, default=None)


def _values(send: SendModel) -> dict[str, str]:
    values = send.values.as_dict() if hasattr(send.values, "as_dict") else dict(send.values or {})
    return {str(key): str(value) for key, value in values.items()}
