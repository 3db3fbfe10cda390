"""The KPI report as one self-contained HTML page with inline SVG charts: our own small
renderer (no plotting library in the layer). Pure: a `Kpis` document in, a string out.
Every figure shows the sample size it came from."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from aftercare.analytics.models import Bucket, CsatKpi, DurationStats, JointCell, Kpis, Rate
from aftercare.analytics.product_models import LiveFigures, LiveSessions, ProductQuality
from aftercare.analytics.topics.models import TopicsOut

INK, MUTED, GRID = "#1f2933", "#6b7785", "#e4e7eb"
BLUE, TEAL, AMBER, RED, GREEN = "#2f6fdf", "#1a9e8f", "#e6a23c", "#d64545", "#3f9c35"
CSAT_COLORS = {1: "#d64545", 2: "#e8804a", 3: "#e6c13c", 4: "#8cc152", 5: "#3f9c35"}
# Coarse, readable duration bins for the charts (upper bounds in seconds).
BINS: list[tuple[str, float]] = [
    ("<1m", 60),
    ("1-5m", 300),
    ("5-15m", 900),
    ("15-60m", 3600),
    ("1-4h", 4 * 3600),
    ("4-12h", 12 * 3600),
    ("12-24h", 86400),
    ("1-2d", 2 * 86400),
    ("2-7d", 7 * 86400),
    (">7d", math.inf),
]


# ---------------------------------------------------------------- formatting
def fmt_seconds(value: float | None) -> str:
    if value is None:
        return "—"
    if value < 60:
        return f"{value:.0f} s"
    if value < 3600:
        return f"{value / 60:.1f} min"
    if value < 86400:
        return f"{value / 3600:.1f} h"
    return f"{value / 86400:.1f} d"


def fmt_rate(rate: Rate) -> str:
    return "—" if rate.value is None else f"{rate.value * 100:.1f}%"


def fmt_number(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}" if isinstance(value, float) and not value.is_integer() else f"{value:,.0f}"


def fmt_money(amounts: dict[str, int]) -> str:
    if not amounts:
        return "—"
    return ", ".join(
        f"{amount / 100:,.2f} {escape(currency)}" for currency, amount in sorted(amounts.items())
    )


def bin_of(low: float, high: float | None) -> int:
    """The coarse bin a histogram bucket falls in (by its geometric middle)."""
    middle = low if high is None else math.sqrt(max(low, 0.5) * high)
    return next(index for index, (_, upper) in enumerate(BINS) if middle < upper)


def coarse(buckets: Sequence[Bucket]) -> list[int]:
    counts = [0] * len(BINS)
    for bucket in buckets:
        counts[bin_of(bucket.low_seconds, bucket.high_seconds)] += bucket.count
    return counts


def _nice_max(value: float) -> float:
    """The top of a count axis with four whole-number steps (4, 8, 20, 40, 80, 200, ...)."""
    quarter = max(1.0, value / 4)
    exponent = 10 ** math.floor(math.log10(quarter))
    step = next(s * exponent for s in (1, 2, 5, 10) if quarter <= s * exponent)
    return 4 * step


# ---------------------------------------------------------------- charts
def _frame(width: int, height: int, title: str, body: str, legend: Sequence[tuple[str, str]] = ()) -> str:
    # the legend: right-aligned on the row under the title (about 6.5 px per character)
    widths = [26 + 6.5 * len(name) for name, _ in legend]
    keys, x = "", width - 12 - sum(widths)
    for (name, color), item in zip(legend, widths, strict=True):
        keys += (
            f'<g transform="translate({x:.0f},30)"><rect width="10" height="10" fill="{color}" rx="2"/>'
            f'<text x="15" y="9" font-size="11" fill="{MUTED}">{escape(name)}</text></g>'
        )
        x += item
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(title)}" font-family="system-ui, sans-serif">'
        f'<text x="12" y="22" font-size="14" font-weight="600" fill="{INK}">{escape(title)}</text>'
        f"{keys}{body}</svg>"
    )


def _axes(left: int, top: int, plot_w: int, plot_h: int, y_max: float, y_label: str, *, percent: bool) -> str:
    parts = []
    for i in range(5):
        value = y_max * i / 4
        y = top + plot_h - plot_h * i / 4
        label = f"{value * 100:.0f}%" if percent else fmt_number(value, 1 if value < 10 else 0)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="10" text-anchor="end" '
            f'fill="{MUTED}">{label}</text>'
        )
    parts.append(f'<text x="{left}" y="{top - 8}" font-size="10" fill="{MUTED}">{escape(y_label)}</text>')
    return "".join(parts)


def _x_labels(labels: Sequence[str], left: int, step: float, y: int) -> str:
    every = max(1, math.ceil(len(labels) / 10))
    return "".join(
        f'<text x="{left + step * (i + 0.5):.1f}" y="{y}" font-size="10" text-anchor="middle" fill="{MUTED}">'
        f"{escape(label)}</text>"
        for i, label in enumerate(labels)
        if i % every == 0 or i == len(labels) - 1
    )


def bar_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[float]]],
    *,
    width: int = 560,
    height: int = 240,
    y_label: str = "",
    percent: bool = False,
) -> str:
    """Grouped bars: `series` is (name, color, one value per label)."""
    left, top, right, bottom = 48, 50, 12, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    y_max = 1.0 if percent else _nice_max(max((v for _, _, values in series for v in values), default=0))
    step = plot_w / max(1, len(labels))
    bar_w = max(1.0, step * 0.8 / max(1, len(series)))
    bars = []
    for s, (name, color, values) in enumerate(series):
        for i, value in enumerate(values):
            h = plot_h * (value / y_max) if y_max else 0
            x = left + step * i + step * 0.1 + bar_w * s
            bars.append(
                f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                f'fill="{color}" '
                f'rx="1"><title>{escape(labels[i])} {escape(name)}: {fmt_number(value)}</title></rect>'
            )
    body = _axes(left, top, plot_w, plot_h, y_max, y_label, percent=percent) + "".join(bars)
    body += _x_labels(labels, left, step, height - 10)
    return _frame(
        width, height, title, body, [(name, color) for name, color, _ in series] if len(series) > 1 else ()
    )


def line_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[float | None]]],
    *,
    width: int = 560,
    height: int = 240,
) -> str:
    """Rates (0..1) per day as lines; a day without data leaves a gap."""
    left, top, right, bottom = 48, 50, 12, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(1, len(labels))
    body = _axes(left, top, plot_w, plot_h, 1.0, "", percent=True)
    for name, color, values in series:
        runs: list[list[str]] = [[]]
        dots = []
        for i, value in enumerate(values):
            if value is None:
                runs.append([])
                continue
            x, y = left + step * (i + 0.5), top + plot_h - plot_h * value
            runs[-1].append(f"{x:.1f},{y:.1f}")
            dots.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{color}"><title>{escape(labels[i])} '
                f"{escape(name)}: {value * 100:.1f}%</title></circle>"
            )
        body += "".join(
            f'<polyline points="{" ".join(run)}" fill="none" stroke="{color}" stroke-width="2"/>'
            for run in runs
            if len(run) > 1
        )
        body += "".join(dots)
    body += _x_labels(labels, left, step, height - 10)
    return _frame(width, height, title, body, [(name, color) for name, color, _ in series])


def csat_chart(csat: CsatKpi, *, width: int = 560, height: int = 240) -> str:
    left, top, right, bottom = 48, 50, 12, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    counts = [csat.distribution.get(str(score), 0) for score in range(1, 6)]
    y_max = _nice_max(max(counts, default=0))
    step = plot_w / 5
    body = _axes(left, top, plot_w, plot_h, y_max, "answers", percent=False)
    for i, count in enumerate(counts):
        h = plot_h * count / y_max
        x = left + step * i + step * 0.15
        body += (
            f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{step * 0.7:.1f}" height="{h:.1f}" '
            f'fill="{CSAT_COLORS[i + 1]}" rx="2"><title>CSAT {i + 1}: {count}</title></rect>'
            f'<text x="{x + step * 0.35:.1f}" y="{top + plot_h - h - 4:.1f}" font-size="11" '
            f'text-anchor="middle" '
            f'fill="{INK}">{count}</text>'
        )
    body += _x_labels([f"{score}★" for score in range(1, 6)], left, step, height - 10)
    return _frame(width, height, f"CSAT distribution (n={csat.n})", body)


def duration_chart(
    title: str, stats: DurationStats, color: str, *, width: int = 560, height: int = 240
) -> str:
    counts = coarse(stats.histogram)
    return bar_chart(
        f"{title} (n={stats.n})",
        [label for label, _ in BINS],
        [("count", color, counts)],
        width=width,
        height=height,
        y_label="count",
    )


def heatmap(cells: Sequence[JointCell], n: int, *, width: int = 560, height: int = 250) -> str:
    """CSAT (rows, 5 on top) against handling time (coarse bins): the pairs behind the correlation."""
    left, top, right, bottom = 48, 44, 12, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    grid = [[0] * len(BINS) for _ in range(5)]
    for cell in cells:
        grid[cell.csat - 1][bin_of(cell.low_seconds, cell.high_seconds)] += cell.count
    peak = max((v for row in grid for v in row), default=0) or 1
    cw, ch = plot_w / len(BINS), plot_h / 5
    body = ""
    for score in range(5, 0, -1):
        y = top + ch * (5 - score)
        body += (
            f'<text x="{left - 8}" y="{y + ch / 2 + 4:.1f}" font-size="11" text-anchor="end" '
            f'fill="{MUTED}">{score}★</text>'
        )
        for column, count in enumerate(grid[score - 1]):
            shade = 0.08 + 0.92 * count / peak if count else 0.0
            x = left + cw * column
            body += (
                f'<rect x="{x + 1:.1f}" y="{y + 1:.1f}" width="{cw - 2:.1f}" height="{ch - 2:.1f}" rx="2" '
                f'fill="{BLUE}" fill-opacity="{shade:.2f}" stroke="{GRID}"><title>CSAT {score}, '
                f"{escape(BINS[column][0])}: {count}</title></rect>"
            )
            if count:
                text = "#fff" if shade > 0.5 else INK
                body += (
                    f'<text x="{x + cw / 2:.1f}" y="{y + ch / 2 + 4:.1f}" font-size="11" '
                    f'text-anchor="middle" '
                    f'fill="{text}">{count}</text>'
                )
    body += _x_labels([label for label, _ in BINS], left, cw, height - 10)
    return _frame(width, height, f"CSAT × handling time (n={n})", body)


# ---------------------------------------------------------------- the page
def _card(label: str, value: str, detail: str) -> str:
    return (
        f'<div class="card"><div class="label">{escape(label)}</div><div class="value">{escape(value)}</div>'
        f'<div class="detail">{escape(detail)}</div></div>'
    )


def _duration_cells(stats: DurationStats) -> str:
    return "".join(
        f"<td>{escape(text)}</td>"
        for text in (
            str(stats.n),
            fmt_seconds(stats.mean_seconds),
            fmt_seconds(stats.median_seconds),
            fmt_seconds(stats.p90_seconds),
        )
    )


def page(k: Kpis, *sections: str) -> str:
    """The report page; `sections`: more HTML (each its own headings and tables), shown after
    the agents and before how the figures are computed."""
    labels = [day.date[5:] for day in k.daily]
    cor = k.satisfaction_vs_handling_time
    t, c = k.tickets, k.cases
    cards = "".join(
        [
            _card(
                "Orders placed",
                f"{k.orders.placed:,}",
                f"{k.orders.delivered:,} delivered · {fmt_money(k.orders.value)}",
            ),
            _card(
                "On-time delivery",
                fmt_rate(k.logistics.on_time_delivery),
                f"{k.logistics.on_time_delivery.numerator} of n={k.logistics.on_time_delivery.n} "
                "with an estimate",
            ),
            _card(
                "Logistics exceptions",
                fmt_rate(k.logistics.exception_rate),
                f"{k.logistics.exception_rate.numerator} of n={k.logistics.exception_rate.n} shipments",
            ),
            _card(
                "Return rate",
                fmt_rate(c.return_rate),
                f"{c.return_rate.numerator} of n={c.return_rate.n} delivered",
            ),
            _card(
                "Complaint rate",
                fmt_rate(k.complaint_rate),
                f"{k.complaint_rate.numerator} of n={k.complaint_rate.n} orders",
            ),
            _card("CSAT", fmt_number(k.surveys.csat.mean), f"mean of n={k.surveys.csat.n} answers (1-5)"),
            _card(
                "NPS",
                fmt_number(k.surveys.nps.score, 1),
                f"n={k.surveys.nps.n} · {k.surveys.nps.promoters} promoters, "
                f"{k.surveys.nps.detractors} detractors",
            ),
            _card(
                "Ticket first response",
                fmt_seconds(t.first_response.median_seconds),
                f"median · p90 {fmt_seconds(t.first_response.p90_seconds)} · n={t.first_response.n}",
            ),
            _card(
                "Ticket resolution",
                fmt_seconds(t.resolution.median_seconds),
                f"median · p90 {fmt_seconds(t.resolution.p90_seconds)} · n={t.resolution.n}",
            ),
            _card(
                "Case resolution",
                fmt_seconds(c.resolution.median_seconds),
                f"median · p90 {fmt_seconds(c.resolution.p90_seconds)} · n={c.resolution.n}",
            ),
            _card(
                "Triage accepted",
                fmt_rate(t.triage_accepted),
                f"{t.triage_accepted.numerator} of n={t.triage_accepted.n} tickets without a correction",
            ),
            _card(
                "SLA breaches",
                f"{t.sla_breaches.total + c.sla_breaches.total:,}",
                f"tickets {t.sla_breaches.total} · cases {c.sla_breaches.total}",
            ),
            _card(
                "CSAT vs handling time",
                f"r = {fmt_number(cor.pearson, 2)}",
                f"Spearman ρ = {fmt_number(cor.spearman, 2)} · n={cor.n} pairs",
            ),
        ]
    )
    charts = "".join(
        f'<div class="chart">{svg}</div>'
        for svg in [
            bar_chart(
                "Orders per day",
                labels,
                [
                    ("placed", BLUE, [d.orders_placed for d in k.daily]),
                    ("delivered", TEAL, [d.orders_delivered for d in k.daily]),
                ],
                y_label="orders",
            ),
            line_chart(
                "Delivery: on time and exceptions",
                labels,
                [
                    ("on time", GREEN, [d.on_time_delivery.value for d in k.daily]),
                    ("exceptions", RED, [d.exception_rate.value for d in k.daily]),
                ],
            ),
            bar_chart(
                "Tickets and complaints per day",
                labels,
                [
                    ("tickets", BLUE, [d.tickets_opened for d in k.daily]),
                    ("complaints", AMBER, [d.complaints for d in k.daily]),
                    ("SLA breaches", RED, [d.sla_breaches for d in k.daily]),
                ],
                y_label="count",
            ),
            csat_chart(k.surveys.csat),
            duration_chart("Ticket first response time", t.first_response, BLUE),
            duration_chart("Ticket resolution time", t.resolution, TEAL),
            heatmap(cor.cells, cor.n),
            duration_chart("Case resolution time", c.resolution, AMBER),
        ]
    )
    durations = "".join(
        f"<tr><th>{escape(name)}</th>{_duration_cells(stats)}</tr>"
        for name, stats in [
            ("Tickets: first response", t.first_response),
            ("Tickets: resolution", t.resolution),
            ("Cases: first response (review)", c.first_response),
            ("Cases: resolution", c.resolution),
            ("Shipments: delivery time", k.logistics.delivery_time),
        ]
    )
    peak = max((a.assigned + a.solved for a in k.agents), default=0) or 1
    agents = (
        "".join(
            f"<tr><th>{escape(a.agent_id)}</th><td>{a.assigned}</td><td>{a.replies}</td><td>{a.solved}</td>"
            f'<td><svg width="120" height="10"><rect width="{120 * (a.assigned + a.solved) / peak:.1f}" '
            f'height="10" '
            f'fill="{BLUE}" rx="2"/></svg></td>'
            f"<td>{escape(fmt_seconds(a.first_response.median_seconds))} (n={a.first_response.n})</td>"
            f"<td>{a.sla_breaches}</td><td>{escape(fmt_number(a.csat.mean))} (n={a.csat.n})</td></tr>"
            for a in k.agents
        )
        or '<tr><td colspan="8" class="none">No agent activity in this range.</td></tr>'
    )
    methods = "".join(f"<li><b>{escape(name)}</b>: {escape(text)}</li>" for name, text in k.methods.items())
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Aftercare service KPIs {escape(k.from_)} – {escape(k.to)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; background: #f5f7fa;
  color: {INK}; }}
header {{ background: #1f3a5f; color: #fff; padding: 20px 32px; }}
header h1 {{ margin: 0 0 4px; font-size: 22px; }} header p {{ margin: 0; opacity: .8; font-size: 13px; }}
main {{ padding: 20px 32px 40px; max-width: 1216px; }}
.cards {{ display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; }}
.card {{ background: #fff; border-radius: 8px; padding: 12px 14px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }}
.label {{ font-size: 12px; color: {MUTED}; text-transform: uppercase; letter-spacing: .03em; }}
.value {{ font-size: 26px; font-weight: 650; margin: 4px 0; }} .detail {{ font-size: 12px; color: {MUTED}; }}
.charts {{ display: grid; grid-template-columns: repeat(2, 1fr); gap: 12px; margin-top: 16px; }}
.chart {{ background: #fff; border-radius: 8px; padding: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }}
.chart svg {{ width: 100%; height: auto; }}
h2 {{ font-size: 16px; margin: 24px 0 8px; }}
table {{ border-collapse: collapse; background: #fff; width: 100%; font-size: 13px; border-radius: 8px; }}
th, td {{ text-align: left; padding: 6px 10px; border-bottom: 1px solid {GRID}; }}
thead th {{ color: {MUTED}; font-weight: 600; }} .none {{ color: {MUTED}; }}
ul.methods {{ font-size: 12px; color: {MUTED}; padding-left: 18px; }}
</style></head>
<body>
<header><h1>Service KPIs · {escape(k.from_)} to {escape(k.to)}</h1>
<p>{k.days} days ({escape(k.time_zone)}) · generated {escape(k.generated_at)}
 · n = the sample each figure comes from</p>
</header>
<main>
<section class="cards">{cards}</section>
<section class="charts">{charts}</section>
<h2>Response and resolution times</h2>
<table><thead><tr><th></th><th>n</th><th>mean</th><th>median</th><th>p90</th></tr></thead>
<tbody>{durations}</tbody></table>
<h2>Agents</h2>
<table><thead><tr><th>agent</th><th>assigned</th><th>replies</th><th>solved</th><th>workload</th>
<th>first response (median)</th><th>SLA breaches</th><th>CSAT</th></tr></thead><tbody>{agents}</tbody></table>
{"".join(sections)}<h2>How the figures are computed</h2>
<ul class="methods">{methods}</ul>
</main></body></html>
"""


# ---------------------------------------------------------------- product quality and live streams
TOP_SKUS = 10


def _rate_cell(rate: Rate) -> str:
    return f"<td>{escape(fmt_rate(rate))} ({rate.numerator} of n={rate.n})</td>"


def _reasons(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def product_section(q: ProductQuality) -> str:
    """Top SKUs by return rate and the SKUs whose rates jumped against their own past."""
    top = [s for s in q.skus if s.order_lines][:TOP_SKUS]
    rows = (
        "".join(
            f"<tr><th>{escape(s.sku)}</th><td>{escape(s.category)}</td><td>{s.order_lines}</td>"
            f"<td>{s.units_sold}</td>{_rate_cell(s.return_rate)}{_rate_cell(s.exchange_rate)}"
            f"{_rate_cell(s.repair_rate)}{_rate_cell(s.complaint_rate)}"
            f"<td>{escape(_reasons(s.reasons))}</td></tr>"
            for s in top
        )
        or '<tr><td colspan="9" class="none">No product sold in this range.</td></tr>'
    )
    jumps = (
        "".join(
            f"<tr><th>{escape(j.sku)}</th><td>{escape(j.category)}</td><td>{escape(j.kind)}</td>"
            f"{_rate_cell(j.current)}{_rate_cell(j.baseline)}"
            f"<td>{'new' if j.ratio is None else f'×{j.ratio:g}'}</td></tr>"
            for j in q.jumps
        )
        or '<tr><td colspan="6" class="none">No SKU jumped against its own past.</td></tr>'
    )
    return f"""<h2 id="products">Product quality: top SKUs by return rate</h2>
<table><thead><tr><th>SKU</th><th>category</th><th>order lines</th><th>units</th><th>return rate</th>
<th>exchange rate</th><th>repair rate</th><th>complaint rate</th><th>reasons</th></tr></thead>
<tbody>{rows}</tbody></table>
<h2 id="jumps">SKUs whose rates jumped (against {escape(q.baseline_from)} to {escape(q.baseline_to)})</h2>
<table><thead><tr><th>SKU</th><th>category</th><th>rate</th><th>now</th><th>before</th><th>jump</th></tr></thead>
<tbody>{jumps}</tbody></table>
"""


def live_section(live: LiveSessions) -> str:
    """The KPIs per live-stream session and per host."""

    def figures(f: LiveFigures) -> str:
        return (
            f"<td>{f.orders}</td><td>{fmt_money(f.gmv)}</td><td>{f.after_sales_requests}</td>"
            f"{_rate_cell(f.return_rate)}<td>{f.complaints}</td>"
            f"<td>{escape(fmt_number(f.csat.mean))} (n={f.csat.n})</td>"
        )

    sessions = (
        "".join(
            f"<tr><th>{escape(s.session_id)}</th><td>{escape(s.host)}</td>{figures(s)}</tr>"
            for s in live.sessions
        )
        or '<tr><td colspan="8" class="none">No live-stream orders in this range.</td></tr>'
    )
    hosts = (
        "".join(f"<tr><th>{escape(h.host)}</th><td>{h.sessions}</td>{figures(h)}</tr>" for h in live.hosts)
        or '<tr><td colspan="8" class="none">No live-stream orders in this range.</td></tr>'
    )
    head = (
        "<th>orders</th><th>GMV</th><th>after-sales requests</th><th>return rate</th>"
        "<th>complaints</th><th>CSAT</th>"
    )
    return f"""<h2 id="live-sessions">Live-stream sessions</h2>
<table><thead><tr><th>session</th><th>host</th>{head}</tr></thead><tbody>{sessions}</tbody></table>
<h2 id="live-hosts">Live-stream hosts</h2>
<table><thead><tr><th>host</th><th>sessions</th>{head}</tr></thead><tbody>{hosts}</tbody></table>
"""


def topics_section(topics: TopicsOut | None) -> str:
    """Recurring issues: the latest weekly topics (the topics job's), most tickets first."""
    if topics is None or topics.period is None:
        return '<h2>Recurring issues</h2><p class="none">No weekly topics in this range yet.</p>'
    rows = (
        "".join(
            f"<tr><th>{escape(t.topic)}</th><td>{t.count}</td><td>{escape(t.trend)}</td>"
            f"<td>{escape(', '.join(t.terms))}</td><td>{escape(' '.join(t.examples))}</td></tr>"
            for t in topics.items
        )
        or '<tr><td colspan="5" class="none">No topic shared by two tickets or more.</td></tr>'
    )
    before = (
        f" against {escape(topics.previous.from_)} – {escape(topics.previous.to)}" if topics.previous else ""
    )
    return (
        f"<h2>Recurring issues · {escape(topics.period.from_)} – {escape(topics.period.to)}</h2>"
        f'<p class="detail">n={topics.tickets} customer tickets grouped by what they say{before} '
        f"(n={topics.previous_tickets})</p>"
        "<table><thead><tr><th>topic</th><th>tickets</th><th>trend</th><th>terms</th><th>examples</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
    )
