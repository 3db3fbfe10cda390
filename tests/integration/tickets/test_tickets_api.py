"""Tickets through the API: intake, messages and reopening, staff work, the queue."""

from __future__ import annotations

from typing import Any

from aftercare import clock
from tests.integration.tickets.conftest import Tickets, notifications
from tests.support.api import Api, customer, staff
from tests.support.orders import Orders

HOUR = 3600


def test_intake_classifies_assigns_and_suggests_faq_answers(tickets: Tickets) -> None:
    ticket = tickets.open(subject="退款", message="退货已经寄回去了，退款多久能到账？")
    assert ticket["ticketId"].startswith("tk_")
    assert (ticket["category"], ticket["priority"], ticket["sentiment"]) == ("REFUND", "NORMAL", "NEUTRAL")
    assert ticket["status"] == "OPEN"
    assert ticket["assignee"] in {"agent_wang", "agent_chen", "agent_james"}  # the REFUND skill
    assert ticket["firstResponseDue"] == "2026-11-23T20:00:00.000Z"  # NORMAL: 12 h
    assert ticket["resolutionDue"] == "2026-11-25T08:00:00.000Z"
    assert ticket["messages"][0]["body"] == "退货已经寄回去了，退款多久能到账？"
    assert ticket["suggestions"][0]["faqId"] == "faq-refund-time"
    assert [(e["from"], e["to"]) for e in ticket["timeline"]] == [(None, "NEW"), ("NEW", "OPEN")]


def test_a_complaint_in_chinese_is_urgent_with_a_one_hour_first_response(tickets: Tickets) -> None:
    ticket = tickets.open(subject="投诉", message="客服态度太差了，再不处理我就打12315投诉你们！")
    assert (ticket["category"], ticket["priority"], ticket["sentiment"]) == (
        "COMPLAINT",
        "URGENT",
        "NEGATIVE",
    )
    assert ticket["firstResponseDue"] == "2026-11-23T09:00:00.000Z"
    assert ticket["assignee"] in {"agent_chen", "agent_liu"}


def test_a_linked_order_must_be_the_customers_own_and_its_value_raises_priority(
    api: Api, tickets: Tickets
) -> None:
    orders = Orders(api)
    order = orders.place(
        "cus_alice",
        items=[{"sku": "TV-1", "name": "TV", "category": "tv", "quantity": 1, "unitPrice": 659900}],
    )
    ticket = tickets.open(
        subject="delivery", message="When will my order be delivered?", orderId=order["orderId"]
    )
    assert (ticket["orderId"], ticket["priority"]) == (order["orderId"], "HIGH")
    reply = api.call(
        "POST",
        "/v1/tickets",
        claims=customer("cus_mallory"),
        json_body={"channel": "app", "subject": "x", "message": "where is it", "orderId": order["orderId"]},
    )
    assert reply.status == 404


def test_repeat_contacts_within_seven_days_raise_priority(tickets: Tickets) -> None:
    first = tickets.open(message="我的快递什么时候到？")
    tickets.open(message="快递还没到，帮我看看")
    third = tickets.open(message="我的快递到底什么时候能送到")
    assert first["priority"] == "NORMAL"
    assert third["priority"] in {"HIGH", "URGENT"}


def test_my_tickets_are_paginated_newest_first_and_only_mine(
    tickets: Tickets, api: Api, fixed_clock: clock.FixedClock
) -> None:
    opened = []
    for index in range(3):
        opened.append(tickets.open(message=f"问题 {index}")["ticketId"])
        fixed_clock.advance(60)
    tickets.open("cus_bob")
    first = api.call("GET", "/v1/tickets", claims=customer(), query={"limit": 2})
    assert first.status == 200
    assert [t["ticketId"] for t in first.json["items"]] == opened[::-1][:2]
    second = api.call(
        "GET", "/v1/tickets", claims=customer(), query={"limit": 2, "cursor": first.json["nextCursor"]}
    )
    assert [t["ticketId"] for t in second.json["items"]] == opened[:1]
    stolen = api.call(
        "GET", "/v1/tickets", claims=customer("cus_bob"), query={"cursor": first.json["nextCursor"]}
    )
    assert stolen.status == 400


def test_the_first_agent_reply_stamps_first_response_from_a_template(tickets: Tickets) -> None:
    ticket = tickets.open(subject="退款", message="我的退款什么时候到？")
    agent = ticket["assignee"]
    replied = tickets.ok(
        ticket["ticketId"],
        "reply",
        {"templateId": "ack-zh", "variables": {"customerName": "李女士"}},
        sub=agent,
    )
    assert replied["firstRespondedAt"] == "2026-11-23T08:00:00.000Z"
    message = replied["messages"][-1]
    assert message["templateId"] == "ack-zh"
    assert message["body"].startswith(f"李女士您好，您的问题（工单 {ticket['ticketId']}）")
    assert "2026-11-25 08:00 UTC" in message["body"]
    again = tickets.ok(ticket["ticketId"], "reply", {"message": "补充一句"}, sub=agent)
    assert again["firstRespondedAt"] == replied["firstRespondedAt"]
    kinds = [n["kind"] for n in notifications() if n["recipientId"] == "cus_alice"]
    assert kinds == ["ticket.replied", "ticket.replied"]


def test_a_template_missing_a_variable_is_422_naming_it(tickets: Tickets) -> None:
    ticket = tickets.open(subject="退款", message="我的退款什么时候到？")
    reply = tickets.staff(ticket["ticketId"], "reply", {"templateId": "refund-progress-zh"})
    assert reply.status == 422
    assert reply.json["errors"] == [{"field": "variables.orderId", "message": "required by the template"}]
    assert tickets.staff(ticket["ticketId"], "reply", {}).status == 400
    assert tickets.staff(ticket["ticketId"], "reply", {"templateId": "nope"}).status == 404


def test_waiting_on_the_customer_then_their_answer_reopens_and_resumes_the_clock(
    tickets: Tickets, fixed_clock: clock.FixedClock
) -> None:
    ticket = tickets.open(subject="质量", message="吹风机有焦味，是不是质量问题")
    tid = ticket["ticketId"]
    fixed_clock.advance(2 * HOUR)
    pending = tickets.ok(tid, "pending", {"message": "请拍一张照片给我们"})
    assert pending["status"] == "PENDING"
    assert pending["pausedAt"] == "2026-11-23T10:00:00.000Z"
    assert pending["firstRespondedAt"] == "2026-11-23T10:00:00.000Z"
    fixed_clock.advance(10 * HOUR)
    answered = tickets.write(tid, "照片已经上传了")
    assert answered.status == 201
    assert answered.json["status"] == "OPEN"
    assert answered.json["pausedAt"] is None
    assert answered.json["resolutionDue"] == "2026-11-25T18:00:00.000Z"  # 48 h + 10 h paused


def test_solving_a_complaint_needs_its_mediation_outcome(tickets: Tickets) -> None:
    # a complaint about the shop's own staff: a courier's attitude is one the triage may read as
    # LOGISTICS (the service's people, or the delivery), and this test is about the mediation rule
    ticket = tickets.open(subject="投诉", message="我要投诉你们的客服，态度极差")
    assert ticket["category"] == "COMPLAINT"
    tid, agent = ticket["ticketId"], ticket["assignee"]
    refused = tickets.staff(tid, "solve", {"resolution": "apologised"}, sub=agent)
    assert refused.status == 422
    solved = tickets.ok(
        tid, "solve", {"resolution": "已向快递公司投诉并补偿优惠券", "outcome": "COMPENSATED"}, sub=agent
    )
    assert solved["status"] == "SOLVED"
    assert solved["resolution"]["outcome"] == "COMPENSATED"
    assert solved["autoCloseAt"] == "2026-11-27T08:00:00.000Z"


def test_a_message_on_a_solved_ticket_reopens_it(tickets: Tickets) -> None:
    ticket = tickets.open(message="快递什么时候到")
    tickets.ok(ticket["ticketId"], "solve", {"resolution": "已送达"})
    reopened = tickets.write(ticket["ticketId"], "还是没收到啊")
    assert reopened.status == 201
    assert (reopened.json["ticketId"], reopened.json["status"]) == (ticket["ticketId"], "OPEN")
    assert reopened.json["timeline"][-1]["note"] == "reopened by a new message"


def test_a_message_on_a_closed_ticket_opens_a_linked_follow_up(
    tickets: Tickets, fixed_clock: clock.FixedClock, api: Api
) -> None:
    from aftercare.tickets import sla

    ticket = tickets.open(message="快递什么时候到")
    tickets.ok(ticket["ticketId"], "solve", {"resolution": "已送达"})
    fixed_clock.advance(4 * 24 * HOUR)
    sla.run_sla_check()
    closed = tickets.get(ticket["ticketId"])
    assert closed["status"] == "CLOSED"
    reply = tickets.write(ticket["ticketId"], "又出问题了，盒子里少了一个配件")
    assert reply.status == 201
    follow_up = reply.json
    assert follow_up["ticketId"] != ticket["ticketId"]
    assert follow_up["followUpOf"] == ticket["ticketId"]
    assert tickets.get(ticket["ticketId"])["status"] == "CLOSED"
    assert tickets.get(ticket["ticketId"])["followUpId"] == follow_up["ticketId"]
    again = tickets.write(ticket["ticketId"], "还有，包装也破了")
    assert again.json["ticketId"] == follow_up["ticketId"]  # the same follow-up, not another


def test_staff_cannot_reply_before_assignment_or_solve_a_closed_ticket(tickets: Tickets, api: Api) -> None:
    from aftercare.tickets.agent_store import AgentModel

    for agent in AgentModel.scan():
        agent.update(actions=[AgentModel.active.set(False)])
    ticket = tickets.open(message="快递什么时候到")
    assert (ticket["status"], ticket["assignee"]) == ("NEW", None)
    refused = tickets.staff(ticket["ticketId"], "reply", {"message": "hi"})
    assert refused.status == 409
    assert "assign" in refused.json["detail"]


def test_escalation_raises_priority_and_notifies_the_supervisor(tickets: Tickets) -> None:
    ticket = tickets.open(message="快递什么时候到")
    notifications()
    escalated = tickets.ok(ticket["ticketId"], "escalate", {"reason": "VIP customer"})
    assert (escalated["priority"], escalated["escalations"]) == ("HIGH", 1)
    assert escalated["firstResponseDue"] == "2026-11-23T12:00:00.000Z"
    sent = notifications()
    assert [(n["recipientId"], n["kind"]) for n in sent] == [("sup_zhao", "ticket.escalated")]


def test_the_staff_queue_is_ordered_by_sla_due_time(tickets: Tickets, fixed_clock: clock.FixedClock) -> None:
    low = tickets.open(message="请问这款有现货吗？")  # PRESALE, LOW: 24 h
    fixed_clock.advance(60)
    normal = tickets.open(message="快递什么时候到？")  # NORMAL: 12 h
    fixed_clock.advance(60)
    urgent = tickets.open(message="我要投诉，等着差评吧")  # URGENT: 1 h
    queue = tickets.queue(status="OPEN")
    assert queue.status == 200
    assert [t["ticketId"] for t in queue.json["items"]] == [
        urgent["ticketId"],
        normal["ticketId"],
        low["ticketId"],
    ]
    dues = [t["firstResponseDue"] for t in queue.json["items"]]
    assert dues == sorted(dues)
    mine = tickets.queue(assignee=urgent["assignee"], status="OPEN")
    assert urgent["ticketId"] in [t["ticketId"] for t in mine.json["items"]]


def test_the_staff_queue_without_filters_is_the_open_work_by_sla_due_time(
    tickets: Tickets, fixed_clock: clock.FixedClock
) -> None:
    low = tickets.open(message="请问这款有现货吗？")
    fixed_clock.advance(60)
    waiting = tickets.open(message="快递什么时候到？")
    tickets.ok(waiting["ticketId"], "pending", {"message": "请提供订单号"})
    fixed_clock.advance(60)
    solved = tickets.open(message="我要投诉，等着差评吧")
    tickets.ok(solved["ticketId"], "solve", {"resolution": "refunded", "outcome": "REFUNDED"})

    seen: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(10):
        page = tickets.queue(limit=1, **({"cursor": cursor} if cursor else {}))
        assert page.status == 200, page.body
        seen.extend(page.json["items"])
        cursor = page.json["nextCursor"]
        if not cursor:
            break
    assert sorted(t["ticketId"] for t in seen) == sorted([low["ticketId"], waiting["ticketId"]])
    assert {t["status"] for t in seen} <= {"NEW", "OPEN", "PENDING"}


def test_reply_templates_and_agents_are_listed_for_staff(api: Api, tickets: Tickets) -> None:
    reply = api.call("GET", "/v1/admin/reply-templates", claims=staff("agent"))
    assert reply.status == 200
    first = reply.json["items"][0]
    assert {"templateId", "language", "title", "body", "placeholders"} <= set(first)
    agents = api.call("GET", "/v1/admin/agents", claims=staff("supervisor"))
    assert agents.status == 200
    assert {a["agentId"] for a in agents.json["items"]} >= {"agent_li", "sup_zhao"}


def test_faq_search_answers_in_the_language_asked(api: Api, tickets: Tickets) -> None:
    zh = api.call("GET", "/v1/faq", claims=customer(), query={"q": "怎么修改收货地址"})
    assert zh.status == 200
    assert zh.json["items"][0]["faqId"] == "faq-change-address"
    assert zh.json["items"][0]["language"] == "zh"
    en = api.call("GET", "/v1/faq", claims=customer(), query={"q": "cancel my order", "limit": 2})
    assert en.json["items"][0]["faqId"] == "faq-cancel-order"
    assert len(en.json["items"]) <= 2
    browse = api.call("GET", "/v1/faq", claims=customer(), query={"lang": "en"})
    assert browse.json["items"] and all(i["language"] == "en" for i in browse.json["items"])
    assert api.call("GET", "/v1/faq", claims=customer(), query={"limit": 0}).status == 400


def test_invalid_bodies_are_400_with_fields(api: Api, tickets: Tickets) -> None:
    reply = api.call(
        "POST", "/v1/tickets", claims=customer(), json_body={"channel": "fax", "subject": "", "message": "x"}
    )
    assert reply.status == 400
    fields = {e["field"] for e in reply.json["errors"]}
    assert {"channel", "subject"} <= fields


def test_an_idempotency_key_replays_the_opened_ticket(api: Api, tickets: Tickets) -> None:
    body: dict[str, Any] = {"channel": "web", "subject": "快递", "message": "快递什么时候到？"}
    headers = {"idempotency-key": "open-1"}
    first = api.call("POST", "/v1/tickets", claims=customer(), json_body=body, headers=headers)
    second = api.call("POST", "/v1/tickets", claims=customer(), json_body=body, headers=headers)
    assert (first.status, second.status) == (201, 201)
    assert first.json["ticketId"] == second.json["ticketId"]
    assert len(api.call("GET", "/v1/tickets", claims=customer()).json["items"]) == 1
