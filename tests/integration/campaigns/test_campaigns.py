"""Care campaigns run from campaigns.json: audiences through indexes, each send recorded
once, opt-outs, quiet hours in the customer's time zone and the 7-day frequency cap."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from aftercare import clock
from aftercare.campaigns import rules, service
from aftercare.campaigns import store as sends
from aftercare.customers import service as customers
from tests.integration.surveys.support import bodies, take_messages
from tests.support.api import Api, customer
from tests.support.bus import EventFlow

COHORT = "2026-11-09"  # 14 days before the fixed clock's 2026-11-23


@pytest.fixture
def env(aws: object, fixed_clock: clock.FixedClock) -> clock.FixedClock:
    return fixed_clock


def delivered(customer_id: str, order_id: str, total: int, day: str = COHORT, currency: str = "CNY") -> None:
    customers.record_delivery(
        customer_id=customer_id,
        order_id=order_id,
        delivered_at=f"{day}T10:00:00.000Z",
        total=total,
        currency=currency,
        categories=["appliances"],
    )


def run(campaigns: tuple[rules.Campaign, ...] | None = None) -> dict[str, int]:
    return service.run(campaigns=campaigns).as_dict()


def campaign(name: str, **changes: Any) -> rules.Campaign:
    base = next(c for c in rules.campaigns() if c.name == "high-value-revisit")
    return base.model_copy(update={"name": name, **changes})


def care_messages() -> list[dict[str, Any]]:
    return [b for b in bodies(take_messages()) if b["kind"].startswith("care.")]


def test_a_high_value_delivery_gets_one_revisit_even_when_the_campaign_runs_twice(
    env: clock.FixedClock,
) -> None:
    delivered("cus_alice", "ord_big", 150000)
    delivered("cus_bob", "ord_small", 5000)
    delivered("cus_carol", "ord_other_day", 150000, day="2026-11-10")
    assert run() == {"queued": 1, "sent": 1, "skipped": 0, "postponed": 0, "failed": 0, "overlapped": 0}
    [sent] = care_messages()
    assert (sent["recipientId"], sent["kind"], sent["data"]["orderId"]) == (
        "cus_alice",
        "care.revisit",
        "ord_big",
    )
    assert sent["data"]["channel"] == "push"
    assert "ord_big" in sent["data"]["message"]["text"]
    assert run() == {"queued": 0, "sent": 0, "skipped": 0, "postponed": 0, "failed": 0, "overlapped": 0}
    env.advance(3600)
    assert run()["sent"] == 0
    assert care_messages() == []
    record = sends.get_send(sends.send_key("high-value-revisit", "cus_alice", "2026-11-23"))
    assert record is not None and record.status == "SENT" and record.pending is None


def test_overlapping_runs_record_each_send_once(env: clock.FixedClock) -> None:
    delivered("cus_alice", "ord_big", 150000)
    revisit = (campaign("high-value-revisit"),)
    assert service.evaluate(revisit[0], env.now()) == 1
    sends.RunModel(pk=sends.run_key("high-value-revisit", "2026-11-23")).delete()  # as if the marker was lost
    assert service.evaluate(revisit[0], env.now()) == 0
    assert run(revisit)["sent"] == 1
    assert len(care_messages()) == 1


def test_a_care_message_due_at_night_waits_for_the_customers_morning(api: Api, env: clock.FixedClock) -> None:
    api.call("PATCH", "/v1/me/preferences", claims=customer(), json_body={"timeZone": "America/New_York"})
    delivered("cus_alice", "ord_big", 150000)
    assert run()["postponed"] == 1  # 08:00 UTC is 03:00 in New York
    assert care_messages() == []
    record = sends.get_send(sends.send_key("high-value-revisit", "cus_alice", "2026-11-23"))
    assert record is not None and record.sendAt == "2026-11-23T14:00:00.000Z"
    env.advance(5 * 3600)
    assert run()["sent"] == 0
    env.advance(3600)  # 14:00 UTC, 09:00 in New York
    assert run()["sent"] == 1
    assert [m["recipientId"] for m in care_messages()] == ["cus_alice"]


def test_customers_who_opted_out_of_care_get_nothing(api: Api, env: clock.FixedClock) -> None:
    api.call("PATCH", "/v1/me/preferences", claims=customer(), json_body={"optOuts": ["care.revisit"]})
    delivered("cus_alice", "ord_big", 150000)
    assert run()["skipped"] == 1
    assert care_messages() == []
    record = sends.get_send(sends.send_key("high-value-revisit", "cus_alice", "2026-11-23"))
    assert record is not None and (record.status, record.detail) == ("SKIPPED", "the customer opted out")


def test_one_care_message_per_customer_in_7_days(env: clock.FixedClock) -> None:
    delivered("cus_alice", "ord_1", 150000)
    first, second = campaign("revisit-a"), campaign("revisit-b", kind="care.other")
    assert run((first, second)) == {
        "queued": 2,
        "sent": 1,
        "skipped": 1,
        "postponed": 0,
        "failed": 0,
        "overlapped": 0,
    }
    assert len(care_messages()) == 1
    # A week later a new cohort for the same customer goes through again.
    env.advance(7 * 24 * 3600)
    delivered("cus_alice", "ord_2", 150000, day=(env.now() - timedelta(days=14)).date().isoformat())
    assert run((first,))["sent"] == 1
    assert [m["data"]["orderId"] for m in care_messages()] == ["ord_2"]


def test_the_cap_is_campaigns_own_claim_written_with_the_send(env: clock.FixedClock) -> None:
    """The claim (`care#<customer>` in CampaignSends) is written in the send's transaction,
    on the condition that the last message is 7 days old: even two sends that both passed
    the read-ahead check (as two runs at once would) cannot both go out."""
    delivered("cus_alice", "ord_1", 150000)
    first, second = campaign("revisit-a"), campaign("revisit-b", kind="care.other")
    blind = pytest.MonkeyPatch()
    blind.setattr(service, "_last_care", lambda customer_id, profile_says: None)  # both pass the check
    try:
        report = run((first, second))
    finally:
        blind.undo()
    assert (report["sent"], report["skipped"]) == (1, 1)
    details = sorted(
        str(record.detail)
        for name in ("revisit-a", "revisit-b")
        if (record := sends.get_send(sends.send_key(name, "cus_alice", "2026-11-23"))) is not None
    )
    assert details[0] == "frequency cap (concurrent message)" and details[1].startswith("queued ntf_")
    assert sends.last_care_at("cus_alice") == clock.iso(env.now())
    # The loser's message was queued before its transaction failed: why one run at a time
    # (the lease) keeps the runs apart, while the claim keeps the record exact.
    assert len(care_messages()) == 2


def test_the_profile_learns_of_the_message_from_CareMessageSent(
    api: Api, env: clock.FixedClock, flow: EventFlow
) -> None:
    delivered("cus_alice", "ord_big", 150000)
    assert run()["sent"] == 1
    assert api.call("GET", "/v1/me", claims=customer()).json["lastCareAt"] is None  # eventual
    flow.run()
    flow.replay()
    [sent] = [e for e in flow.published if e["type"] == "CareMessageSent"]
    assert sent["payload"]["customer_id"] == "cus_alice" and sent["payload"]["kind"] == "care.revisit"
    assert api.call("GET", "/v1/me", claims=customer()).json["lastCareAt"] == clock.iso(env.now())
    # An older message told late changes nothing: the profile keeps the latest.
    customers.note_care_message("cus_alice", sent_at="2026-11-01T08:00:00.000Z")
    assert api.call("GET", "/v1/me", claims=customer()).json["lastCareAt"] == clock.iso(env.now())


def test_a_care_message_the_profile_recorded_before_the_claim_moved_still_caps(env: clock.FixedClock) -> None:
    """Messages sent before the claim lived in CampaignSends are on the profile only."""
    customers.note_care_message("cus_alice", sent_at=clock.iso(env.now() - timedelta(days=2)))
    delivered("cus_alice", "ord_big", 150000)
    assert run()["skipped"] == 1
    assert care_messages() == []


def test_member_care_reaches_the_gold_members_through_the_tier_index(api: Api, env: clock.FixedClock) -> None:
    customers.credit_points(customer_id="cus_gold", source="test", source_id="1", points=6000, reason="seed")
    customers.credit_points(customer_id="cus_basic", source="test", source_id="1", points=10, reason="seed")
    assert api.call("GET", "/v1/me", claims=customer("cus_gold")).json["tier"] == "GOLD"
    member_care = next(c for c in rules.campaigns() if c.name == "member-care")
    assert run((member_care,))["sent"] == 1
    [sent] = care_messages()
    assert sent["recipientId"] == "cus_gold" and "6000" in sent["data"]["message"]["text"]
    env.advance(24 * 3600)
    assert run((member_care,))["queued"] == 0  # once per month


def test_a_disabled_or_withdrawn_campaign_sends_nothing(env: clock.FixedClock) -> None:
    delivered("cus_alice", "ord_big", 150000)
    assert run((campaign("high-value-revisit", enabled=False),))["queued"] == 0
    assert service.evaluate(campaign("gone"), env.now()) == 1
    assert run((campaign("high-value-revisit", enabled=False),))["skipped"] == 1  # "gone" is not defined
    assert care_messages() == []


def test_a_run_while_another_holds_the_lease_sends_nothing(env: clock.FixedClock) -> None:
    """One run at a time (what ReservedConcurrentExecutions: 1 used to guarantee): a care
    message is queued before the frequency-cap transaction, so two draining runs could each
    message one customer."""
    delivered("cus_alice", "ord_big", 150000)
    assert sends.take_lease("another-run", now=env.now(), hold_for=service.LEASE)
    assert run() == {"queued": 0, "sent": 0, "skipped": 0, "postponed": 0, "failed": 0, "overlapped": 1}
    assert care_messages() == []
    sends.release_lease("another-run", now=env.now())
    assert run()["sent"] == 1


def test_a_crashed_runs_lease_expires_and_only_its_holder_releases_it(env: clock.FixedClock) -> None:
    delivered("cus_alice", "ord_big", 150000)
    assert sends.take_lease("crashed-run", now=env.now(), hold_for=service.LEASE)
    sends.release_lease("someone-else", now=env.now())  # not theirs: no effect
    assert run()["overlapped"] == 1
    env.advance(service.LEASE.total_seconds())
    assert run()["sent"] == 1
