// Tickets: the queue by SLA due time (breached and near-breach marked), the thread with the
// customer's history beside it, replies from templates with their placeholders filled, and
// pending / solve / escalate.

import { get, post } from "../api.js";
import { badge, clear, field, h, relative, when } from "../dom.js";
import { code, lang, t } from "../i18n.js";
import { attempt, button, definitionList, form, section, timeline } from "../ui.js";

const STATUSES = ["NEW", "OPEN", "PENDING", "SOLVED"];
const NEAR_MINUTES = 60;
const OUTCOMES = ["CUSTOMER_ACCEPTED", "COMPENSATED", "REFUNDED", "REPLACED", "UNFOUNDED", "WITHDRAWN"];

// The due time that matters now: the first response until it is given, then the resolution.
export function dueOf(ticket) {
  return ticket.firstRespondedAt ? ticket.resolutionDue : ticket.firstResponseDue;
}

export function slaState(ticket, now) {
  if (["SOLVED", "CLOSED"].includes(ticket.status)) return "";
  const due = new Date(dueOf(ticket)).getTime();
  if (ticket.breachCount > 0 || due <= now) return "breached";
  if (due - now <= NEAR_MINUTES * 60000) return "near";
  return "";
}

function slaBadge(state) {
  if (state === "breached") return badge(t("breached"), "danger");
  if (state === "near") return badge(t("nearBreach"), "warning");
  return null;
}

export async function render(ctx, main) {
  const status = ctx.query.get("status") ?? ""; // "": all open work, by SLA due time
  const assignee = ctx.query.get("assignee") ?? "";
  const list = h("div", { class: "queue", id: "ticket-queue", "aria-label": t("nav_tickets") }, h("p", { class: "muted pad" }, t("loading")));
  const detail = h("div", { class: "detail", id: "ticket-detail" }, h("p", { class: "empty" }, t("selectSomething")));
  const text = h("input", { type: "search", placeholder: t("filter"), "data-filter": true, "aria-label": t("filter"), value: ctx.query.get("q") || "" });
  const query = (changes) => ({ status, assignee, ...changes });
  const filters = h("div", { class: "filters" },
    field(t("status"), h("select", { id: "ticket-status", onchange: (e) => ctx.navigate("tickets", undefined, query({ status: e.target.value })) },
      h("option", { value: "", selected: !status }, t("allOpen")),
      STATUSES.map((s) => h("option", { value: s, selected: s === status }, code(s))))),
    field(t("assignee"), h("select", { id: "ticket-assignee", onchange: (e) => ctx.navigate("tickets", undefined, query({ assignee: e.target.value })) },
      h("option", { value: "", selected: !assignee }, t("anyone")), h("option", { value: ctx.who.sub, selected: assignee === ctx.who.sub }, t("me")))),
    field(t("filter"), text),
    button(t("refresh"), () => ctx.rerender(), { kind: "ghost" }));
  clear(main, h("div", { class: "split three" }, h("div", { class: "list-pane" }, filters, list), detail));

  const page = await get("/v1/admin/tickets", { status: status || undefined, assignee: assignee || undefined, limit: 100 });
  const now = Date.now();
  const rows = page.items.map((ticket) => {
    const state = slaState(ticket, now);
    const row = h("a", {
      href: `#/tickets/${ticket.ticketId}?${new URLSearchParams(query({}))}`, class: `row ${state} ${ticket.ticketId === ctx.id ? "selected" : ""}`,
      "data-row": true, "data-id": ticket.ticketId, "data-sla": state || "ok",
    },
    h("div", { class: "row-top" }, badge(code(ticket.priority), `priority-${ticket.priority.toLowerCase()}`), h("span", { class: "row-title" }, ticket.subject)),
    h("div", { class: "row-meta" }, h("span", {}, ticket.customerId), h("span", {}, code(ticket.category)),
      h("span", { class: "due" }, `${t("due")} ${relative(dueOf(ticket), now, t)}`), slaBadge(state)),
    h("div", { class: "row-meta" }, h("span", { class: "muted" }, ticket.assignee || "—")));
    row.dataset.text = `${ticket.subject} ${ticket.customerId} ${ticket.ticketId} ${ticket.assignee || ""}`.toLowerCase();
    return row;
  });
  const apply = () => {
    const needle = text.value.trim().toLowerCase();
    rows.forEach((row) => { row.hidden = Boolean(needle) && !row.dataset.text.includes(needle); });
  };
  text.addEventListener("input", apply);
  clear(list, rows.length ? rows : h("p", { class: "empty" }, t("empty")));
  apply();
  if (ctx.id) await renderTicket(ctx, detail, ctx.id);
}

async function renderTicket(ctx, detail, ticketId) {
  clear(detail, h("p", { class: "muted pad" }, t("loading")));
  const [ticket, templates] = await Promise.all([get(`/v1/tickets/${ticketId}`), get("/v1/admin/reply-templates")]);
  const [history, order] = await Promise.all([
    get(`/v1/admin/customers/${ticket.customerId}/history`).catch(() => null),
    ticket.orderId ? get(`/v1/orders/${ticket.orderId}`).catch(() => null) : null,
  ]);
  const now = Date.now();
  const state = slaState(ticket, now);
  const reload = () => ctx.rerender();
  const work = ["SOLVED", "CLOSED"].includes(ticket.status) ? [] : [
    ticket.assignee !== ctx.who.sub ? button(t("assignToMe"), (el) => attempt(el, () => post(`/v1/admin/tickets/${ticketId}/assign`, { assignee: ctx.who.sub }), t("assigned"), reload), { id: "assign-me" }) : null,
  ];
  const header = h("div", { class: "detail-head" },
    h("div", {}, h("h2", { id: "ticket-subject" }, ticket.subject),
      h("div", { class: "chips" }, h("span", { class: "mono" }, ticket.ticketId), badge(code(ticket.status), "status"), badge(code(ticket.priority), `priority-${ticket.priority.toLowerCase()}`),
        badge(code(ticket.category)), badge(code(ticket.sentiment), `sentiment-${ticket.sentiment.toLowerCase()}`), slaBadge(state))),
    h("div", { class: "head-actions" }, work));
  const sla = definitionList([
    [t("customer"), ticket.customerId], [t("assignee"), ticket.assignee || "—"], [t("channel"), ticket.channel || ticket.source],
    [t("order"), ticket.orderId ? h("a", { href: `#/orders/${ticket.orderId}` }, ticket.orderId) : "—"],
    [t("firstResponseDue"), `${when(ticket.firstResponseDue, lang())}${ticket.firstRespondedAt ? " ✓" : ` (${relative(ticket.firstResponseDue, now, t)})`}`],
    [t("resolutionDue"), `${when(ticket.resolutionDue, lang())} (${relative(ticket.resolutionDue, now, t)})`],
    [t("breaches"), String(ticket.breachCount)],
  ]);
  const thread = h("ol", { class: "thread", id: "thread" }, ticket.messages.map((m) => h("li", { class: `message ${m.authorRole === "customer" ? "from-customer" : "from-staff"}` },
    h("div", { class: "message-head" }, h("strong", {}, m.authorId), h("span", { class: "muted" }, when(m.at, lang())), m.templateId ? badge(m.templateId) : null),
    h("div", { class: "message-body" }, m.body))));
  const open = !["SOLVED", "CLOSED"].includes(ticket.status);
  const center = h("div", { class: "ticket-main" }, header, section(t("details"), sla), section(t("thread"), thread),
    open ? composer(ctx, ticket, templates.items, order, reload) : null,
    open ? section(t("status"), h("div", { class: "action-grid" }, ticketActions(ctx, ticket, reload))) : null,
    section(t("timeline"), timeline(ticket.timeline, lang(), when, code)));
  clear(detail, h("div", { class: "detail-columns" }, center, customerPane(history)));
}

function composer(ctx, ticket, templates, order, reload) {
  const ui = lang();
  const choices = templates.filter((tpl) => tpl.language === ui && (!tpl.category || tpl.category === ticket.category));
  const known = {
    customerName: order?.shippingAddress?.recipient || "",
    orderId: ticket.orderId || "",
    ticketId: ticket.ticketId,
    deadline: new Date(ticket.resolutionDue).toISOString().slice(0, 16).replace("T", " ") + " UTC",
    agentName: ctx.who.name,
  };
  const select = h("select", { id: "reply-template", "aria-label": t("template") }, h("option", { value: "" }, t("noTemplate")),
    choices.map((tpl) => h("option", { value: tpl.templateId }, tpl.title)));
  const vars = h("div", { class: "placeholders", id: "reply-placeholders" });
  const preview = h("div", { class: "preview", id: "reply-preview", "aria-live": "polite" });
  const extra = h("textarea", { id: "reply-message", rows: 4, placeholder: t("message"), "aria-label": t("message") });
  const inputs = {};
  const fill = () => {
    const tpl = choices.find((c) => c.templateId === select.value);
    preview.hidden = !tpl;
    if (!tpl) return;
    const text = tpl.body.replace(/\{\{(\w+)\}\}/g, (_, name) => inputs[name]?.value || `{{${name}}}`);
    preview.textContent = extra.value ? `${text}\n\n${extra.value}` : text;
  };
  select.addEventListener("change", () => {
    const tpl = choices.find((c) => c.templateId === select.value);
    clear(vars);
    for (const name of tpl ? tpl.placeholders : []) {
      inputs[name] = h("input", { name, value: known[name] || "", "data-placeholder": name, oninput: fill });
      vars.append(field(name, inputs[name]));
    }
    fill();
  });
  extra.addEventListener("input", fill);
  preview.hidden = true;
  return section(t("reply"), form([field(t("template"), select), vars, preview, extra], t("send"), (submit) => {
    const templateId = select.value || undefined;
    const variables = {};
    for (const [name, input] of Object.entries(inputs)) if (input.isConnected && input.value) variables[name] = input.value;
    const body = templateId ? { templateId, variables, message: extra.value || undefined } : { message: extra.value };
    return attempt(submit, () => post(`/v1/admin/tickets/${ticket.ticketId}/reply`, body), t("replied"), reload);
  }, { id: "reply-form" }));
}

function ticketActions(ctx, ticket, reload) {
  const path = `/v1/admin/tickets/${ticket.ticketId}`;
  const pendingNote = h("input", { name: "message", placeholder: t("message") });
  const resolution = h("input", { name: "resolution", required: true, placeholder: t("resolution") });
  const outcome = h("select", { name: "outcome" }, h("option", { value: "" }, "—"), OUTCOMES.map((o) => h("option", { value: o }, code(o))));
  const reason = h("input", { name: "reason", required: true, placeholder: t("reason") });
  return [
    ticket.status !== "PENDING" ? form([field(t("message"), pendingNote)], t("pending"), (submit) =>
      attempt(submit, () => post(`${path}/pending`, pendingNote.value ? { message: pendingNote.value } : {}), t("pendingDone"), reload), { id: "pending-form", kind: "" }) : null,
    form([field(t("resolution"), resolution), ticket.category === "COMPLAINT" ? field(t("outcome"), outcome) : null], t("solve"), (submit) =>
      attempt(submit, () => post(`${path}/solve`, { resolution: resolution.value, outcome: outcome.value || undefined }), t("solvedDone"), reload), { id: "solve-form" }),
    form([field(t("reason"), reason)], t("escalate"), (submit) =>
      attempt(submit, () => post(`${path}/escalate`, { reason: reason.value }), t("escalatedDone"), reload), { id: "escalate-form", kind: "danger" }),
  ];
}

function customerPane(history) {
  if (!history) return h("aside", { class: "customer-pane" }, h("h3", {}, t("history")), h("p", { class: "muted" }, t("noHistory")));
  const p = history.profile;
  const group = (title, entries) => section(`${title} (${entries.length})`, entries.length ? h("ul", { class: "history" }, entries.slice(0, 8).map((e) => h("li", {},
    h("a", { href: e.kind === "order" ? `#/orders/${e.id}` : e.kind === "case" ? `#/cases/${e.id}` : e.kind === "ticket" ? `#/tickets/${e.id}` : "#" }, e.summary || e.id),
    h("span", { class: "history-meta" }, badge(code(e.status)), h("span", { class: "muted" }, when(e.at, lang())))))) : h("p", { class: "muted" }, "—"));
  return h("aside", { class: "customer-pane", id: "customer-history" },
    h("h3", {}, t("history")),
    definitionList([[t("customer"), history.customerId], p ? [t("tier"), code(p.tier)] : null, p ? [t("points"), String(p.points)] : null,
      p?.contact?.email ? ["e-mail", p.contact.email] : null]),
    group(t("orders"), history.orders), group(t("cases"), history.cases), group(t("tickets"), history.tickets), group(t("surveys"), history.surveys));
}
