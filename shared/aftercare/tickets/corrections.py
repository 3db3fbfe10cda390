"""Staff corrections of the triage, kept as labelled examples for retraining."""

from __future__ import annotations

from typing import Any

from aftercare import clock
from aftercare.auth import CUSTOMER, Principal
from aftercare.observability import metrics
from aftercare.tickets import rules, sla, store, views
from aftercare.tickets.changes import Change, Entry, Fields
from aftercare.tickets.models import TicketOut, TriageCorrectionRequest
from aftercare.tickets.rules import Category, Priority, Sentiment, TicketStatus

FIRST_MESSAGES = 10  # where a ticket's first customer message is looked for


def correct_triage(ticket_id: str, principal: Principal, request: TriageCorrectionRequest) -> TicketOut:
    """Staff set the ticket's category, priority or sentiment. The ticket keeps what the
    model said (the first correction's `from*`) beside the labels staff gave, which makes it
    a labelled example (store.corrections, `make export-triage-corrections`). A new priority
    moves an unanswered ticket's first-response target: tighter when raised (counted from
    now, as an escalation), the new priority's own target from creation when lowered."""
    ticket = views.load(ticket_id)
    current = TicketStatus(ticket.status)
    old = (Category(ticket.category), Priority(ticket.priority), Sentiment(ticket.sentiment))
    new = (request.category or old[0], request.priority or old[1], request.sentiment or old[2])
    if new == old:
        return views.to_wire(ticket)  # nothing to correct: the triage stands (and is not a correction)
    now = clock.now()
    at = clock.iso(now)
    first = ticket.triageCorrection
    correction = {
        "fromCategory": first.fromCategory if first else old[0].value,
        "fromPriority": first.fromPriority if first else old[1].value,
        "fromSentiment": first.fromSentiment if first else old[2].value,
        "category": new[0].value,
        "priority": new[1].value,
        "sentiment": new[2].value,
        "by": principal.sub,
        "at": at,
    }
    if request.note:
        correction["note"] = request.note
    fields = Fields(
        {
            "category": new[0].value,
            "priority": new[1].value,
            "sentiment": new[2].value,
            "triageCorrection": correction,
            "correctionLog": store.CORRECTION_LOG,
            "correctedAt": at,
        }
    )
    changes: dict[str, Any] = {}
    if new[1] is not old[1] and ticket.firstRespondedAt is None:
        if rules.at_least(new[1], old[1]) is new[1]:  # raised
            current_due = clock.parse_iso(ticket.firstResponseDue)
            due = rules.first_response_due_after_escalation(current_due, now, new[1])
        else:
            due = rules.initial_deadlines(clock.parse_iso(ticket.createdAt), new[1]).first_response_due
        fields |= Fields({"firstResponseDue": clock.iso(due)})
        changes["first_response_due"] = due
    note = f"triage corrected: {'/'.join(old)} -> {'/'.join(new)}"
    if request.note:
        note += f": {request.note}"
    store.apply(
        ticket,
        Change(
            expected=current,
            entry=Entry(at, current, current, principal.sub, note),
            fields=fields | sla.bookkeeping(sla.state_of(ticket, **changes)),
        ),
    )
    metrics.add_metric(name="TicketTriageCorrections", unit="Count", value=1)
    return views.to_wire(ticket)


def triage_examples(since: str | None = None) -> list[dict[str, str]]:
    """Corrected tickets as labelled examples in the corpus's shape (ml/triage/corpus),
    oldest correction first: the text the customer wrote and the labels staff gave."""
    from aftercare.tickets.triage.text import language_of

    examples = []
    for row in store.corrections(since=since):
        c = row.triageCorrection
        if c is None:
            continue
        opening = store.messages(row, start=0, stop=FIRST_MESSAGES)
        first = next((m for m in opening if m.author_role == CUSTOMER), None)
        message = first.body if first else (opening[0].body if opening else "")
        examples.append(
            {
                "id": f"correction-{row.ticketId}",
                "subject": row.subject,
                "message": message,
                "channel": row.channel or "",
                "language": language_of(f"{row.subject} {message}"),
                "category": c.category,
                "priority": c.priority,
                "sentiment": c.sentiment,
                "predicted": f"{c.fromCategory}/{c.fromPriority}/{c.fromSentiment}",
                "correctedBy": c.by,
                "correctedAt": c.at,
                "source": row.source,
            }
        )
    return examples
