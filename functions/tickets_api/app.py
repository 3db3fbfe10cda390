"""Tickets HTTP API: customer tickets, the FAQ, and staff ticket work (API.md).

The FAQ needs a valid token (any role): the apps call it signed in, and it keeps the one
function behind the JWT authorizer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from aws_lambda_powertools.event_handler.openapi.params import Query

from aftercare.auth import AGENT, SUPERVISOR
from aftercare.http import allow, create_app, current_principal, http_handler, once, owned_by
from aftercare.pagination import CURSOR_PATTERN
from aftercare.settings import load
from aftercare.tickets import (
    assignment,
    conversation,
    corrections,
    faq,
    intake,
    resolution,
    sla,
    team,
    templates,
    views,
)
from aftercare.tickets.models import (
    AgentsOut,
    AssignRequest,
    EscalateRequest,
    FaqHitOut,
    FaqPageOut,
    MessageOut,
    OpenedTicketOut,
    OpenTicketRequest,
    PendingRequest,
    PostMessageRequest,
    ReplyRequest,
    ReplyTemplateOut,
    ReplyTemplatesOut,
    SolveRequest,
    TicketOut,
    TriageCorrectionRequest,
)
from aftercare.tickets.rules import TicketStatus
from aftercare.wire import Page


@dataclass(frozen=True)
class TicketsApiSettings:
    """What this function cannot run without: the resources its policy in template.yaml names."""

    agents_table: str
    cursor_secret_id: str
    customers_table: str
    idempotency_table: str
    notifications_queue_url: str
    orders_table: str
    tickets_table: str


SETTINGS = load(TicketsApiSettings)

app = create_app()
STAFF = (AGENT, SUPERVISOR)


@app.post(
    "/v1/tickets", status_code=201, tags=["tickets"], summary="Open a ticket (classified, with FAQ hints)"
)
def open_ticket(body: OpenTicketRequest) -> OpenedTicketOut:
    principal = current_principal(app)
    return once(app, principal, "open-ticket", lambda: intake.open_ticket(principal, body))


@app.get("/v1/tickets", tags=["tickets"], summary="My tickets, newest first")
def list_tickets(
    limit: Annotated[int | None, Query(ge=1, le=100)] = None,
    cursor: Annotated[str | None, Query(pattern=CURSOR_PATTERN, max_length=4096)] = None,
) -> Page[TicketOut]:
    return intake.list_mine(current_principal(app), limit=limit, cursor=cursor)


@app.get("/v1/tickets/<ticketId>", tags=["tickets"], summary="One ticket with its messages and timeline")
def get_ticket(ticketId: str) -> TicketOut:
    return views.to_wire(views.load_for(current_principal(app), ticketId))


@app.get(
    "/v1/tickets/<ticketId>/messages",
    tags=["tickets"],
    summary="A ticket's conversation, oldest first, a page at a time",
)
def list_messages(
    ticketId: str,
    limit: Annotated[int | None, Query(ge=1, le=100)] = None,
    cursor: Annotated[str | None, Query(pattern=CURSOR_PATTERN, max_length=4096)] = None,
) -> Page[MessageOut]:
    return conversation.messages_page(current_principal(app), ticketId, limit=limit, cursor=cursor)


@app.post(
    "/v1/tickets/<ticketId>/messages",
    status_code=201,
    tags=["tickets"],
    summary="Write to a ticket (reopens it; a closed one gets a follow-up ticket, which is returned)",
)
@owned_by(lambda principal, path: views.load_for(principal, path["ticketId"]))
def post_message(ticketId: str, body: PostMessageRequest) -> TicketOut:
    principal = current_principal(app)
    call = lambda: conversation.post_customer_message(principal, ticketId, body.message)  # noqa: E731
    return once(app, principal, "ticket-message", call)


@app.get("/v1/faq", tags=["tickets"], summary="FAQ answers ranked for a question (zh or en)")
def search_faq(
    q: Annotated[str | None, Query(max_length=500)] = None,
    lang: Annotated[Literal["zh", "en"] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=20)] = 5,
) -> FaqPageOut:
    current_principal(app)
    if q and q.strip():
        hits = faq.search(q, limit=limit, language=lang)
        items = [
            FaqHitOut(
                faq_id=hit.entry.faq_id,
                category=hit.entry.category,
                language=hit.entry.language,
                question=hit.entry.question,
                answer=hit.entry.answer,
                score=round(hit.score, 3),
            )
            for hit in hits
        ]
        return FaqPageOut(query=q, items=items)
    entries = faq.entries(lang or "zh")[:limit]
    return FaqPageOut(
        query=None,
        items=[
            FaqHitOut(
                faq_id=e.faq_id,
                category=e.category,
                language=e.language,
                question=e.question,
                answer=e.answer,
                score=0,
            )
            for e in entries
        ],
    )


# ------------------------------------------------------------------ staff
@app.get(
    "/v1/admin/tickets",
    tags=["staff: tickets"],
    summary="Ticket queue by SLA due time (no filter: every ticket not yet solved)",
)
@allow(*STAFF)
def ticket_queue(
    status: Annotated[TicketStatus | None, Query()] = None,
    assignee: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int | None, Query(ge=1, le=100)] = None,
    cursor: Annotated[str | None, Query(pattern=CURSOR_PATTERN, max_length=4096)] = None,
) -> Page[TicketOut]:
    principal = current_principal(app)
    return assignment.staff_queue(principal, status=status, assignee=assignee, limit=limit, cursor=cursor)


@app.post(
    "/v1/admin/tickets/<ticketId>/assign",
    tags=["staff: tickets"],
    summary="Assign (omit assignee: automatic)",
)
@allow(*STAFF)
def assign(ticketId: str, body: AssignRequest | None = None) -> TicketOut:
    principal = current_principal(app)
    assignee = body.assignee if body else None
    call = lambda: assignment.assign(ticketId, assignee=assignee, actor=principal.sub)  # noqa: E731
    return once(app, principal, "ticket-assign", call)


@app.post(
    "/v1/admin/tickets/<ticketId>/reply",
    tags=["staff: tickets"],
    summary="Reply, from a template or free text",
)
@allow(*STAFF)
def reply(ticketId: str, body: ReplyRequest) -> TicketOut:
    principal = current_principal(app)
    return once(app, principal, "ticket-reply", lambda: conversation.reply(ticketId, principal, body))


@app.post(
    "/v1/admin/tickets/<ticketId>/pending",
    tags=["staff: tickets"],
    summary="Wait on the customer (pauses the resolution clock)",
)
@allow(*STAFF)
def pending(ticketId: str, body: PendingRequest | None = None) -> TicketOut:
    principal = current_principal(app)
    message = body.message if body else None
    call = lambda: sla.await_customer(ticketId, principal, message)  # noqa: E731
    return once(app, principal, "ticket-pending", call)


@app.post(
    "/v1/admin/tickets/<ticketId>/solve",
    tags=["staff: tickets"],
    summary="Solve (complaints record the mediation outcome)",
)
@allow(*STAFF)
def solve(ticketId: str, body: SolveRequest) -> TicketOut:
    principal = current_principal(app)
    return once(app, principal, "ticket-solve", lambda: resolution.solve(ticketId, principal, body))


@app.post(
    "/v1/admin/tickets/<ticketId>/escalate",
    tags=["staff: tickets"],
    summary="Raise the priority and alert a supervisor",
)
@allow(*STAFF)
def escalate(ticketId: str, body: EscalateRequest) -> TicketOut:
    principal = current_principal(app)
    call = lambda: resolution.escalate(ticketId, principal, body.reason)  # noqa: E731
    return once(app, principal, "ticket-escalate", call)


@app.patch(
    "/v1/admin/tickets/<ticketId>/triage",
    tags=["staff: tickets"],
    summary="Correct the triage (category, priority, sentiment): kept as a labelled example",
)
@allow(*STAFF)
def correct_triage(ticketId: str, body: TriageCorrectionRequest) -> TicketOut:
    principal = current_principal(app)
    call = lambda: corrections.correct_triage(ticketId, principal, body)  # noqa: E731
    return once(app, principal, "ticket-triage", call)


@app.get(
    "/v1/admin/reply-templates", tags=["staff: tickets"], summary="Standard replies and their placeholders"
)
@allow(*STAFF)
def reply_templates() -> ReplyTemplatesOut:
    return ReplyTemplatesOut(
        items=[
            ReplyTemplateOut(
                template_id=t.template_id,
                language=t.language,
                category=t.category,
                title=t.title,
                body=t.body,
                placeholders=t.placeholders,
            )
            for t in templates.all_templates()
        ]
    )


@app.get("/v1/admin/agents", tags=["staff: tickets"], summary="The service team: skills and current load")
@allow(*STAFF)
def agents() -> AgentsOut:
    return AgentsOut(items=[team.agent_to_wire(agent) for agent in team.team()])


lambda_handler = http_handler(app)
