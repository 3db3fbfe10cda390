"""Product quality per SKU and category, and the KPIs per live session and host, from the
scoped daily aggregates (analytics/products.py): pure.

The rates and the jump rule are documented in METHODS (and docs/api.md says the same).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from aftercare.analytics.kpis import csat, prefixed, rate
from aftercare.analytics.product_models import (
    CategoryQuality,
    HostKpi,
    Jump,
    LiveSessionKpi,
    LiveSessions,
    ProductQuality,
    QualityFigures,
    SkuQuality,
)
from aftercare.analytics.products import CATEGORY, HOST, SESSION, SKU, UNCATEGORIZED

Scoped = Mapping[str, Mapping[str, Counter[str]]]  # scope → key → the range's sums

# The kinds of rate a jump is looked for in: (name, the metric counted, per order line).
KINDS = (
    ("returns", "cases.RETURN_REFUND"),
    ("exchanges", "cases.EXCHANGE"),
    ("repairs", "cases.REPAIR"),
    ("complaints", "complaints"),
)


@dataclass(frozen=True)
class JumpRule:
    """A SKU's rate jumped when, over the range, it has at least `min_cases` cases and its
    rate is at least `factor` times its own rate over the baseline (the equal-length period
    just before the range), in which it sold at least one order line. A baseline rate of 0
    with `min_cases` cases now is a jump (a problem the SKU did not have)."""

    factor: float = 2.0
    min_cases: int = 3


RULE = JumpRule()


def jumped(cases: int, lines: int, baseline_cases: int, baseline_lines: int, rule: JumpRule = RULE) -> bool:
    """cases/lines >= factor × baseline_cases/baseline_lines (cross-multiplied, so a baseline
    rate of 0 needs no division), and strictly above the baseline rate."""
    if lines <= 0 or baseline_lines <= 0 or cases < rule.min_cases:
        return False
    now, before = cases * baseline_lines, baseline_cases * lines  # the two rates over one denominator
    return now >= rule.factor * before and now > before


def baseline_of(first: date, last: date) -> tuple[date, date]:
    """The equal-length period just before `first`..`last`."""
    length = (last - first).days + 1
    return first - timedelta(days=length), first - timedelta(days=1)


METHODS = {
    "days": "UTC calendar days; a fact is dated by when it happened (an order line by the order's "
    "placement, a case by its opening, a ticket by its creation), not by when it was aggregated",
    "rates": "per order line: the cases (or complaint tickets) of the range naming the SKU, of the order "
    "lines of the SKU placed in the range (an order line is one order naming the SKU, whatever its "
    "quantity). A case naming several SKUs counts once for each; a complaint ticket about an order "
    "counts once for each SKU of the order. A category's figures are its SKUs' added up",
    "reasons": "the reasons the customers gave for the after-sales cases naming the SKU (all case types)",
    "tickets": "tickets opened about an order with the SKU, by their category (COMPLAINT, PRODUCT, ...)",
    "jumps": f"a SKU's return, exchange, repair or complaint rate jumped when it has at least "
    f"{RULE.min_cases} cases in the range and its rate is at least {RULE.factor:g} times its own rate "
    "over the baseline (the equal-length period just before the range), in which it sold at least one "
    "order line; a baseline rate of 0 counts as a jump",
}

LIVE_METHODS = {
    "days": METHODS["days"],
    "orders": "orders placed with a live-stream source naming the session (and host); GMV is their "
    "placed value per currency, in minor units",
    "rates": "return rate: RETURN_REFUND and EXCHANGE cases about the session's orders, of the session's "
    "orders placed in the range; complaint rate: COMPLAINT tickets about its orders, of its orders",
    "csat": "the answers to surveys about the session's orders (order, ticket or case surveys naming one)",
    "alert": "supervisors are notified once per session and UTC day when its after-sales requests of "
    "that day reach the alert threshold",
}


def _figures(c: Mapping[str, int]) -> dict[str, object]:
    lines = int(c.get("lines", 0))
    return {
        "order_lines": lines,
        "units_sold": int(c.get("units", 0)),
        "return_rate": rate(int(c.get("cases.RETURN_REFUND", 0)), lines),
        "exchange_rate": rate(int(c.get("cases.EXCHANGE", 0)), lines),
        "repair_rate": rate(int(c.get("cases.REPAIR", 0)), lines),
        "complaint_rate": rate(int(c.get("complaints", 0)), lines),
        "cases": prefixed(c, "cases"),
        "reasons": prefixed(c, "reason"),
        "tickets": prefixed(c, "tickets"),
    }


def _category_of(counter: Mapping[str, int]) -> str:
    """A SKU's category: the one its order lines named most (kept as `cat.<category>`)."""
    named = prefixed(counter, "cat")
    return max(sorted(named), key=lambda name: named[name]) if named else UNCATEGORIZED


def _by_return_rate(figures: QualityFigures) -> tuple[float, int, str]:
    value = figures.return_rate.value
    name = figures.sku if isinstance(figures, SkuQuality) else getattr(figures, "category", "")
    return (-(value if value is not None else -1.0), -figures.order_lines, name)


def product_quality(
    first: date,
    last: date,
    current: Scoped,
    baseline: Scoped,
    *,
    generated_at: str,
    rule: JumpRule = RULE,
) -> ProductQuality:
    empty: Counter[str] = Counter()
    skus = [
        SkuQuality(sku=sku, category=_category_of(c), **_figures(c))
        for sku, c in (current.get(SKU) or {}).items()
    ]
    categories = [
        CategoryQuality(category=category, **_figures(c))
        for category, c in (current.get(CATEGORY) or {}).items()
    ]
    jumps: list[Jump] = []
    for sku in sorted(current.get(SKU) or {}):
        now, before = (current.get(SKU) or {})[sku], (baseline.get(SKU) or {}).get(sku, empty)
        lines, baseline_lines = int(now.get("lines", 0)), int(before.get("lines", 0))
        for kind, metric in KINDS:
            cases, baseline_cases = int(now.get(metric, 0)), int(before.get(metric, 0))
            if jumped(cases, lines, baseline_cases, baseline_lines, rule):
                was, now_rate = rate(baseline_cases, baseline_lines), rate(cases, lines)
                ratio = (
                    round((cases / lines) / (baseline_cases / baseline_lines), 2) if baseline_cases else None
                )
                jumps.append(
                    Jump(
                        sku=sku,
                        category=_category_of(now),
                        kind=kind,
                        current=now_rate,
                        baseline=was,
                        ratio=ratio,
                    )
                )
    base_first, base_last = baseline_of(first, last)
    return ProductQuality(
        from_=first.isoformat(),
        to=last.isoformat(),
        baseline_from=base_first.isoformat(),
        baseline_to=base_last.isoformat(),
        generated_at=generated_at,
        skus=sorted(skus, key=_by_return_rate),
        categories=sorted(categories, key=_by_return_rate),
        jumps=jumps,
        methods=METHODS,
    )


def _live(c: Mapping[str, int]) -> dict[str, object]:
    orders = int(c.get("orders", 0))
    return {
        "orders": orders,
        "gmv": prefixed(c, "gmv"),
        "after_sales_requests": int(c.get("cases", 0)),
        "returns": int(c.get("returns", 0)),
        "return_rate": rate(int(c.get("returns", 0)), orders),
        "complaints": int(c.get("complaints", 0)),
        "complaint_rate": rate(int(c.get("complaints", 0)), orders),
        "csat": csat(c),
    }


def live_sessions(
    first: date, last: date, current: Scoped, *, alert_threshold: int, generated_at: str
) -> LiveSessions:
    sessions = (current.get(SESSION) or {}).items()
    host_sessions: Counter[str] = Counter()
    found: list[LiveSessionKpi] = []
    for session_id, c in sessions:
        hosts = prefixed(c, "host")
        host = max(sorted(hosts), key=lambda name: hosts[name]) if hosts else ""
        for name in hosts:
            host_sessions[name] += 1
        found.append(LiveSessionKpi(session_id=session_id, host=host, **_live(c)))
    hosts_found = [
        HostKpi(host=host, sessions=host_sessions.get(host, 0), **_live(c))
        for host, c in (current.get(HOST) or {}).items()
    ]
    return LiveSessions(
        from_=first.isoformat(),
        to=last.isoformat(),
        generated_at=generated_at,
        alert_threshold=alert_threshold,
        sessions=sorted(found, key=lambda s: (-s.orders, s.session_id)),
        hosts=sorted(hosts_found, key=lambda h: (-h.orders, h.host)),
        methods=LIVE_METHODS,
    )
