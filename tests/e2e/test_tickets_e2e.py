"""A ticket's life through the local stack over real HTTP: a Chinese complaint is
classified urgent, assigned and answered from a template; an unanswered ticket breaches
its SLA when the local clock moves and is escalated exactly once; the staff queue is
ordered by SLA due time."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import LocalStackProcess

pytestmark = pytest.mark.e2e

SUPERVISOR = ("sup_zhao", "supervisor")


def test_a_complaint_is_urgent_assigned_answered_and_a_breach_escalates_once(
    local_stack: LocalStackProcess,
) -> None:
    stack = local_stack
    complaint = stack.post(
        "/v1/tickets",
        as_=("cus_e2e_mei", "customer"),
        json_body={
            "channel": "app",
            "subject": "投诉客服",
            "message": "你们客服态度太差了，三天都没人回复，再不处理我就去12315投诉！",
        },
    )
    assert complaint.status_code == 201, complaint.text
    ticket = complaint.json()
    assert (ticket["category"], ticket["priority"], ticket["sentiment"]) == (
        "COMPLAINT",
        "URGENT",
        "NEGATIVE",
    )
    assert ticket["status"] == "OPEN"
    agent = ticket["assignee"]
    assert agent in {"agent_chen", "agent_liu"}  # the COMPLAINT skill
    assert ticket["suggestions"][0]["faqId"] == "faq-complaint"

    templates = stack.get("/v1/admin/reply-templates", as_=(agent, "agent")).json()["items"]
    assert "complaint-apology-zh" in {t["templateId"] for t in templates}
    answered = stack.post(
        f"/v1/admin/tickets/{ticket['ticketId']}/reply",
        as_=(agent, "agent"),
        json_body={"templateId": "complaint-apology-zh", "variables": {"customerName": "梅女士"}},
    )
    assert answered.status_code == 200, answered.text
    assert answered.json()["firstRespondedAt"] is not None
    assert answered.json()["messages"][-1]["body"].startswith("梅女士您好，非常抱歉")

    question = stack.post(
        "/v1/tickets",
        as_=("cus_e2e_tom", "customer"),
        json_body={
            "channel": "web",
            "subject": "Parcel",
            "message": "Could you tell me when my parcel will arrive?",
        },
    ).json()
    assert (question["category"], question["priority"]) == ("LOGISTICS", "NORMAL")

    queue = stack.get("/v1/admin/tickets", as_=SUPERVISOR, params={"status": "OPEN", "limit": 100}).json()[
        "items"
    ]
    ids = [t["ticketId"] for t in queue]
    assert {ticket["ticketId"], question["ticketId"]} <= set(ids)
    due = [
        min(t["firstResponseDue"], t["resolutionDue"])
        if t["firstRespondedAt"] is None
        else t["resolutionDue"]
        for t in queue
    ]
    assert due == sorted(due)
    assert ids.index(question["ticketId"]) < ids.index(ticket["ticketId"])  # 12 h before 48 h

    with stack.only_schedules("TicketsSlaCheckFunction"):  # the 5-minute check's firings alone
        stack.advance(13 * 3600)  # past the question's 12 h first-response target
    breached = stack.get(f"/v1/tickets/{question['ticketId']}", as_=("cus_e2e_tom", "customer")).json()
    assert (breached["priority"], breached["breachCount"]) == ("HIGH", 1)
    assert breached["breaches"][0]["kind"] == "FIRST_RESPONSE"
    stack.advance(15 * 60)  # three more runs of the 5-minute check
    again = stack.get(f"/v1/tickets/{question['ticketId']}", as_=("cus_e2e_tom", "customer")).json()
    assert (again["priority"], again["breachCount"]) == ("HIGH", 1)
    calm = stack.get(f"/v1/tickets/{ticket['ticketId']}", as_=("cus_e2e_mei", "customer")).json()
    assert calm["breachCount"] == 0  # answered within the hour; resolution due in 48 h
