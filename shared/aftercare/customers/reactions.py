"""What customer profiles do when other domains act.

- An order delivered: it joins the care campaigns' audiences (OrderDelivered).
- A survey answered: the customer earns its loyalty points, once per survey (SurveyAnswered).
- A care message sent: the profile shows when the last one went out (campaigns'
  CareMessageSent; the frequency cap itself is campaigns' own claim).
- An order took a coupon, or gave it back by being cancelled before payment: the coupon
  shows USED or ACTIVE again (orders' CouponUsed, CouponReleased; the newest revision wins).
"""

from __future__ import annotations

from aftercare.campaigns.events import CareMessageSent
from aftercare.customers import coupons, service
from aftercare.events import DomainEvent
from aftercare.orders.events import CouponReleased, CouponUsed, OrderDelivered
from aftercare.reacting import Reaction
from aftercare.settings import get_settings
from aftercare.surveys.events import SurveyAnswered

SURVEY_SOURCE = "survey"


def note_delivery(event: DomainEvent) -> None:
    delivered: OrderDelivered = event.read(OrderDelivered)
    service.record_delivery(
        customer_id=delivered.customer_id,
        order_id=delivered.order_id,
        delivered_at=delivered.delivered_at,
        total=delivered.total,
        currency=delivered.currency,
        categories=list(delivered.categories),
    )


def credit_survey_points(event: DomainEvent) -> None:
    """Thank the customer with points. Once twice over: the reaction runs once per event id,
    and the ledger entry's key is the survey, so even a new event about the same answer (a
    republished stream record) credits nothing more."""
    answered: SurveyAnswered = event.read(SurveyAnswered)
    points = get_settings().survey_response_points
    if points <= 0:
        return
    service.credit_points(
        answered.customer_id,
        source=SURVEY_SOURCE,
        source_id=answered.survey_id,
        points=points,
        reason="thank you for answering our survey",
    )


def note_care_message(event: DomainEvent) -> None:
    sent: CareMessageSent = event.read(CareMessageSent)
    service.note_care_message(sent.customer_id, sent_at=sent.sent_at)


def show_coupon_used(event: DomainEvent) -> None:
    used: CouponUsed = event.read(CouponUsed)
    coupons.show_use(
        used.customer_id, used.coupon_code, order_id=used.order_id, revision=used.revision, at=used.used_at
    )


def show_coupon_released(event: DomainEvent) -> None:
    released: CouponReleased = event.read(CouponReleased)
    coupons.show_use(
        released.customer_id, released.coupon_code, order_id=None, revision=released.revision,
        at=released.released_at,
    )  # fmt: skip


REACTIONS: dict[str, Reaction] = {
    OrderDelivered.TYPE: note_delivery,
    SurveyAnswered.TYPE: credit_survey_points,
    CareMessageSent.TYPE: note_care_message,
    CouponUsed.TYPE: show_coupon_used,
    CouponReleased.TYPE: show_coupon_released,
}
