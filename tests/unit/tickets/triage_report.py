"""Measures the triage classifier on the labelled table; the tests assert on it and the
conftest prints it at the end of every pytest run that collected the triage tests."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aftercare.tickets.triage import TriageContext, classify
from tests.unit.tickets.triage_cases import CASES, FIRST_SIGHT, Case

_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Outcome:
    case: Case
    category: str
    priority: str
    sentiment: str

    @property
    def all_right(self) -> bool:
        return (self.category, self.priority, self.sentiment) == (
            self.case.category,
            self.case.priority,
            self.case.sentiment,
        )


def run() -> list[Outcome]:
    outcomes = []
    for case in CASES:
        result = classify(
            case.subject,
            case.message,
            TriageContext(order_value=case.order_value, recent_contacts=case.contacts),
        )
        outcomes.append(Outcome(case, result.category, result.priority, result.sentiment))
    return outcomes


def accuracy(outcomes: list[Outcome], field: str) -> float:
    if field == "all":
        right = sum(o.all_right for o in outcomes)
    else:
        right = sum(getattr(o, field) == getattr(o.case, field) for o in outcomes)
    return right / len(outcomes) if outcomes else 0.0


def report() -> list[str]:
    outcomes = run()
    zh = [o for o in outcomes if _CJK.search(o.case.subject + o.case.message)]
    en = [o for o in outcomes if o not in zh]
    hard = [o for o in outcomes if o.case.hard]
    held_out = [o for o in outcomes if o.case.held_out]
    lines = [
        f"triage accuracy on {len(outcomes)} labelled messages ({len(zh)} Chinese, {len(en)} English, "
        f"{len(hard)} hard" + (f", {len(held_out)} held out" if held_out else "") + "):"
    ]
    groups = (("all", outcomes), ("zh", zh), ("en", en), ("hard", hard), ("held-out", held_out))
    for name, group in groups:
        if not group:
            continue
        lines.append(
            f"  {name:<8} category {accuracy(group, 'category'):6.1%}  priority {accuracy(group, 'priority'):6.1%}"
            f"  sentiment {accuracy(group, 'sentiment'):6.1%}  all three {accuracy(group, 'all'):6.1%}"
        )
    for name, (category, priority, sentiment, every) in FIRST_SIGHT.items():
        lines.append(
            f"  {name} at first sight (before the lexicon learned from it): category {category:.1f}%  "
            f"priority {priority:.1f}%  sentiment {sentiment:.1f}%  all three {every:.1f}%"
        )
    wrong = [o for o in outcomes if not o.all_right]
    if wrong:
        lines.append("  misses (expected -> got):")
        for o in wrong:
            expected = f"{o.case.category}/{o.case.priority}/{o.case.sentiment}"
            got = f"{o.category}/{o.priority}/{o.sentiment}"
            lines.append(f"    {o.case.message[:48]!r}: {expected} -> {got}")
    return lines
