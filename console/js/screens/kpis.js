// The KPI dashboard: the analytics report's figures and charts for a chosen range of days.

import { get } from "../api.js";
import { clear, field, h, money } from "../dom.js";
import { lang, t } from "../i18n.js";
import { barChart, lineChart } from "../charts.js";

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function seconds(value) {
  if (value === null || value === undefined) return "—";
  if (value < 90) return `${Math.round(value)} s`;
  if (value < 5400) return `${Math.round(value / 60)} min`;
  if (value < 172800) return `${(value / 3600).toFixed(1)} h`;
  return `${(value / 86400).toFixed(1)} d`;
}

function rate(r) {
  return r && r.value !== null && r.value !== undefined ? `${(r.value * 100).toFixed(1)}%` : "—";
}

function card(label, value, detail, id) {
  return h("div", { class: "kpi", "data-kpi": id }, h("div", { class: "kpi-label" }, label), h("div", { class: "kpi-value" }, value), h("div", { class: "kpi-detail" }, detail));
}

export async function render(ctx, main) {
  const today = new Date();
  const to = ctx.query.get("to") || isoDay(today);
  const from = ctx.query.get("from") || isoDay(new Date(new Date(`${to}T00:00:00Z`).getTime() - 13 * 86400000));
  const fromInput = h("input", { type: "date", id: "kpi-from", value: from });
  const toInput = h("input", { type: "date", id: "kpi-to", value: to });
  const body = h("div", { class: "kpi-body", id: "kpi-body" }, h("p", { class: "muted pad" }, t("loading")));
  const range = h("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); ctx.navigate("kpis", undefined, { from: fromInput.value, to: toInput.value }); } },
    field(t("from"), fromInput), field(t("to"), toInput), h("button", { type: "submit", class: "primary", id: "kpi-show" }, t("show")));
  clear(main, h("div", { class: "page" }, h("div", { class: "page-head" }, h("h2", {}, t("kpis")), range), body));
  const k = await get("/v1/admin/analytics/kpis", { from, to });
  const l = lang();
  const labels = k.daily.map((d) => d.date.slice(5));
  const cards = h("div", { class: "kpi-cards" },
    card(t("ordersPlaced"), k.orders.placed.toLocaleString(), `${t("delivered")} ${k.orders.delivered} · ${Object.entries(k.orders.value).map(([c, v]) => money(v, c, l)).join(" ")}`, "orders"),
    card(t("onTime"), rate(k.logistics.onTimeDelivery), `${t("n")}=${k.logistics.onTimeDelivery.n}`, "on-time"),
    card(t("exceptionRate"), rate(k.logistics.exceptionRate), `${t("n")}=${k.logistics.exceptionRate.n}`, "exceptions"),
    card(t("ticketsOpened"), String(k.tickets.opened), `${t("ticketsSolved")} ${k.tickets.solved}`, "tickets"),
    card(t("firstResponse"), seconds(k.tickets.firstResponse.medianSeconds), `${t("medianP90")} ${seconds(k.tickets.firstResponse.p90Seconds)} · ${t("n")}=${k.tickets.firstResponse.n}`, "first-response"),
    card(t("slaBreaches"), String(k.tickets.slaBreaches.total + k.cases.slaBreaches.total), Object.entries(k.tickets.slaBreaches.byKind).map(([kind, n]) => `${kind} ${n}`).join(" · ") || "—", "breaches"),
    card(t("csat"), k.surveys.csat.mean === null ? "—" : k.surveys.csat.mean.toFixed(2), `${t("n")}=${k.surveys.csat.n} ${t("answers")}`, "csat"),
    card(t("nps"), k.surveys.nps.score === null ? "—" : k.surveys.nps.score.toFixed(0), `${t("n")}=${k.surveys.nps.n}`, "nps"),
    card(t("returnRate"), rate(k.cases.returnRate), `${t("cases")} ${k.cases.opened}`, "returns"),
    card(t("refundsSucceeded"), String(k.refunds.succeeded), Object.entries(k.refunds.amount).map(([c, v]) => money(v, c, l)).join(" ") || "—", "refunds"));
  const histogram = k.tickets.firstResponse.histogram || [];
  const charts = h("div", { class: "charts" },
    barChart(t("chartOrders"), labels, [{ name: t("placedLegend"), values: k.daily.map((d) => d.ordersPlaced) }, { name: t("deliveredLegend"), values: k.daily.map((d) => d.ordersDelivered) }]),
    lineChart(t("chartOnTime"), labels, k.daily.map((d) => d.onTimeDelivery.value), t("onTime")),
    barChart(t("chartTickets"), labels, [{ name: t("openedLegend"), values: k.daily.map((d) => d.ticketsOpened) }, { name: t("complaintsLegend"), values: k.daily.map((d) => d.complaints) }]),
    barChart(t("chartCsat"), ["1", "2", "3", "4", "5"], [{ name: t("csat"), values: ["1", "2", "3", "4", "5"].map((s) => k.surveys.csat.distribution[s] || 0) }]),
    barChart(t("chartFirstResponse"), histogram.map((b) => `≤${seconds(b.highSeconds)}`.replace("≤—", `>${seconds(b.lowSeconds)}`)), [{ name: t("tickets"), values: histogram.map((b) => b.count) }]));
  const agents = h("table", { class: "grid", id: "kpi-agents" },
    h("thead", {}, h("tr", {}, [t("agent"), t("assignedCount"), t("replies"), t("solved"), t("slaBreaches"), t("firstResponse"), t("csat")].map((c) => h("th", {}, c)))),
    h("tbody", {}, k.agents.map((a) => h("tr", {}, h("td", { class: "mono" }, a.agentId), h("td", {}, String(a.assigned)), h("td", {}, String(a.replies)), h("td", {}, String(a.solved)),
      h("td", {}, String(a.slaBreaches)), h("td", {}, seconds(a.firstResponse.medianSeconds)), h("td", {}, a.csat.mean === null ? "—" : `${a.csat.mean.toFixed(2)} (${a.csat.n})`)))));
  clear(body, cards, charts, h("section", { class: "panel" }, h("h3", {}, t("agents")), agents),
    h("p", { class: "muted small" }, `${k.from} – ${k.to} · ${k.days} · ${k.timeZone}`));
}
