"""The notification sender: every kind, every recipient, by the customer's channel, once;
a bad message fails alone; marketing respects opt-outs and quiet hours, transactional not."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from aftercare import clock
from aftercare.notifications import channels
from aftercare.notifications import store as log
from aftercare.settings import get_settings
from tests.integration.surveys.support import emails, send_all, sqs_event, sqs_record, staff_alerts, texts
from tests.support.api import Api, customer

SURVEY = {"surveyId": "sv_1", "link": "https://care.example.com/surveys/sv_1?token=t", "token": "t",
          "expiresAt": "2026-11-30T08:00:00.000Z"}  # fmt: skip


@pytest.fixture(autouse=True)
def pushes(aws: object, fixed_clock: clock.FixedClock) -> Iterator[list[dict[str, str]]]:
    boto3.client("ses", region_name="us-east-1").verify_email_identity(
        EmailAddress=get_settings().notification_from_email
    )
    channels.push.sent.clear()
    yield channels.push.sent
    channels.push.sent.clear()


def message(
    kind: str, recipient: str = "cus_alice", data: dict[str, Any] | None = None, nid: str = "ntf_1"
) -> str:
    return json.dumps({"notificationId": nid, "recipientId": recipient, "kind": kind, "data": data or {}})


def deliver(api: Api, *bodies: str) -> dict[str, Any]:
    records = [sqs_record(body, f"m-{index}", f"rh-{index}") for index, body in enumerate(bodies)]
    result: dict[str, Any] = api.host.invoke("NotificationSenderFunction", {"Records": records})
    return result


def prefer(api: Api, sub: str = "cus_alice", **preferences: Any) -> None:
    reply = api.call("PATCH", "/v1/me/preferences", claims=customer(sub), json_body=preferences)
    assert reply.status == 200, reply.body


def test_a_customer_without_a_profile_gets_a_push(api: Api, pushes: list[dict[str, str]]) -> None:
    assert deliver(api, message("survey.invitation", data=SURVEY)) == {"batchItemFailures": []}
    assert [(p["to"], p["subject"]) for p in pushes] == [("cus_alice", "邀请您评价我们的服务")]
    assert SURVEY["link"] in pushes[0]["text"]
    record = log.get("ntf_1")
    assert record is not None and (record.status, record.channel) == ("SENT", "push")


def test_email_through_ses_in_the_customers_language(api: Api, pushes: list[dict[str, str]]) -> None:
    prefer(api, channels=["email", "push"], email="li.lei@example.com", language="en")
    deliver(
        api,
        message("order.exception", data={"orderId": "ord_1", "reason": "out of stock", "proposal": "wait"}),
    )
    [sent] = emails()
    assert sent.destinations["ToAddresses"] == ["li.lei@example.com"]
    assert sent.source == get_settings().notification_from_email
    assert sent.subject == "About your order ord_1"
    assert "out of stock" in sent.body
    assert pushes == []


def test_sms_through_sns(api: Api) -> None:
    prefer(api, channels=["sms"], phone="+8613800138000", language="en")
    deliver(api, message("refund.succeeded", data={"orderId": "ord_1", "amount": 100, "currency": "CNY"}))
    assert texts() == [("+8613800138000", "We refunded 100 (minor units, CNY) for order ord_1.")]


def test_the_campaigns_preferred_channel_comes_first_if_the_customer_has_it(
    api: Api, pushes: list[dict[str, str]]
) -> None:
    prefer(api, channels=["push", "email"], email="li.lei@example.com")
    care = {"channel": "email", "message": {"subject": "Hi", "text": "How is your kettle?"}}
    deliver(api, message("care.revisit", data=care))
    assert [m.body for m in emails()] == ["How is your kettle?"]
    prefer(api, channels=["push"])
    deliver(api, message("care.revisit", data=care, nid="ntf_2"))
    assert [p["text"] for p in pushes] == ["How is your kettle?"]  # e-mail not among the allowed channels


def test_a_customer_with_no_usable_channel_is_recorded_undeliverable(api: Api) -> None:
    prefer(api, channels=["email", "sms"])  # but no address for either
    assert deliver(api, message("ticket.solved", data={"ticketId": "tk_1"})) == {"batchItemFailures": []}
    record = log.get("ntf_1")
    assert record is not None and record.status == "UNDELIVERABLE"


def test_staff_recipients_go_to_the_staff_topic_whatever_the_kind(
    api: Api, pushes: list[dict[str, str]]
) -> None:
    deliver(
        api,
        message("refund.approval-needed", "role:supervisor", {"refundId": "rf_1", "amount": 129900}),
        message("something.new", "role:agent", {"x": 1}, nid="ntf_2"),
    )
    alerts = staff_alerts()
    assert [(a[2], a[3]["role"]["Value"], a[3]["kind"]["Value"]) for a in alerts] == [
        ("[Aftercare] refund.approval-needed", "supervisor", "refund.approval-needed"),
        ("[Aftercare] something.new", "agent", "something.new"),
    ]
    assert pushes == []


def test_an_unknown_kind_for_a_customer_uses_the_generic_template(
    api: Api, pushes: list[dict[str, str]]
) -> None:
    prefer(api, language="en")
    deliver(api, message("case.approved", data={"caseId": "as_1"}))
    assert pushes[0]["subject"] == "An update from customer service"
    assert "caseId: as_1" in pushes[0]["text"]


def test_a_notification_queued_twice_is_delivered_once(api: Api, pushes: list[dict[str, str]]) -> None:
    body = message("survey.invitation", data=SURVEY)
    assert deliver(api, body, body) == {"batchItemFailures": []}
    deliver(api, body)
    assert len(pushes) == 1


def test_a_bad_message_fails_alone_and_the_rest_of_the_batch_is_delivered(
    api: Api, pushes: list[dict[str, str]]
) -> None:
    result = deliver(
        api,
        message("ticket.solved", data={"ticketId": "tk_1"}, nid="ntf_1"),
        "this is not json",
        json.dumps({"kind": "x"}),  # no id, no recipient
        message("ticket.replied", data={"ticketId": "tk_1"}, nid="ntf_2"),
    )
    assert result == {"batchItemFailures": [{"itemIdentifier": "m-1"}, {"itemIdentifier": "m-2"}]}
    assert len(pushes) == 2


def test_a_failing_provider_fails_its_message_and_the_retry_delivers_it(
    api: Api, monkeypatch: pytest.MonkeyPatch, pushes: list[dict[str, str]]
) -> None:
    calls = []

    def flaky(address: str, subject: str, text: str, *, marketing: bool) -> str:
        calls.append(address)
        if len(calls) == 1:
            raise ConnectionError("push provider unavailable")
        return "push-1"

    monkeypatch.setattr(channels.push, "deliver", flaky)
    body = message("ticket.solved", data={"ticketId": "tk_1"})
    result = deliver(api, body, message("ticket.replied", nid="ntf_2", data={"ticketId": "tk_1"}))
    assert result == {"batchItemFailures": [{"itemIdentifier": "m-0"}]}
    assert log.get("ntf_1").status == "RETRY"  # type: ignore[union-attr]
    assert deliver(api, body) == {"batchItemFailures": []}
    assert log.get("ntf_1").status == "SENT"  # type: ignore[union-attr]


def test_an_unverified_email_falls_back_to_the_next_channel(api: Api, pushes: list[dict[str, str]]) -> None:
    prefer(api, channels=["email", "push"], email="li.lei@example.com")
    boto3.client("ses", region_name="us-east-1").delete_identity(
        Identity=get_settings().notification_from_email
    )
    deliver(api, message("ticket.solved", data={"ticketId": "tk_1"}))
    assert emails() == [] and len(pushes) == 1
    assert "email: MessageRejected" in (log.get("ntf_1").detail or "")  # type: ignore[union-attr]


# ---------------------------------------------------------------- marketing vs transactional
def test_opt_outs_hold_back_surveys_and_care_but_not_transactional_messages(
    api: Api, pushes: list[dict[str, str]]
) -> None:
    prefer(api, optOuts=["surveys", "care"])
    deliver(
        api,
        message("survey.invitation", data=SURVEY, nid="ntf_1"),
        message("care.member", data={"message": {"subject": "s", "text": "t"}}, nid="ntf_2"),
        message("order.exception", data={"orderId": "ord_1", "reason": "r", "proposal": "p"}, nid="ntf_3"),
    )
    assert [p["subject"] for p in pushes] == ["关于您的订单 ord_1"]
    assert [log.get(n).status for n in ("ntf_1", "ntf_2", "ntf_3")] == ["SKIPPED", "SKIPPED", "SENT"]  # type: ignore[union-attr]


def test_quiet_hours_defer_a_marketing_message_until_morning_but_not_a_transactional_one(
    api: Api, pushes: list[dict[str, str]], fixed_clock: clock.FixedClock
) -> None:
    fixed_clock.advance(6 * 3600)  # 14:00 UTC = 22:00 in Shanghai
    sqs = boto3.client("sqs", region_name="us-east-1")
    url = get_settings().notifications_queue_url
    sqs.send_message(QueueUrl=url, MessageBody=message("survey.invitation", data=SURVEY, nid="ntf_1"))
    sqs.send_message(
        QueueUrl=url, MessageBody=message("logistics.problem", data={"orderId": "o"}, nid="ntf_2")
    )
    received = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
    by_kind = {json.loads(m["Body"])["kind"]: m for m in received}
    result = api.host.invoke("NotificationSenderFunction", sqs_event(list(by_kind.values())))
    assert result == {"batchItemFailures": [{"itemIdentifier": by_kind["survey.invitation"]["MessageId"]}]}
    assert [p["subject"] for p in pushes] == ["您的包裹配送异常"]
    assert log.get("ntf_1").status == "RETRY"  # type: ignore[union-attr]
    # Hidden until 09:00 Shanghai (01:00 UTC): 11 hours from 14:00 UTC.
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.sqs.models import sqs_backends

    queue = sqs_backends[DEFAULT_ACCOUNT_ID]["us-east-1"].queues[url.rsplit("/", 1)[1]]
    hidden = [m for m in queue._messages if json.loads(m.body)["kind"] == "survey.invitation"]
    assert hidden and hidden[0].visible_at / 1000 - time.time() == pytest.approx(11 * 3600, abs=5)

    fixed_clock.advance(11 * 3600)  # the customer's morning: the retry delivers it
    assert send_all(api) == {"batchItemFailures": []}  # nothing visible yet in real time
    assert deliver(api, message("survey.invitation", data=SURVEY, nid="ntf_1")) == {"batchItemFailures": []}
    assert [p["subject"] for p in pushes] == ["您的包裹配送异常", "邀请您评价我们的服务"]
