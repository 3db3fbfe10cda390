"""Quality audits end to end in-process: solved tickets and resolved cases become candidates
(the audits reactions), the weekly job samples N per agent reproducibly and once, supervisors
list and score (never their own work), and analytics counts AuditScored in the KPIs."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from aftercare.aftersales.events import CaseResolved
from aftercare.audits import reactions, rules, store
from aftercare.events import Happened, envelope
from tests.integration.audits.conftest import NEXT_MONDAY, WEEK, Audits
from tests.support.api import customer, staff
from tests.support.bus import EventFlow


def candidates() -> list[tuple[str, str, str]]:
    return list(store.candidates_of(WEEK))


def solve_week(audits: Audits, flow: EventFlow, work: dict[str, int]) -> dict[str, list[str]]:
    solved = {agent: [audits.solved_ticket(agent) for _ in range(count)] for agent, count in work.items()}
    flow.run()
    return solved


def test_a_solved_ticket_becomes_a_candidate_of_its_assignees_week(audits: Audits, flow: EventFlow) -> None:
    solved = solve_week(audits, flow, {"agent_li": 2, "agent_wang": 1})
    assert sorted(candidates()) == sorted(
        [("agent_li", "TICKET", t) for t in solved["agent_li"]]
        + [("agent_wang", "TICKET", t) for t in solved["agent_wang"]]
    )
    flow.replay()  # the same events again change nothing
    assert len(candidates()) == 3


def case_resolved(handled_by: str, case_id: str = "cs_1") -> Any:
    payload = CaseResolved(
        case_id,
        "ord_1",
        "cus_1",
        "REFUNDED",
        "2026-11-23T08:00:00.000000Z",
        "2026-11-24T10:00:00.000000Z",
        handled_by,
    )
    return envelope(
        Happened(payload, subject=case_id, time=payload.resolved_at), source="aftersales", origin=case_id
    )


def test_a_resolved_case_is_a_candidate_of_who_handled_it_and_an_automatic_one_of_nobody(
    audits: Audits,
) -> None:
    reactions.note_resolved_case(case_resolved("agent_wang", "cs_1"))
    reactions.note_resolved_case(case_resolved("", "cs_2"))
    reactions.note_resolved_case(case_resolved("agent_wang", "cs_1"))  # told again
    assert candidates() == [("agent_wang", "CASE", "cs_1")]


def test_the_weekly_run_samples_n_per_agent_reproducibly_and_a_second_run_creates_nothing(
    audits: Audits, flow: EventFlow
) -> None:
    solved = solve_week(audits, flow, {"agent_li": 4, "agent_wang": 1})
    reactions.note_resolved_case(case_resolved("agent_li", "cs_9"))
    audits.clock.set(NEXT_MONDAY)
    first = audits.sample()
    assert (first["week"], first["candidates"], first["created"], first["existing"]) == (WEEK, 6, 4, 0)
    again = audits.sample()
    assert (again["created"], again["existing"]) == (0, 4)
    found = audits.items()
    assert (
        len(found) == 4
        and {a["status"] for a in found} == {"PENDING"}
        and {a["week"] for a in found} == {WEEK}
    )
    li_tickets = {a["subjectId"] for a in found if (a["agent"], a["kind"]) == ("agent_li", "TICKET")}
    assert li_tickets == set(
        rules.sample(solved["agent_li"], week=WEEK, agent="agent_li", kind="TICKET", n=2)
    )
    assert {(a["agent"], a["kind"], a["subjectId"]) for a in found if a["agent"] == "agent_wang"} == {
        ("agent_wang", "TICKET", solved["agent_wang"][0])  # fewer candidates than N: all of them
    }
    assert {(a["kind"], a["subjectId"]) for a in found if a["kind"] == "CASE"} == {("CASE", "cs_9")}
    assert [a["agent"] for a in audits.items(agent="agent_wang")] == ["agent_wang"]


def test_concurrent_runs_of_the_same_week_create_each_audit_once(audits: Audits, flow: EventFlow) -> None:
    solve_week(audits, flow, {"agent_li": 3})
    audits.clock.set(NEXT_MONDAY)
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda _: audits.sample(), range(3)))
    assert sum(r["created"] for r in results) == 2
    assert len(audits.items()) == 2


@pytest.fixture
def sampled(audits: Audits, flow: EventFlow) -> list[dict[str, Any]]:
    solve_week(audits, flow, {"agent_li": 1, "sup_morgan": 1})
    audits.clock.set(NEXT_MONDAY)
    assert audits.sample()["created"] == 2
    return audits.items()


def test_a_supervisor_scores_an_audit_once(audits: Audits, sampled: list[dict[str, Any]]) -> None:
    audit = next(a for a in sampled if a["agent"] == "agent_li")
    reply = audits.score(audit["auditId"])
    assert reply.status == 200, reply.body
    scored = reply.json
    assert (scored["status"], scored["scoredBy"], scored["meanScore"], scored["note"]) == (
        "SCORED",
        "sup_zhao",
        4.0,
        "ok",
    )
    assert scored["scores"] == {"greeting": 5, "accuracy": 4, "tone": 4, "resolution": 3}
    assert scored["timeline"][-1]["from"] == "PENDING" and scored["timeline"][-1]["to"] == "SCORED"
    assert audits.score(audit["auditId"], sub="sup_morgan").status == 409
    assert [a["auditId"] for a in audits.items(status="SCORED")] == [audit["auditId"]]
    assert [a["agent"] for a in audits.items(status="PENDING")] == ["sup_morgan"]


def test_two_supervisors_scoring_at_once_one_wins_the_other_gets_409(
    audits: Audits, sampled: list[dict[str, Any]]
) -> None:
    audit = next(a for a in sampled if a["agent"] == "agent_li")
    with ThreadPoolExecutor(max_workers=2) as pool:
        replies = list(
            pool.map(lambda sub: audits.score(audit["auditId"], sub=sub), ["sup_zhao", "sup_morgan"])
        )
    assert sorted(r.status for r in replies) == [200, 409]


@pytest.mark.parametrize(
    "scores",
    [
        {"greeting": 0, "accuracy": 4, "tone": 4, "resolution": 3},
        {"greeting": 5, "accuracy": 6, "tone": 4, "resolution": 3},
        {"greeting": 5, "accuracy": 4, "tone": -2, "resolution": 30},
    ],
)
def test_a_score_outside_1_to_5_is_422_and_changes_nothing(
    audits: Audits, sampled: list[dict[str, Any]], scores: dict[str, int]
) -> None:
    audit = next(a for a in sampled if a["agent"] == "agent_li")
    reply = audits.score(audit["auditId"], scores)
    assert reply.status == 422, reply.body
    assert audits.items(status="SCORED") == []


def test_a_supervisor_never_audits_their_own_work(audits: Audits, sampled: list[dict[str, Any]]) -> None:
    own = next(a for a in sampled if a["agent"] == "sup_morgan")
    assert audits.score(own["auditId"], sub="sup_morgan").status == 403
    assert audits.score(own["auditId"], sub="sup_zhao").status == 200


@pytest.mark.parametrize("claims", [customer(), staff("agent", sub="agent_li"), staff("warehouse")])
def test_anyone_but_a_supervisor_gets_403(
    audits: Audits, sampled: list[dict[str, Any]], claims: dict[str, Any]
) -> None:
    assert audits.listing(claims).status == 403
    assert audits.score(sampled[0]["auditId"], sub=claims["sub"], role=claims["roles"][0]).status == 403


def test_an_unknown_audit_is_404_and_a_bad_body_400(audits: Audits, sampled: list[dict[str, Any]]) -> None:
    assert audits.score("aud_01JD6Z3Q0000000000000000ZZ").status == 404
    reply = audits.api.call(
        "POST",
        f"/v1/admin/audits/{sampled[0]['auditId']}/score",
        claims=staff("supervisor", sub="sup_zhao"),
        json_body={"scores": {"greeting": 5}},
    )
    assert reply.status == 400


def test_scored_audits_join_the_kpis_per_agent_and_per_week(
    audits: Audits, flow: EventFlow, sampled: list[dict[str, Any]]
) -> None:
    li = next(a for a in sampled if a["agent"] == "agent_li")
    morgan = next(a for a in sampled if a["agent"] == "sup_morgan")
    assert audits.score(li["auditId"]).status == 200  # 16 of 20: 4.0
    low = {"greeting": 2, "accuracy": 3, "tone": 2, "resolution": 2}
    assert audits.score(morgan["auditId"], low, sub="sup_zhao").status == 200  # 9 of 20: 2.25
    flow.run()
    assert flow.types().count("AuditScored") == 2
    flow.replay()  # counted once per event
    body = audits.api.call(
        "GET",
        "/v1/admin/analytics/kpis",
        claims=staff("supervisor", sub="sup_zhao"),
        query={"from": "2026-11-23", "to": "2026-11-30"},
    ).json
    assert body["audits"] == {
        "n": 2,
        "meanScore": 3.12,
        "byWeek": [{"week": WEEK, "n": 2, "meanScore": 3.12}],
    }
    by_agent = {a["agentId"]: a["audits"] for a in body["agents"]}
    assert by_agent["agent_li"] == {
        "n": 1,
        "meanScore": 4.0,
        "byWeek": [{"week": WEEK, "n": 1, "meanScore": 4.0}],
    }
    assert by_agent["sup_morgan"]["n"] == 1 and by_agent["sup_morgan"]["meanScore"] == 2.25
