"""The Customers table: the only module that reads or writes it.

One partition per customer (`customerId`), three kinds of item by sort key:
- `PROFILE`: tier, points balance, preferences, contact, the last care message's time (as
  campaigns told it: CareMessageSent; campaigns' frequency cap is their own claim);
- `LEDGER#<source>#<sourceId>`: one append-only points entry per source (a survey can
  credit points once: the entry and the balance change are one transaction);
- `DELIVERY#<orderId>`: a delivered order as campaigns see it (day, value, categories),
  written from the Orders table's stream; the `byDeliveredDay` index is the campaigns'
  audience of "orders delivered on day D";
- `COUPON#<couponCode>`: a coupon the customer holds (bought with points: written in one
  transaction with its `LEDGER#coupon#<code>` debit and the balance; or given by staff),
  USED or ACTIVE again as orders report its use (the revision orders counts).
"""

from __future__ import annotations

from typing import Any

from pynamodb.attributes import ListAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.connection import Connection
from pynamodb.expressions.condition import Condition
from pynamodb.expressions.update import Action
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from aftercare.db import conflicts_as_409, connection, is_condition_failure
from aftercare.settings import get_settings

PROFILE = "PROFILE"
LEDGER = "LEDGER#"
DELIVERY = "DELIVERY#"
COUPON = "COUPON#"


class ByTierIndex(GlobalSecondaryIndex["ProfileModel"]):
    class Meta:
        index_name = "byTier"
        projection = AllProjection()

    tier = UnicodeAttribute(hash_key=True)
    customerId = UnicodeAttribute(range_key=True)


class ByDeliveredDayIndex(GlobalSecondaryIndex["DeliveryModel"]):
    class Meta:
        index_name = "byDeliveredDay"
        projection = AllProjection()

    deliveredDay = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)


class ProfileModel(Model):
    class Meta:
        table_name = get_settings().customers_table

    customerId = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True, default=PROFILE)
    tier = UnicodeAttribute()
    points = NumberAttribute(default=0)
    lifetimePoints = NumberAttribute(default=0)
    timeZone = UnicodeAttribute()
    language = UnicodeAttribute()
    channels = ListAttribute(of=UnicodeAttribute, default=list)
    optOuts = ListAttribute(of=UnicodeAttribute, default=list)
    email = UnicodeAttribute(null=True)
    phone = UnicodeAttribute(null=True)
    lastCareAt = UnicodeAttribute(null=True)
    createdAt = UnicodeAttribute()
    updatedAt = UnicodeAttribute()

    by_tier = ByTierIndex()


class LedgerModel(Model):
    class Meta:
        table_name = get_settings().customers_table

    customerId = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    points = NumberAttribute()
    source = UnicodeAttribute()
    sourceId = UnicodeAttribute()
    reason = UnicodeAttribute()
    at = UnicodeAttribute()


class DeliveryModel(Model):
    class Meta:
        table_name = get_settings().customers_table

    customerId = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    orderId = UnicodeAttribute()
    deliveredAt = UnicodeAttribute()
    deliveredDay = UnicodeAttribute()
    total = NumberAttribute()
    currency = UnicodeAttribute()
    categories = ListAttribute(of=UnicodeAttribute, default=list)

    by_delivered_day = ByDeliveredDayIndex()


class CouponModel(Model):
    class Meta:
        table_name = get_settings().customers_table

    customerId = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)
    couponCode = UnicodeAttribute()
    source = UnicodeAttribute()  # points or goodwill
    catalogId = UnicodeAttribute(null=True)
    title = UnicodeAttribute()
    discount = NumberAttribute()
    minSpend = NumberAttribute()
    currency = UnicodeAttribute()
    pointsCost = NumberAttribute(default=0)
    issuedAt = UnicodeAttribute()
    expiresAt = UnicodeAttribute()
    status = UnicodeAttribute()  # ACTIVE or USED (EXPIRED is derived from expiresAt)
    orderId = UnicodeAttribute(null=True)  # the order that used it
    useRevision = NumberAttribute(default=0)  # orders' count of claims and releases
    usedAt = UnicodeAttribute(null=True)
    issuedBy = UnicodeAttribute(null=True)  # the staff member of a goodwill coupon
    reason = UnicodeAttribute(null=True)


def coupon_key(code: str) -> str:
    return f"{COUPON}{code}"


def ledger_key(source: str, source_id: str) -> str:
    return f"{LEDGER}{source}#{source_id}"


# ---------------------------------------------------------------- profile
def get_profile(customer_id: str, *, consistent: bool = False) -> ProfileModel | None:
    try:
        return ProfileModel.get(customer_id, PROFILE, consistent_read=consistent)
    except ProfileModel.DoesNotExist:
        return None


def create_profile(profile: ProfileModel) -> bool:
    """Write a new profile; False if one exists already (someone created it first)."""
    from pynamodb.exceptions import PutError

    try:
        profile.save(condition=ProfileModel.customerId.does_not_exist())
    except PutError as error:
        if is_condition_failure(error):
            return False
        raise
    return True


def update_preferences(customer_id: str, changes: dict[str, Any], at: str) -> None:
    """Set (or, for None, remove) the named profile attributes of an existing profile."""
    actions: list[Action] = [ProfileModel.updatedAt.set(at)]
    for name, value in changes.items():
        attribute = getattr(ProfileModel, name)
        actions.append(attribute.remove() if value is None else attribute.set(value))
    profile = ProfileModel(customerId=customer_id, sk=PROFILE)
    with conflicts_as_409("the profile does not exist"):
        profile.update(actions=actions, condition=ProfileModel.customerId.exists())


def set_tier(customer_id: str, tier: str, *, lifetime_points: int, at: str) -> bool:
    """Move to `tier` if the lifetime points are still what the tier was computed from."""
    from pynamodb.exceptions import UpdateError

    try:
        ProfileModel(customerId=customer_id, sk=PROFILE).update(
            actions=[ProfileModel.tier.set(tier), ProfileModel.updatedAt.set(at)],
            condition=ProfileModel.lifetimePoints == lifetime_points,
        )
    except UpdateError as error:
        if is_condition_failure(error):
            return False
        raise
    return True


def note_care(customer_id: str, *, at: str) -> bool:
    """Record on an existing profile that a care message went out `at`, unless a later one
    is recorded already (events may come in any order); False then."""
    from pynamodb.exceptions import UpdateError

    try:
        ProfileModel(customerId=customer_id, sk=PROFILE).update(
            actions=[ProfileModel.lastCareAt.set(at), ProfileModel.updatedAt.set(at)],
            condition=ProfileModel.customerId.exists()
            & (ProfileModel.lastCareAt.does_not_exist() | (ProfileModel.lastCareAt < at)),
        )
    except UpdateError as error:
        if is_condition_failure(error):
            return False
        raise
    return True


def list_by_tier(
    tier: str, *, limit: int, start_key: dict[str, Any] | None
) -> tuple[list[ProfileModel], Any]:
    results = ProfileModel.by_tier.query(tier, limit=limit, last_evaluated_key=start_key)
    return list(results), results.last_evaluated_key


# ---------------------------------------------------------------- points ledger
def credit(entry: LedgerModel, *, at: str) -> bool:
    """Append a ledger entry and add its points to the balance, atomically; False if this
    source already credited (the entry's key is the source)."""
    from pynamodb.exceptions import TransactWriteError

    profile = ProfileModel(customerId=entry.customerId, sk=PROFILE)
    try:
        with TransactWrite(connection=Connection()) as tx:
            tx.save(entry, condition=LedgerModel.sk.does_not_exist())
            tx.update(
                profile,
                actions=[
                    ProfileModel.points.add(int(entry.points)),
                    ProfileModel.lifetimePoints.add(max(int(entry.points), 0)),
                    ProfileModel.updatedAt.set(at),
                ],
                condition=ProfileModel.customerId.exists(),
            )
    except TransactWriteError as error:
        if is_condition_failure(error):
            return False
        raise
    return True


def ledger(customer_id: str, *, limit: int) -> list[LedgerModel]:
    condition: Condition = LedgerModel.sk.startswith(LEDGER)
    return list(LedgerModel.query(customer_id, condition, scan_index_forward=False, limit=limit))


def ledger_entry(customer_id: str, source: str, source_id: str) -> LedgerModel | None:
    try:
        return LedgerModel.get(customer_id, ledger_key(source, source_id), consistent_read=True)
    except LedgerModel.DoesNotExist:
        return None


# ---------------------------------------------------------------- coupons
def redeem(coupon: CouponModel, entry: LedgerModel, *, cost: int, at: str) -> bool:
    """Issue `coupon` and debit its `cost` from the balance (the ledger entry says so), in one
    transaction on the condition that the balance holds the cost: two redemptions racing
    for the last points cannot both pass, and the balance never goes negative. False if
    the condition failed (too few points, or a concurrent change: the caller re-reads)."""
    from pynamodb.exceptions import TransactWriteError

    profile = ProfileModel(customerId=coupon.customerId, sk=PROFILE)
    try:
        with TransactWrite(connection=connection()) as tx:
            tx.save(coupon, condition=CouponModel.sk.does_not_exist())
            tx.save(entry, condition=LedgerModel.sk.does_not_exist())
            tx.update(
                profile,
                actions=[ProfileModel.points.add(-cost), ProfileModel.updatedAt.set(at)],
                condition=ProfileModel.customerId.exists() & (ProfileModel.points >= cost),
            )
    except TransactWriteError as error:
        if is_condition_failure(error):
            return False
        raise
    return True


def give(coupon: CouponModel) -> None:
    """Issue a coupon no points pay for (a goodwill coupon)."""
    with conflicts_as_409("a coupon with this code exists already"):
        coupon.save(condition=CouponModel.sk.does_not_exist())


def get_coupon(customer_id: str, code: str) -> CouponModel | None:
    try:
        return CouponModel.get(customer_id, coupon_key(code), consistent_read=True)
    except CouponModel.DoesNotExist:
        return None


def coupons(
    customer_id: str, *, condition: Condition | None, limit: int, start_key: dict[str, Any] | None
) -> tuple[list[CouponModel], Any]:
    """The customer's coupons, newest first (codes are ULIDs), filtered by `condition`."""
    results = CouponModel.query(
        customer_id,
        CouponModel.sk.startswith(COUPON),
        filter_condition=condition,
        scan_index_forward=False,
        limit=limit,
        last_evaluated_key=start_key,
    )
    return list(results), results.last_evaluated_key


def show_coupon_use(customer_id: str, code: str, *, order_id: str | None, revision: int, at: str) -> bool:
    """USED by `order_id` (or ACTIVE again for None), if `revision` is newer than what the
    coupon shows: orders' claims and releases may arrive late or out of order. False if it
    was not newer, or there is no such coupon."""
    from pynamodb.exceptions import UpdateError

    coupon = CouponModel(customerId=customer_id, sk=coupon_key(code))
    actions: list[Action] = [CouponModel.useRevision.set(revision)]
    if order_id is None:
        actions += [CouponModel.status.set("ACTIVE"), CouponModel.orderId.remove()]
        actions += [CouponModel.usedAt.remove()]
    else:
        actions += [CouponModel.status.set("USED"), CouponModel.orderId.set(order_id)]
        actions += [CouponModel.usedAt.set(at)]
    try:
        coupon.update(
            actions=actions,
            condition=CouponModel.sk.exists()
            & (CouponModel.useRevision.does_not_exist() | (CouponModel.useRevision < revision)),
        )
    except UpdateError as error:
        if is_condition_failure(error):
            return False
        raise
    return True


# ---------------------------------------------------------------- deliveries (campaign audiences)
def record_delivery(delivery: DeliveryModel) -> None:
    """Idempotent: the same order delivered again rewrites the same item."""
    delivery.save()


def deliveries_on(
    day: str, *, limit: int, start_key: dict[str, Any] | None
) -> tuple[list[DeliveryModel], Any]:
    results = DeliveryModel.by_delivered_day.query(day, limit=limit, last_evaluated_key=start_key)
    return list(results), results.last_evaluated_key
