"""The CampaignSends table: the only module that reads or writes it.

- `send#<campaign>#<customer>#<period>`: one care message, written once (conditional put)
  when the audience is evaluated, so a campaign run twice sends nothing twice. A PENDING
  send carries `pending` and `sendAt` (the sparse `byPending` index: what is due, in the
  customer's daytime); SENT and SKIPPED ones drop them.
- `run#<campaign>#<period>`: the campaign's audience for that period was fully evaluated.
- `lease#runner`: who runs the campaigns now and until when (one run at a time).
- `care#<customer>`: when the customer's last care message went out, the frequency cap's
  claim. It is written in the same transaction as the send it belongs to, on the condition
  that the last one is at least the cap old: two sends to one customer can never both
  pass, whatever runs at once. (It lived in the customer's profile; customers now learn of
  each message from CareMessageSent, which this table's stream publishes.)
Items expire (TTL `expiresAt`) long after their period, so the send log outlives it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pynamodb.attributes import MapAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.exceptions import PutError, UpdateError
from pynamodb.expressions.update import Action
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from aftercare import clock
from aftercare.db import conflicts_as_409, is_condition_failure
from aftercare.settings import get_settings

PENDING = "PENDING"
SENT = "SENT"
SKIPPED = "SKIPPED"
KEEP_FOR = timedelta(days=400)


class ByPendingIndex(GlobalSecondaryIndex["SendModel"]):
    class Meta:
        index_name = "byPending"
        projection = AllProjection()

    pending = UnicodeAttribute(hash_key=True)
    sendAt = UnicodeAttribute(range_key=True)


class SendModel(Model):
    class Meta:
        table_name = get_settings().campaign_sends_table

    pk = UnicodeAttribute(hash_key=True)
    campaign = UnicodeAttribute()
    kind = UnicodeAttribute()
    customerId = UnicodeAttribute()
    period = UnicodeAttribute()
    status = UnicodeAttribute()
    pending = UnicodeAttribute(null=True)
    sendAt = UnicodeAttribute(null=True)
    notificationId = UnicodeAttribute()
    values = MapAttribute[str, Any](default=dict)
    detail = UnicodeAttribute(null=True)
    createdAt = UnicodeAttribute()
    updatedAt = UnicodeAttribute()
    expiresAt = NumberAttribute()

    by_pending = ByPendingIndex()


class RunModel(Model):
    class Meta:
        table_name = get_settings().campaign_sends_table

    pk = UnicodeAttribute(hash_key=True)
    campaign = UnicodeAttribute()
    period = UnicodeAttribute()
    audience = NumberAttribute()
    at = UnicodeAttribute()
    expiresAt = NumberAttribute()


class CareClaimModel(Model):
    class Meta:
        table_name = get_settings().campaign_sends_table

    pk = UnicodeAttribute(hash_key=True)
    customerId = UnicodeAttribute()
    lastCareAt = UnicodeAttribute()
    sendKey = UnicodeAttribute()
    expiresAt = NumberAttribute()


class LeaseModel(Model):
    class Meta:
        table_name = get_settings().campaign_sends_table

    pk = UnicodeAttribute(hash_key=True)
    holder = UnicodeAttribute()
    until = UnicodeAttribute()
    expiresAt = NumberAttribute()


RUNNER_LEASE = "lease#runner"


def send_key(campaign: str, customer_id: str, period: str) -> str:
    return f"send#{campaign}#{customer_id}#{period}"


def care_key(customer_id: str) -> str:
    return f"care#{customer_id}"


def run_key(campaign: str, period: str) -> str:
    return f"run#{campaign}#{period}"


def ttl(now: datetime) -> int:
    return int((now + KEEP_FOR).timestamp())


def add_send(send: SendModel) -> bool:
    """Record a send for (campaign, customer, period) once; False if it exists."""
    try:
        send.save(condition=SendModel.pk.does_not_exist())
    except PutError as error:
        if is_condition_failure(error):
            return False
        raise
    return True


def get_send(pk: str) -> SendModel | None:
    try:
        return SendModel.get(pk, consistent_read=True)
    except SendModel.DoesNotExist:
        return None


def due(now: str, *, limit: int) -> list[SendModel]:
    return list(SendModel.by_pending.query(PENDING, SendModel.sendAt <= now, limit=limit))


def settle(send: SendModel, *, status: str, at: str, detail: str) -> None:
    """PENDING → SENT or SKIPPED (one conditional write)."""
    with conflicts_as_409("the send was settled meanwhile"):
        send.update(actions=_settle_actions(status, at, detail), condition=SendModel.status == PENDING)


def add_settle(tx: TransactWrite, send: SendModel, *, status: str, at: str, detail: str) -> None:
    tx.update(send, actions=_settle_actions(status, at, detail), condition=SendModel.status == PENDING)


def _settle_actions(status: str, at: str, detail: str) -> list[Action]:
    return [
        SendModel.status.set(status),
        SendModel.detail.set(detail),
        SendModel.updatedAt.set(at),
        SendModel.pending.remove(),
        SendModel.sendAt.remove(),
    ]


def last_care_at(customer_id: str) -> str | None:
    """When the customer's last care message went out (None: never, or over 400 days ago)."""
    try:
        return CareClaimModel.get(care_key(customer_id), consistent_read=True).lastCareAt
    except CareClaimModel.DoesNotExist:
        return None


def add_care_claim(tx: TransactWrite, send: SendModel, *, at: str, cap_since: str, now: datetime) -> None:
    """As part of the send's transaction: claim the customer's care message at `at`, if the
    last one went out no later than `cap_since` (the frequency cap, held by the condition)."""
    tx.update(
        CareClaimModel(care_key(send.customerId)),
        actions=[
            CareClaimModel.customerId.set(send.customerId),
            CareClaimModel.lastCareAt.set(at),
            CareClaimModel.sendKey.set(send.pk),
            CareClaimModel.expiresAt.set(ttl(now)),
        ],
        condition=CareClaimModel.pk.does_not_exist() | (CareClaimModel.lastCareAt <= cap_since),
    )


def postpone(send: SendModel, *, until: str, at: str) -> None:
    with conflicts_as_409("the send was settled meanwhile"):
        send.update(
            actions=[SendModel.sendAt.set(until), SendModel.updatedAt.set(at)],
            condition=SendModel.status == PENDING,
        )


def run_done(campaign: str, period: str) -> bool:
    try:
        RunModel.get(run_key(campaign, period), consistent_read=True)
    except RunModel.DoesNotExist:
        return False
    return True


def mark_run(campaign: str, period: str, *, audience: int, now: datetime) -> None:
    RunModel(
        pk=run_key(campaign, period),
        campaign=campaign,
        period=period,
        audience=audience,
        at=clock.iso(now),
        expiresAt=ttl(now),
    ).save()


def take_lease(holder: str, *, now: datetime, hold_for: timedelta) -> bool:
    """Become the one campaign run until now + hold_for, unless another run holds an
    unexpired lease (one conditional write; False then)."""
    lease = LeaseModel(RUNNER_LEASE, holder=holder, until=clock.iso(now + hold_for), expiresAt=ttl(now))
    try:
        lease.save(condition=LeaseModel.pk.does_not_exist() | (LeaseModel.until <= clock.iso(now)))
    except PutError as error:
        if is_condition_failure(error):
            return False
        raise
    return True


def release_lease(holder: str, *, now: datetime) -> None:
    """End our lease now (a crashed run's lease simply expires); never someone else's."""
    try:
        LeaseModel(RUNNER_LEASE).update(
            actions=[LeaseModel.until.set(clock.iso(now))], condition=LeaseModel.holder == holder
        )
    except UpdateError as error:
        if not is_condition_failure(error):
            raise
