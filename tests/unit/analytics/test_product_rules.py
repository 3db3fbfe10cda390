"""Product quality and live-stream figures: what each event adds per SKU, category, session and
host; the rates per order line; the jump rule against a SKU's own past; the live alert's
threshold. One case per line."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pytest

from aftercare.aftersales.events import CaseOpened
from aftercare.analytics.product_kpis import JumpRule, baseline_of, jumped, live_sessions, product_quality
from aftercare.analytics.products import (
    Line,
    OrderNote,
    Scoped,
    alert_id,
    crossed,
    live_case,
    order_note,
    order_wanted,
    scoped_deltas,
    scoped_facts,
)
from aftercare.events import DomainEvent, Happened, envelope
from aftercare.orders.events import OrderDelivered, OrderPlaced
from aftercare.surveys.events import SurveyAnswered
from aftercare.tickets.events import TicketOpened

T0 = "2026-11-23T08:00:00.000Z"
DAY = "2026-11-23"
LIVE = {"kind": "live-stream", "session_id": "live_1", "host": "Lin"}
LINES = [
    {"sku": "TEA-1", "quantity": 2, "unit_price": 5000, "category": "kitchen"},
    {"sku": "CUP-2", "quantity": 1, "unit_price": 2500, "category": ""},
]
NOTE = OrderNote("ord_1", (Line("TEA-1", 2, "kitchen"), Line("CUP-2", 1, "uncategorized")), "live_1", "Lin")
APP_NOTE = OrderNote("ord_1", (Line("TEA-1", 2, "kitchen"),))


def ev(payload: Any, time: str = T0) -> DomainEvent:
    domain = type(payload).__module__.split(".")[1]
    return envelope(Happened(payload, subject="x", time=time), source=domain, origin=f"{payload!r}{time}")


def placed(source: dict[str, str] | None = None, lines: list[dict[str, Any]] | None = None) -> DomainEvent:
    return ev(OrderPlaced("ord_1", "cus_a", "CNY", 12500, T0, lines=LINES if lines is None else lines,
                          source=source or {}))  # fmt: skip


def case(
    case_type: str = "RETURN_REFUND", reason: str = "QUALITY_ISSUE", skus: tuple[str, ...] = ("TEA-1",)
) -> DomainEvent:
    items = [{"sku": sku, "quantity": 1} for sku in skus]
    return ev(CaseOpened("as_1", "ord_1", "cus_a", case_type, T0, reason=reason, items=items))


def ticket(category: str = "COMPLAINT", order_id: str = "ord_1") -> DomainEvent:
    return ev(TicketOpened("tk_1", "cus_a", category, "customer", T0, order_id=order_id))


def answer(csat: int = 4, order_id: str = "ord_1") -> DomainEvent:
    return ev(SurveyAnswered("sv_1", "cus_a", "order", "ord_1", csat, False, T0, order_id=order_id))


def S(scope: str, key: str, metric: str, n: int = 1) -> Scoped:
    return Scoped(scope, key, metric, DAY, n)


@pytest.mark.parametrize(
    ("event", "note", "expected"),
    [
        # an order sold in the app: its lines, per SKU and category
        (placed({"kind": "app"}), None, [
            S("sku", "TEA-1", "lines"), S("sku", "TEA-1", "units", 2), S("category", "kitchen", "lines"),
            S("category", "kitchen", "units", 2), S("sku", "TEA-1", "cat.kitchen"),
            S("sku", "CUP-2", "lines"), S("sku", "CUP-2", "units"), S("category", "uncategorized", "lines"),
            S("category", "uncategorized", "units"), S("sku", "CUP-2", "cat.uncategorized")]),
        # sold in a live stream: also the session's and host's orders and GMV, and the session's host
        (placed(LIVE, lines=[]), None, [
            S("session", "live_1", "orders"), S("host", "Lin", "orders"),
            S("session", "live_1", "gmv.CNY", 12500), S("host", "Lin", "gmv.CNY", 12500),
            S("session", "live_1", "host.Lin")]),
        # a return naming one SKU: its type and reason, for the SKU and its category, and the session
        (case(), NOTE, [
            S("sku", "TEA-1", "cases.RETURN_REFUND"), S("sku", "TEA-1", "reason.QUALITY_ISSUE"),
            S("category", "kitchen", "cases.RETURN_REFUND"), S("category", "kitchen", "reason.QUALITY_ISSUE"),
            S("session", "live_1", "cases"), S("host", "Lin", "cases"),
            S("session", "live_1", "returns"), S("host", "Lin", "returns")]),
        # a repair is an after-sales request of the session, not a return
        (case("REPAIR", "QUALITY_ISSUE"), NOTE, [
            S("sku", "TEA-1", "cases.REPAIR"), S("sku", "TEA-1", "reason.QUALITY_ISSUE"),
            S("category", "kitchen", "cases.REPAIR"), S("category", "kitchen", "reason.QUALITY_ISSUE"),
            S("session", "live_1", "cases"), S("host", "Lin", "cases")]),
        # a case whose order analytics never heard of: its SKU, uncategorized, no session
        (case("EXCHANGE", "SIZE_FIT"), None, [
            S("sku", "TEA-1", "cases.EXCHANGE"), S("sku", "TEA-1", "reason.SIZE_FIT"),
            S("category", "uncategorized", "cases.EXCHANGE"), S("category", "uncategorized", "reason.SIZE_FIT")]),
        # a complaint about an order: each SKU of the order, and its session
        (ticket(), NOTE, [
            S("sku", "TEA-1", "tickets.COMPLAINT"), S("sku", "TEA-1", "complaints"),
            S("category", "kitchen", "tickets.COMPLAINT"), S("category", "kitchen", "complaints"),
            S("sku", "CUP-2", "tickets.COMPLAINT"), S("sku", "CUP-2", "complaints"),
            S("category", "uncategorized", "tickets.COMPLAINT"), S("category", "uncategorized", "complaints"),
            S("session", "live_1", "complaints"), S("host", "Lin", "complaints")]),
        # another ticket about the order: its category only
        (ticket("PRODUCT"), APP_NOTE, [S("sku", "TEA-1", "tickets.PRODUCT"), S("category", "kitchen", "tickets.PRODUCT")]),
        # a ticket about no order, or about an unknown one: nothing
        (ticket(order_id=""), None, []),
        (ticket(), None, []),
        # a survey about a live order: the session's and host's CSAT; an app order's: nothing here
        (answer(4), NOTE, [
            S("session", "live_1", "csat.n"), S("host", "Lin", "csat.n"), S("session", "live_1", "csat.sum", 4),
            S("host", "Lin", "csat.sum", 4), S("session", "live_1", "csat.c4"), S("host", "Lin", "csat.c4")]),
        (answer(4), APP_NOTE, []),
        (ev(OrderDelivered("ord_1", "cus_a", T0, 100, "CNY")), NOTE, []),
    ],
)  # fmt: skip
def test_each_event_adds_its_product_and_live_facts(
    event: DomainEvent, note: OrderNote | None, expected: list[Scoped]
) -> None:
    assert sorted(scoped_facts(event, note), key=repr) == sorted(expected, key=repr)


@pytest.mark.parametrize(
    ("event", "note"),
    [
        (placed(LIVE), NOTE),
        (placed({"kind": "app"}), OrderNote("ord_1", NOTE.lines)),
        (placed(), OrderNote("ord_1", NOTE.lines)),
        (placed({"kind": "live-stream"}), OrderNote("ord_1", NOTE.lines)),  # no session: not live
        (case(), None),
    ],
)
def test_an_order_placed_is_remembered_with_its_lines_and_live_session(
    event: DomainEvent, note: OrderNote | None
) -> None:
    assert order_note(event) == note


@pytest.mark.parametrize(
    ("event", "order_id"),
    [
        (case(), "ord_1"),
        (ticket(), "ord_1"),
        (ticket(order_id=""), None),
        (answer(), "ord_1"),
        (placed(), None),
    ],
)
def test_cases_tickets_and_surveys_name_the_order_whose_note_they_need(
    event: DomainEvent, order_id: str | None
) -> None:
    assert order_wanted(event) == order_id


def test_additions_are_summed_per_day_scope_and_key() -> None:
    found = scoped_deltas(
        [S("sku", "A", "lines"), S("sku", "A", "lines"), S("sku", "A", "units", 0), S("host", "h", "orders")]
    )
    assert found == {(DAY, "sku", "A"): Counter({"lines": 2}), (DAY, "host", "h"): Counter({"orders": 1})}  # fmt: skip


# ---------------------------------------------------------------- the jump rule
@pytest.mark.parametrize(
    ("cases", "lines", "baseline_cases", "baseline_lines", "flagged"),
    [
        (3, 10, 1, 10, True),  # 30% against 10%: 3 times
        (4, 20, 1, 10, True),  # 20% against 10%: exactly twice
        (3, 20, 1, 10, False),  # 15% against 10%: 1.5 times
        (2, 4, 0, 10, False),  # 50% against 0%, but 2 cases: too few
        (3, 10, 0, 10, True),  # 30% against 0% with 3 cases: a problem the SKU did not have
        (3, 10, 0, 0, False),  # no sales before: no past to jump against
        (0, 0, 0, 10, False),  # nothing sold now
        (5, 10, 5, 10, False),  # the same rate
        (6, 10, 3, 10, True),  # 60% against 30%
        (6, 10, 4, 10, False),  # 60% against 40%
    ],
)
def test_a_sku_jumps_when_its_rate_is_twice_its_own_past_with_enough_cases(
    cases: int, lines: int, baseline_cases: int, baseline_lines: int, flagged: bool
) -> None:
    assert jumped(cases, lines, baseline_cases, baseline_lines) is flagged


@pytest.mark.parametrize(
    ("rule", "flagged"),
    [(JumpRule(factor=3.0, min_cases=3), False), (JumpRule(factor=1.5, min_cases=3), True),
     (JumpRule(factor=1.5, min_cases=5), False)],
)  # fmt: skip
def test_the_jump_rule_takes_its_factor_and_minimum_cases(rule: JumpRule, flagged: bool) -> None:
    assert jumped(4, 20, 1, 10, rule) is flagged  # 20% against 10%


@pytest.mark.parametrize(
    ("first", "last", "before"),
    [
        (date(2026, 11, 23), date(2026, 11, 23), (date(2026, 11, 22), date(2026, 11, 22))),
        (date(2026, 11, 1), date(2026, 11, 30), (date(2026, 10, 2), date(2026, 10, 31))),
        (date(2026, 3, 1), date(2026, 3, 7), (date(2026, 2, 22), date(2026, 2, 28))),
    ],
)
def test_the_baseline_is_the_equal_length_period_just_before(
    first: date, last: date, before: tuple[date, date]
) -> None:
    assert baseline_of(first, last) == before


# ---------------------------------------------------------------- the documents
def test_rates_are_per_order_line_and_jumps_are_listed_with_their_baseline() -> None:
    current = {
        "sku": {
            "TEA-1": Counter({"lines": 10, "units": 14, "cat.kitchen": 10, "cases.RETURN_REFUND": 4,
                              "cases.EXCHANGE": 1, "reason.QUALITY_ISSUE": 3, "reason.SIZE_FIT": 2,
                              "complaints": 1, "tickets.COMPLAINT": 1, "tickets.PRODUCT": 2}),
            "CUP-2": Counter({"lines": 5, "units": 5, "cat.kitchen": 5, "cases.RETURN_REFUND": 1}),
        },
        "category": {"kitchen": Counter({"lines": 15, "units": 19, "cases.RETURN_REFUND": 5})},
    }  # fmt: skip
    baseline = {
        "sku": {"TEA-1": Counter({"lines": 10, "cases.RETURN_REFUND": 1}), "CUP-2": Counter({"lines": 5})}
    }
    doc = product_quality(date(2026, 11, 23), date(2026, 11, 23), current, baseline, generated_at=T0)
    tea, cup = doc.skus
    assert (tea.sku, tea.category, tea.order_lines, tea.units_sold) == ("TEA-1", "kitchen", 10, 14)
    assert (tea.return_rate.value, tea.return_rate.numerator, tea.return_rate.n) == (0.4, 4, 10)
    assert (tea.exchange_rate.value, tea.repair_rate.value, tea.complaint_rate.value) == (0.1, 0.0, 0.1)
    assert tea.reasons == {"QUALITY_ISSUE": 3, "SIZE_FIT": 2}
    assert tea.cases == {"RETURN_REFUND": 4, "EXCHANGE": 1}
    assert tea.tickets == {"COMPLAINT": 1, "PRODUCT": 2}
    assert (cup.sku, cup.return_rate.value) == ("CUP-2", 0.2)
    [kitchen] = doc.categories
    assert (kitchen.category, kitchen.order_lines, kitchen.return_rate.value) == ("kitchen", 15, 0.3333)
    [jump] = doc.jumps  # CUP-2 has 1 case only
    assert (jump.sku, jump.kind, jump.current.value, jump.baseline.value, jump.ratio) == (
        "TEA-1", "returns", 0.4, 0.1, 4.0)  # fmt: skip
    assert (doc.baseline_from, doc.baseline_to) == ("2026-11-22", "2026-11-22")


def test_live_sessions_and_hosts_have_orders_gmv_returns_complaints_and_csat() -> None:
    current = {
        "session": {
            "live_1": Counter({"orders": 4, "gmv.CNY": 40000, "host.Lin": 4, "cases": 3, "returns": 2,
                               "complaints": 1, "csat.n": 2, "csat.sum": 7, "csat.c3": 1, "csat.c4": 1}),
            "live_2": Counter({"orders": 1, "gmv.CNY": 9000, "host.Lin": 1}),
        },
        "host": {"Lin": Counter({"orders": 5, "gmv.CNY": 49000, "cases": 3, "returns": 2, "complaints": 1,
                                 "csat.n": 2, "csat.sum": 7})},
    }  # fmt: skip
    doc = live_sessions(date(2026, 11, 23), date(2026, 11, 23), current, alert_threshold=5, generated_at=T0)
    first, second = doc.sessions
    assert (first.session_id, first.host, first.orders, first.gmv) == ("live_1", "Lin", 4, {"CNY": 40000})
    assert (first.after_sales_requests, first.returns, first.return_rate.value, first.complaints) == (
        3,
        2,
        0.5,
        1,
    )
    assert (first.csat.n, first.csat.mean, first.csat.distribution["4"]) == (2, 3.5, 1)
    assert (second.session_id, second.return_rate.value, second.csat.mean) == ("live_2", 0.0, None)
    [host] = doc.hosts
    assert (host.host, host.sessions, host.orders, host.gmv, host.return_rate.value) == (
        "Lin",
        2,
        5,
        {"CNY": 49000},
        0.4,
    )
    assert doc.alert_threshold == 5


# ---------------------------------------------------------------- the live alert
@pytest.mark.parametrize(
    ("requests", "threshold", "alert"),
    [(4, 5, False), (5, 5, True), (6, 5, True), (1, 1, True), (0, 1, False), (100, 0, False), (3, -1, False)],
)
def test_a_session_alerts_when_its_requests_of_the_day_reach_the_threshold(
    requests: int, threshold: int, alert: bool
) -> None:
    assert crossed(requests, threshold) is alert


@pytest.mark.parametrize(
    ("event", "note", "found"),
    [
        (case(), NOTE, ("live_1", "Lin", DAY)),
        (case("REPAIR"), NOTE, ("live_1", "Lin", DAY)),
        (case(), APP_NOTE, None),
        (case(), None, None),
        (ticket(), NOTE, None),  # a complaint is no after-sales request
    ],
)
def test_only_a_case_about_a_live_order_counts_towards_the_alert(
    event: DomainEvent, note: OrderNote | None, found: tuple[str, str, str] | None
) -> None:
    got = live_case(event, note)
    assert ((got.session_id, got.host, got.day) if got else None) == found


def test_a_sessions_day_has_one_alert_id() -> None:
    assert alert_id("live_1", DAY) == alert_id("live_1", DAY)
    assert len({alert_id("live_1", DAY), alert_id("live_2", DAY), alert_id("live_1", "2026-11-24")}) == 3
    assert alert_id("live_1", DAY).startswith("ntf_")


# ---------------------------------------------------------------- the report's sections
def test_the_report_sections_say_when_there_is_nothing_to_show_and_escape_names() -> None:
    from aftercare.analytics.render import live_section, product_section

    empty = product_quality(date(2026, 11, 23), date(2026, 11, 23), {}, {}, generated_at=T0)
    assert "No product sold in this range." in product_section(empty)
    assert "No SKU jumped against its own past." in product_section(empty)
    nobody = live_sessions(date(2026, 11, 23), date(2026, 11, 23), {}, alert_threshold=5, generated_at=T0)
    assert live_section(nobody).count("No live-stream orders in this range.") == 2
    odd = {"session": {"<b>s</b>": Counter({"orders": 1, "host.<i>h</i>": 1})}, "host": {}}
    html = live_section(
        live_sessions(date(2026, 11, 23), date(2026, 11, 23), odd, alert_threshold=5, generated_at=T0)
    )
    assert "<b>s</b>" not in html and "&lt;b&gt;s&lt;/b&gt;" in html and "&lt;i&gt;h&lt;/i&gt;" in html
