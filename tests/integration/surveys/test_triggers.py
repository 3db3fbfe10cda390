"""A solved ticket gets its survey, once: surveys' reaction to TicketSolved."""

from __future__ import annotations

from aftercare import clock
from aftercare.surveys import store
from aftercare.tickets import team as tickets
from tests.support.api import Api, customer, staff
from tests.support.bus import EventFlow


def test_a_solved_ticket_schedules_its_survey_once(
    api: Api, fixed_clock: clock.FixedClock, flow: EventFlow
) -> None:
    tickets.seed_agents()
    opened = api.call(
        "POST",
        "/v1/tickets",
        claims=customer(),
        json_body={"channel": "app", "subject": "快递", "message": "我的快递什么时候到？"},
    )
    assert opened.status == 201, opened.body
    ticket_id, agent = opened.json["ticketId"], opened.json["assignee"]
    solve = api.call(
        "POST",
        f"/v1/admin/tickets/{ticket_id}/solve",
        claims=staff("agent", sub=agent),
        json_body={"resolution": "tracking shared"},
    )
    assert solve.status == 200, solve.body
    flow.run()
    flow.replay()  # the stream delivers the solve again: still one survey
    survey_id = store.claimed_survey("ticket", ticket_id)
    assert survey_id is not None
    survey = store.get(survey_id)
    assert survey is not None and (survey.customerId, survey.status) == ("cus_alice", "SCHEDULED")
    mine = api.call("GET", "/v1/surveys", claims=customer()).json["items"]
    assert [(s["subjectKind"], s["subjectId"]) for s in mine] == [("ticket", ticket_id)]
