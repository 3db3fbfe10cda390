"""What quality audits do when other domains act: they learn what can be audited.

- A ticket solved (tickets' TicketSolved): the ticket is a candidate of its assignee's week
  (the week it was solved in); a ticket solved with nobody assigned is nobody's work.
- A case resolved (aftersales' CaseResolved): the case is a candidate of the staff member
  who handled it (`handled_by`, its reviewer) in the week it was resolved; an automatic one
  is nobody's work.

Both only write the candidate's own item (the same work told again rewrites it), so a late
or repeated event changes nothing; work told after its week was sampled is not sampled.
"""

from __future__ import annotations

from aftercare.aftersales.events import CaseResolved
from aftercare.audits import service
from aftercare.audits.rules import AuditKind
from aftercare.events import DomainEvent
from aftercare.reacting import Reaction
from aftercare.tickets.events import TicketSolved


def note_solved_ticket(event: DomainEvent) -> None:
    solved: TicketSolved = event.read(TicketSolved)
    if not solved.assignee:
        return
    service.note_candidate(
        kind=AuditKind.TICKET,
        subject_id=solved.ticket_id,
        agent=solved.assignee,
        done_at=solved.solved_at or event.time,
    )


def note_resolved_case(event: DomainEvent) -> None:
    resolved: CaseResolved = event.read(CaseResolved)
    if not resolved.handled_by:
        return
    service.note_candidate(
        kind=AuditKind.CASE,
        subject_id=resolved.case_id,
        agent=resolved.handled_by,
        done_at=resolved.resolved_at or event.time,
    )


REACTIONS: dict[str, Reaction] = {
    TicketSolved.TYPE: note_solved_ticket,
    CaseResolved.TYPE: note_resolved_case,
}
