"""What analytics does when other domains act: it counts. Every event the KPIs need (orders
placed, parcels delivered, tickets opened, replied to and solved, cases reviewed, surveys
answered, refunds paid...) adds its facts to the daily aggregates, once per event
(analytics/facts.py says which facts; analytics/service.py `aggregate` adds them).
A customer's new ticket also leaves its text for the recurring-issues job (recurring.py).
"""

from __future__ import annotations

from aftercare.analytics import facts, recurring, service
from aftercare.events import DomainEvent
from aftercare.reacting import Reaction
from aftercare.tickets.events import TicketOpened


def count(event: DomainEvent) -> None:
    service.aggregate(event)


def count_and_keep_text(event: DomainEvent) -> None:
    service.aggregate(event)
    recurring.keep_text(event)


REACTIONS: dict[str, Reaction] = dict.fromkeys(sorted(facts.COUNTED), count)
REACTIONS[TicketOpened.TYPE] = count_and_keep_text
