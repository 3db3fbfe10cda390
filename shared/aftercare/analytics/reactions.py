"""What analytics does when other domains act: it counts. Every event the KPIs need (orders
placed, parcels delivered, tickets opened, replied to and solved, cases reviewed, surveys
answered, refunds paid...) adds its facts to the daily aggregates, once per event
(analytics/facts.py says which facts; analytics/service.py `aggregate` adds them).
"""

from __future__ import annotations

from aftercare.analytics import facts, service
from aftercare.events import DomainEvent
from aftercare.reacting import Reaction


def count(event: DomainEvent) -> None:
    service.aggregate(event)


REACTIONS: dict[str, Reaction] = dict.fromkeys(sorted(facts.COUNTED), count)
