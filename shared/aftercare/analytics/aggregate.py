"""Facts → the additions they make to the daily aggregate items: pure.

Every fact adds to its day's totals; a fact that names an agent adds to that agent's day
item as well. All additions are integers (durations in whole seconds), so sums, squares and
products stay exact however many records are added up.

Attribute vocabulary of an aggregate item (all numbers, all added with ADD):
- `<metric>` for a count or a sum (`orders.placed`, `orders.value.CNY`, ...);
- `<metric>.n`, `<metric>.sum`, `<metric>.h<bucket>` for a duration (histogram.py buckets);
- `csat.n`, `csat.sum`, `csat.c<1-5>`; `nps.n`, `nps.promoters|passives|detractors`;
- `pair.n|sx|sy|sxx|syy|sxy` (x = CSAT, y = handling seconds: Pearson's sums) and
  `pair.j<csat>.<bucket>` (the joint histogram Spearman's ranks come from).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from aftercare.analytics.facts import Count, Duration, Fact, Rating
from aftercare.analytics.histogram import bucket_of

ItemKey = tuple[str, str | None]  # (day, agent or None for the day's totals)


def nps_class(score: int) -> str:
    return "promoters" if score >= 9 else "passives" if score >= 7 else "detractors"


def additions(fact: Fact, *, for_agent: bool = False) -> dict[str, int]:
    """What one fact adds to an item (an agent's item keeps no NPS and no pairs)."""
    if isinstance(fact, Count):
        return {fact.metric: fact.n}
    if isinstance(fact, Duration):
        return {
            f"{fact.metric}.n": 1,
            f"{fact.metric}.sum": fact.seconds,
            f"{fact.metric}.h{bucket_of(fact.seconds)}": 1,
        }
    found = {"csat.n": 1, "csat.sum": fact.csat, f"csat.c{fact.csat}": 1}
    if for_agent:
        return found
    if fact.nps is not None:
        found.update({"nps.n": 1, f"nps.{nps_class(fact.nps)}": 1})
    if fact.handling_seconds is not None:
        x, y = fact.csat, fact.handling_seconds
        found.update(
            {
                "pair.n": 1,
                "pair.sx": x,
                "pair.sy": y,
                "pair.sxx": x * x,
                "pair.syy": y * y,
                "pair.sxy": x * y,
                f"pair.j{x}.{bucket_of(y)}": 1,
            }
        )
    return found


def _agent(fact: Fact) -> str | None:
    return fact.agent


def deltas(facts: Iterable[Fact]) -> dict[ItemKey, Counter[str]]:
    """The additions a set of facts makes, per aggregate item (zero additions dropped)."""
    items: dict[ItemKey, Counter[str]] = {}
    for fact in facts:
        if isinstance(fact, Rating) and not 1 <= fact.csat <= 5:
            continue  # the survey API refuses these; a corrupt image must not break the histogram
        items.setdefault((fact.day, None), Counter()).update(additions(fact))
        agent = _agent(fact)
        if agent:
            items.setdefault((fact.day, agent), Counter()).update(additions(fact, for_agent=True))
    return {
        key: Counter({k: v for k, v in adds.items() if v})
        for key, adds in items.items()
        if any(adds.values())
    }
