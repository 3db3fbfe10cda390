"""Surveys end to end in-process: scheduled on delivery, sent by the dispatcher in the
customer's daytime exactly once, answered once by link or in the app, expired after 7 days;
what an answer earns (points, customers' reaction to SurveyAnswered) and what a low score
opens (a recovery ticket, tickets' reaction to it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from aftercare import clock
from aftercare.settings import get_settings
from aftercare.surveys import port, rules, service, store
from tests.integration.surveys.support import bodies, item, take_messages
from tests.support.api import Api, customer, staff
from tests.support.bus import EventFlow

DAY = 24 * 3600
Deliver = Callable[..., tuple[dict[str, Any], str]]


def dispatch(api: Api) -> dict[str, int]:
    result: dict[str, int] = api.host.invoke("SurveyDispatchFunction", {"source": "aws.events"})
    return result


def invitation(api: Api, fixed_clock: clock.FixedClock, survey_id: str) -> dict[str, Any]:
    """Advance past the delay, dispatch, and return the one invitation queued."""
    fixed_clock.advance(DAY)
    assert dispatch(api)["sent"] == 1
    sent = [b for b in bodies(take_messages()) if b["kind"] == "survey.invitation"]
    assert [b["data"]["surveyId"] for b in sent] == [survey_id]
    return sent[0]


def link_token(message: dict[str, Any]) -> str:
    token = message["data"]["token"]
    assert parse_qs(urlparse(message["data"]["link"]).query)["token"] == [token]
    return str(token)


def answer(api: Api, survey_id: str, token: str | None, body: dict[str, Any] | None = None) -> Any:
    query = {"token": token} if token is not None else None
    return api.call(
        "POST",
        f"/v1/surveys/{survey_id}/responses",
        query=query,
        json_body=body if body is not None else {"csat": 5},
    )


# ---------------------------------------------------------------- scheduling
def test_a_delivered_order_schedules_one_survey_due_a_day_later(
    api: Api, deliver: Deliver, flow: EventFlow, fixed_clock: clock.FixedClock
) -> None:
    order, survey_id = deliver()
    flow.replay()  # the stream redelivers: the same event ids again
    assert store.claimed_survey("order", order["orderId"]) == survey_id
    mine = api.call("GET", "/v1/surveys", claims=customer()).json["items"]
    assert [(s["surveyId"], s["status"], s["subjectKind"], s["orderId"]) for s in mine] == [
        (survey_id, "SCHEDULED", "order", order["orderId"])
    ]
    assert mine[0]["dueAt"] == clock.iso(fixed_clock.now() + __import__("datetime").timedelta(days=1))
    assert item(
        get_settings().customers_table, {"customerId": "cus_alice", "sk": f"DELIVERY#{order['orderId']}"}
    )


@pytest.mark.parametrize("kind", ["order", "ticket", "case", "refund"])
def test_the_port_schedules_one_survey_per_subject_whatever_the_kind(
    aws: object, fixed_clock: clock.FixedClock, kind: str
) -> None:
    first = port.schedule_for(subject_kind=kind, subject_id="x_1", customer_id="cus_alice")
    again = port.schedule_for(subject_kind=kind, subject_id="x_1", customer_id="cus_alice", order_id="ord_1")
    other = port.schedule_for(subject_kind=kind, subject_id="x_2", customer_id="cus_alice")
    assert first == again != other
    assert first.startswith("sv_")


def test_an_unknown_subject_kind_is_a_programming_error(aws: object, fixed_clock: clock.FixedClock) -> None:
    with pytest.raises(ValueError, match="invoice"):
        port.schedule_for(subject_kind="invoice", subject_id="x", customer_id="cus_alice")


def test_racing_schedulers_end_with_one_survey(
    aws: object, fixed_clock: clock.FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = port.schedule_for(subject_kind="ticket", subject_id="tk_1", customer_id="cus_alice")
    real = store.claimed_survey
    stale = [True]  # the second scheduler looks before the first one's claim is visible

    def claimed_survey(kind: str, subject_id: str) -> str | None:
        if stale.pop() if stale else False:
            return None
        return real(kind, subject_id)

    monkeypatch.setattr(store, "claimed_survey", claimed_survey)
    assert port.schedule_for(subject_kind="ticket", subject_id="tk_1", customer_id="cus_alice") == first


# ---------------------------------------------------------------- dispatch
def test_dispatch_sends_a_due_survey_once_and_marks_it_sent(
    api: Api, deliver: Deliver, fixed_clock: clock.FixedClock
) -> None:
    _, survey_id = deliver()
    assert dispatch(api)["sent"] == 0  # not due yet
    assert take_messages() == []
    message = invitation(api, fixed_clock, survey_id)
    assert message["recipientId"] == "cus_alice"
    assert dispatch(api)["sent"] == 0  # a second run sends nothing
    assert take_messages() == []
    survey = store.get(survey_id)
    assert survey is not None and survey.status == "SENT"
    assert survey.expiresAt == clock.iso(fixed_clock.now() + rules.EXPIRES_AFTER)
    assert message["notificationId"] == survey.invitationId
    assert message["data"]["expiresAt"] == survey.expiresAt


def test_a_survey_due_in_the_customers_night_waits_for_their_morning(
    api: Api, deliver: Deliver, fixed_clock: clock.FixedClock
) -> None:
    _, survey_id = deliver()  # 08:00 UTC = 16:00 in Shanghai, due tomorrow 16:00
    api.call("PATCH", "/v1/me/preferences", claims=customer(), json_body={"timeZone": "America/New_York"})
    fixed_clock.advance(DAY)  # 08:00 UTC = 03:00 in New York
    assert dispatch(api) == {"sent": 0, "postponed": 1, "skipped": 0, "expired": 0, "failed": 0}
    assert take_messages() == []
    survey = store.get(survey_id)
    assert survey is not None and survey.dueAt == "2026-11-24T14:00:00.000Z"  # 09:00 EST
    fixed_clock.advance(5 * 3600 + 59 * 60)  # 13:59 UTC: still before 09:00 local
    assert dispatch(api)["sent"] == 0
    fixed_clock.advance(60)
    assert dispatch(api)["sent"] == 1
    assert [b["data"]["surveyId"] for b in bodies(take_messages())] == [survey_id]


def test_a_customer_who_opted_out_of_surveys_gets_none(
    api: Api, deliver: Deliver, fixed_clock: clock.FixedClock
) -> None:
    _, survey_id = deliver()
    api.call("PATCH", "/v1/me/preferences", claims=customer(), json_body={"optOuts": ["surveys"]})
    fixed_clock.advance(DAY)
    assert dispatch(api)["skipped"] == 1
    assert take_messages() == []
    survey = store.get(survey_id)
    assert survey is not None and survey.status == "EXPIRED"
    assert survey.timeline[-1].note == "not sent: the customer opted out"


def test_an_unanswered_survey_expires_7_days_after_sending(
    api: Api, deliver: Deliver, fixed_clock: clock.FixedClock
) -> None:
    _, survey_id = deliver()
    token = link_token(invitation(api, fixed_clock, survey_id))
    fixed_clock.advance(7 * DAY - 1)
    assert dispatch(api)["expired"] == 0
    fixed_clock.advance(1)
    assert dispatch(api)["expired"] == 1
    assert store.get(survey_id).status == "EXPIRED"  # type: ignore[union-attr]
    mine = api.call("POST", f"/v1/me/surveys/{survey_id}/responses", claims=customer(), json_body={"csat": 4})
    assert mine.status == 422
    assert answer(api, survey_id, token).status == 401  # the link expired with it


def test_a_dispatcher_that_died_after_queueing_resends_the_same_invitation(
    api: Api, deliver: Deliver, fixed_clock: clock.FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, _survey_id = deliver()
    fixed_clock.advance(DAY)
    original = store.change

    def crash(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the function timed out")

    monkeypatch.setattr(store, "change", crash)
    assert dispatch(api)["failed"] == 1
    monkeypatch.setattr(store, "change", original)
    assert dispatch(api)["sent"] == 1
    first, second = bodies(take_messages())
    assert first["notificationId"] == second["notificationId"]  # the sender delivers it once


# ---------------------------------------------------------------- answering by link
def test_a_survey_is_answered_once_by_its_link(
    api: Api, deliver: Deliver, fixed_clock: clock.FixedClock
) -> None:
    _, survey_id = deliver()
    token = link_token(invitation(api, fixed_clock, survey_id))
    read = api.call("GET", f"/v1/surveys/{survey_id}", query={"token": token})
    assert read.status == 200 and read.json["status"] == "SENT" and read.json["token"] is None
    body = {"csat": 4, "nps": 9, "comment": "quick and friendly", "tags": ["delivery", "staff", "delivery"]}
    first = answer(api, survey_id, token, body)
    assert first.status == 201, first.body
    assert first.json["status"] == "ANSWERED"
    assert first.json["response"] == {
        "csat": 4, "nps": 9, "comment": "quick and friendly", "tags": ["delivery", "staff"],
        "answeredAt": clock.now_iso(), "answeredVia": "link",
    }  # fmt: skip
    second = answer(api, survey_id, token, {"csat": 1})
    assert second.status == 409
    assert second.headers["content-type"] == "application/problem+json"
    assert store.get(survey_id).csat == 4  # type: ignore[union-attr]


def test_a_repeated_request_with_the_same_idempotency_key_returns_the_first_answer(
    api: Api, deliver: Deliver, fixed_clock: clock.FixedClock
) -> None:
    _, survey_id = deliver()
    token = link_token(invitation(api, fixed_clock, survey_id))
    headers = {"idempotency-key": "answer-1"}
    path = f"/v1/surveys/{survey_id}/responses"
    first = api.call("POST", path, query={"token": token}, json_body={"csat": 5}, headers=headers)
    again = api.call("POST", path, query={"token": token}, json_body={"csat": 5}, headers=headers)
    assert (first.status, again.status) == (201, 201)
    assert first.json == again.json


@pytest.mark.parametrize(
    "body",
    [{}, {"csat": 0}, {"csat": 6}, {"csat": "5"}, {"csat": 4.5}, {"csat": 3, "nps": 11}, {"csat": 3, "nps": -1},
     {"csat": 3, "comment": "x" * 2001}, {"csat": 3, "tags": ["no spaces allowed"]}],
)  # fmt: skip
def test_an_invalid_response_is_a_400_naming_the_field(
    api: Api, deliver: Deliver, fixed_clock: clock.FixedClock, body: dict[str, Any]
) -> None:
    _, survey_id = deliver()
    token = link_token(invitation(api, fixed_clock, survey_id))
    reply = answer(api, survey_id, token, body)
    assert reply.status == 400, reply.body
    assert reply.json["errors"]
    assert store.get(survey_id).status == "SENT"  # type: ignore[union-attr]


def forged(token: str) -> str:
    body, mac = token.split(".")
    return f"{body}.{mac[:-4]}AAAA"


@pytest.mark.parametrize("which", ["none", "empty", "forged", "other-secret"])
def test_a_missing_or_forged_link_token_is_a_401_before_the_body_is_read(
    api: Api, deliver: Deliver, fixed_clock: clock.FixedClock, which: str
) -> None:
    _, survey_id = deliver()
    token = link_token(invitation(api, fixed_clock, survey_id))
    bad = {
        "none": None,
        "empty": "",
        "forged": forged(token),
        "other-secret": rules.sign_link(b"not-our-secret-at-all", survey_id=survey_id, customer_id="cus_alice",
                                        expires=fixed_clock.now() + rules.EXPIRES_AFTER),
    }[which]  # fmt: skip
    for reply in (
        answer(api, survey_id, bad, {"csat": "not even valid"}),
        api.call("GET", f"/v1/surveys/{survey_id}", query={"token": bad} if bad is not None else None),
    ):
        assert reply.status == 401, reply.body
        assert reply.json["status"] == 401
    assert store.get(survey_id).status == "SENT"  # type: ignore[union-attr]


def test_an_expired_link_token_is_a_401(api: Api, deliver: Deliver, fixed_clock: clock.FixedClock) -> None:
    _, survey_id = deliver()
    stale = rules.sign_link(
        service.link_secret(), survey_id=survey_id, customer_id="cus_alice", expires=fixed_clock.now()
    )
    assert answer(api, survey_id, stale).status == 401


def test_a_genuine_token_opens_only_its_own_survey(
    api: Api, deliver: Deliver, fixed_clock: clock.FixedClock
) -> None:
    _, alices = deliver("cus_alice")
    _, bobs = deliver("cus_bob")
    fixed_clock.advance(DAY)
    assert dispatch(api)["sent"] == 2
    tokens = {b["data"]["surveyId"]: b["data"]["token"] for b in bodies(take_messages())}
    assert api.call("GET", f"/v1/surveys/{bobs}", query={"token": tokens[alices]}).status == 404
    assert answer(api, bobs, tokens[alices]).status == 404
    assert answer(api, alices, tokens[alices]).status == 201


# ---------------------------------------------------------------- the signed-in app
def test_the_owner_lists_reads_and_answers_in_the_app(
    api: Api, deliver: Deliver, fixed_clock: clock.FixedClock
) -> None:
    _, first = deliver()
    _, second = deliver()
    listed = api.call("GET", "/v1/surveys", claims=customer(), query={"limit": 1})
    assert listed.status == 200 and len(listed.json["items"]) == 1 and listed.json["nextCursor"]
    more = api.call(
        "GET", "/v1/surveys", claims=customer(), query={"limit": 1, "cursor": listed.json["nextCursor"]}
    )
    assert {listed.json["items"][0]["surveyId"], more.json["items"][0]["surveyId"]} == {first, second}
    token = listed.json["items"][0]["token"]
    assert (
        api.call("GET", f"/v1/surveys/{listed.json['items'][0]['surveyId']}", query={"token": token}).status
        == 200
    )

    mine = api.call("GET", f"/v1/me/surveys/{first}", claims=customer())
    assert mine.status == 200 and mine.json["surveyId"] == first
    answered = api.call("POST", f"/v1/me/surveys/{first}/responses", claims=customer(), json_body={"csat": 5})
    assert answered.status == 201 and answered.json["response"]["answeredVia"] == "app"
    again = api.call("POST", f"/v1/me/surveys/{first}/responses", claims=customer(), json_body={"csat": 5})
    assert again.status == 409
    assert store.get(first).status == "ANSWERED"  # type: ignore[union-attr]

    # An answer before the invitation went out means no invitation goes out.
    fixed_clock.advance(DAY)
    assert dispatch(api)["sent"] == 1
    assert [b["data"]["surveyId"] for b in bodies(take_messages())] == [second]

    sent = api.call("GET", "/v1/surveys", claims=customer(), query={"status": "ANSWERED"}).json["items"]
    assert [s["surveyId"] for s in sent] == [first]
    assert sent[0]["token"] is None


def test_authorization_no_token_401_another_customers_survey_404_staff_403(
    api: Api, deliver: Deliver, fixed_clock: clock.FixedClock
) -> None:
    _, survey_id = deliver("cus_alice")
    assert api.call("GET", "/v1/surveys").status == 401
    assert api.call("GET", f"/v1/me/surveys/{survey_id}").status == 401
    assert api.call("POST", f"/v1/me/surveys/{survey_id}/responses", json_body={"csat": 5}).status == 401
    assert api.call("GET", f"/v1/me/surveys/{survey_id}", claims=customer("cus_bob")).status == 404
    bob = api.call(
        "POST", f"/v1/me/surveys/{survey_id}/responses", claims=customer("cus_bob"), json_body={"csat": 1}
    )
    assert bob.status == 404
    assert api.call("GET", "/v1/me/surveys/sv_01NOPE", claims=customer()).status == 404
    assert api.call("GET", "/v1/surveys", claims=customer("cus_bob")).json["items"] == []
    assert api.call("GET", "/v1/surveys", claims=staff("agent")).status == 403
    assert store.get(survey_id).status == "SCHEDULED"  # type: ignore[union-attr]


# ---------------------------------------------------------------- after an answer
def points(api: Api) -> int:
    return int(api.call("GET", "/v1/me", claims=customer()).json["points"])


def test_answering_earns_points_once_and_a_good_score_opens_no_ticket(
    api: Api, deliver: Deliver, flow: EventFlow, fixed_clock: clock.FixedClock
) -> None:
    """The points are customers' reaction to SurveyAnswered: eventual, and once however
    often the event comes (a stream record republished, the queue delivering it again)."""
    _, survey_id = deliver()
    token = link_token(invitation(api, fixed_clock, survey_id))
    assert answer(api, survey_id, token, {"csat": 5}).status == 201
    assert points(api) == 0  # not yet: customers' reaction
    flow.run()
    flow.replay()  # the same event again: the reaction runs once per event id
    me = api.call("GET", "/v1/me", claims=customer()).json
    assert me["points"] == get_settings().survey_response_points == 50
    assert [(p["source"], p["sourceId"], p["points"]) for p in me["recentPoints"]] == [
        ("survey", survey_id, 50)
    ]
    [answered] = [e for e in flow.published if e["type"] == "SurveyAnswered"]
    assert (answered["subject"], answered["payload"]["csat"]) == (survey_id, 5)
    assert answered["payload"]["needs_recovery"] is False
    from aftercare.tickets import store as tickets

    assert tickets.ticket_for_source("survey", survey_id) is None


def test_a_new_event_about_the_same_answer_credits_nothing_more(
    api: Api, deliver: Deliver, flow: EventFlow, fixed_clock: clock.FixedClock
) -> None:
    """Beyond the event id: the ledger entry is the survey's, so even an event with another
    id about the same answer (a redrive of an edited message, a re-publication) adds nothing."""
    _, survey_id = deliver()
    token = link_token(invitation(api, fixed_clock, survey_id))
    assert answer(api, survey_id, token, {"csat": 4}).status == 201
    flow.run()
    [answered] = [e for e in flow.published if e["type"] == "SurveyAnswered"]
    import boto3

    from aftercare.events import DomainEvent, to_entry

    again = DomainEvent.from_detail({**answered, "id": "ev_" + "0" * 26})
    boto3.client("events", region_name="us-east-1").put_events(
        Entries=[to_entry(again, flow.stack.ref("DomainEventBus"))]
    )
    assert flow.run() and again.id in {e["id"] for e in flow.published}  # delivered, reacted to
    assert points(api) == 50


def test_a_low_score_opens_one_service_recovery_complaint(
    api: Api, deliver: Deliver, flow: EventFlow, fixed_clock: clock.FixedClock
) -> None:
    order, survey_id = deliver()
    token = link_token(invitation(api, fixed_clock, survey_id))
    assert answer(api, survey_id, token, {"csat": 2, "comment": "The parcel was crushed"}).status == 201
    from aftercare.tickets import store as tickets

    assert tickets.ticket_for_source("survey", survey_id) is None  # eventual: tickets' reaction
    flow.run()
    flow.replay()  # the stream delivers the answer again: still one ticket
    assert flow.types().count("SurveyAnswered") == 1
    ticket_id = tickets.ticket_for_source("survey", survey_id)
    assert ticket_id is not None
    ticket = api.call("GET", f"/v1/tickets/{ticket_id}", claims=customer()).json
    assert ticket["category"] == "COMPLAINT"
    assert ticket["orderId"] == order["orderId"]
    assert ticket["subject"] == f"Service recovery: CSAT 2/5 after order {order['orderId']}"
    texts = [m["body"] if "body" in m else m.get("message", "") for m in ticket["messages"]]
    assert "crushed" in " ".join(texts)
    assert sum("crushed" in text for text in texts) == 1


def test_a_failing_reaction_is_retried_from_its_own_queue_alone(
    api: Api,
    deliver: Deliver,
    flow: EventFlow,
    fixed_clock: clock.FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The points (customers' reaction) and the ticket (tickets' reaction) share no retry:
    each failing one is retried from its own queue, and each effect happens once."""
    _, survey_id = deliver()
    token = link_token(invitation(api, fixed_clock, survey_id))
    assert answer(api, survey_id, token, {"csat": 1}).status == 201
    from aftercare.customers import service as customers
    from aftercare.tickets import port as tickets

    credit = customers.credit_points
    opened: list[str] = []
    failing = {"customers": True, "tickets": True}

    def throttled_credit(*args: Any, **kwargs: Any) -> bool:
        if failing["customers"]:
            raise RuntimeError("customers table throttled")
        return credit(*args, **kwargs)

    def open_or_update_for(**kwargs: Any) -> str:
        if failing["tickets"]:
            raise RuntimeError("tickets table throttled")
        opened.append(kwargs["source_id"])
        return "tk_1"

    monkeypatch.setattr(customers, "credit_points", throttled_credit)
    monkeypatch.setattr(tickets, "open_or_update_for", open_or_update_for)
    flow.run()
    assert sorted(function for function, _ in flow.failures) == [
        "CustomersReactionsFunction",
        "TicketsReactionsFunction",
    ]
    assert points(api) == 0 and opened == []
    failing["tickets"] = False
    flow.retry()  # the ticket goes through; the points are still failing, retried alone
    assert opened == [survey_id] and points(api) == 0
    failing["customers"] = False
    flow.retry()
    assert points(api) == 50
    flow.replay()  # the stream delivers the answer again: nothing twice
    assert opened == [survey_id] and points(api) == 50
