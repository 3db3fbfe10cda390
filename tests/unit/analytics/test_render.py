"""The report page: self-contained HTML, well-formed SVG charts, every figure with its n."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

from aftercare.analytics.aggregate import deltas
from aftercare.analytics.facts import facts_of
from aftercare.analytics.kpis import compute
from aftercare.analytics.models import Bucket, Kpis
from aftercare.analytics.render import coarse, fmt_seconds, page
from tests.unit.analytics.world import FIRST_DAY, OrderPlan, TicketPlan, changes_of, split

ORDERS = [
    OrderPlan("ord_1", 0, 29800, "DELIVERED", estimate_days=2, problems=["DELAYED"]),
    OrderPlan("ord_2", 3600, 12900, "DELIVERED", estimate_days=0),
    OrderPlan("ord_3", 7200, 3500, "CANCELLED"),
]
TICKETS = [
    TicketPlan("tk_1", 0, "COMPLAINT", "agent_a", 1800, 7200, None, ["FIRST_RESPONSE"], 2, 3),
    TicketPlan("tk_2", 600, "LOGISTICS", "agent_b", 300, 3600, None, [], 5, 10),
    TicketPlan("tk_3", 900, "ORDER", "agent_a", 600, 90000, None, [], 4, 9),
]


def kpis() -> Kpis:
    found = [f for event, subject in changes_of(ORDERS, TICKETS) for f in facts_of(event, subject)]
    totals, agents = split(deltas(found))
    return compute(
        FIRST_DAY, FIRST_DAY + timedelta(days=6), totals, agents, generated_at="2026-11-27T00:15:00.000Z"
    )


def test_the_page_shows_the_headline_figures_with_their_sample_sizes() -> None:
    html = page(kpis())
    assert html.startswith("<!doctype html>")
    assert "Service KPIs · 2026-11-20 to 2026-11-26" in html
    assert "Orders placed" in html and ">3<" in html
    assert "3.67" in html and "mean of n=3 answers" in html  # CSAT (2 + 5 + 4) / 3
    assert "n=3 pairs" in html
    assert "agent_a" in html and "agent_b" in html
    assert "nearest-rank" in html  # the estimation method is stated


def test_every_chart_is_well_formed_svg() -> None:
    html = page(kpis())
    charts = re.findall(r"<svg xmlns=.*?</svg>", html, flags=re.S)
    assert len(charts) == 8
    for chart in charts:
        ET.fromstring(chart)  # raises on malformed markup


def test_names_are_escaped() -> None:
    html = page(kpis().model_copy(update={"to": "<script>alert(1)</script>"}))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_durations_read_as_people_say_them() -> None:
    assert [fmt_seconds(v) for v in (None, 42, 720, 5400, 172800)] == [
        "—",
        "42 s",
        "12.0 min",
        "1.5 h",
        "2.0 d",
    ]


def test_histogram_buckets_fall_in_readable_bins() -> None:
    counts = coarse(
        [
            Bucket(low_seconds=0, high_seconds=1, count=2),
            Bucket(low_seconds=3548.1, high_seconds=3981.1, count=1),
        ]
    )
    assert counts[0] == 2 and counts[4] == 1 and sum(counts) == 3
