// Refunds waiting for a person: those above the approval threshold (approve / reject answers
// the refund workflow's task token) and those the workflow handed to manual review, which a
// supervisor settles: retry the pay-out, record it refunded outside Aftercare, or reject it.

import { get, post } from "../api.js";
import { badge, clear, field, h, money, when } from "../dom.js";
import { code, lang, t } from "../i18n.js";
import { may } from "../roles.js";
import { attempt, button, definitionList, form, section, timeline, toast } from "../ui.js";

const STATUSES = ["AWAITING_APPROVAL", "MANUAL_REVIEW"];

export async function render(ctx, main) {
  const status = ctx.query.get("status") || "AWAITING_APPROVAL";
  const list = h("div", { class: "queue", id: "refund-queue" }, h("p", { class: "muted pad" }, t("loading")));
  const detail = h("div", { class: "detail", id: "refund-detail" }, h("p", { class: "empty" }, t("selectSomething")));
  const filters = h("div", { class: "filters" },
    field(t("status"), h("select", { id: "refund-status", onchange: (e) => ctx.navigate("refunds", undefined, { status: e.target.value }) },
      STATUSES.map((s) => h("option", { value: s, selected: s === status }, code(s))))),
    button(t("refresh"), () => ctx.rerender(), { kind: "ghost" }));
  clear(main, h("div", { class: "split" }, h("div", { class: "list-pane" }, filters, list), detail));
  const page = await get("/v1/admin/refunds", { status, limit: 100 });
  const rows = page.items.map((refund) => h("a", {
    href: `#/refunds/${refund.refundId}?status=${status}`, class: `row ${refund.refundId === ctx.id ? "selected" : ""}`, "data-row": true, "data-id": refund.refundId,
  },
  h("div", { class: "row-top" }, h("strong", { class: "amount" }, money(refund.amount, refund.currency, lang())), h("span", { class: "row-title" }, refund.reason)),
  h("div", { class: "row-meta" }, h("span", {}, refund.customerId), h("span", {}, code(refund.source)), h("span", { class: "muted" }, when(refund.createdAt, lang())),
    refund.flagged ? badge(t("flagged"), "danger") : null, refund.escalated ? badge(t("escalated"), "warning") : null)));
  clear(list, rows.length ? rows : h("p", { class: "empty" }, t("empty")));
  if (ctx.id) await renderRefund(ctx, detail, ctx.id);
}

async function renderRefund(ctx, detail, refundId) {
  clear(detail, h("p", { class: "muted pad" }, t("loading")));
  const refund = await get(`/v1/refunds/${refundId}`);
  const reload = () => ctx.rerender();
  const facts = definitionList([
    [t("amount"), money(refund.amount, refund.currency, lang())], [t("customer"), refund.customerId],
    [t("order"), h("a", { href: `#/orders/${refund.orderId}` }, refund.orderId)],
    refund.caseId ? [t("case"), h("a", { href: `#/cases/${refund.caseId}` }, refund.caseId)] : null,
    [t("source"), code(refund.source)], [t("reason"), refund.reason], [t("merchantFault"), refund.merchantFault ? t("yes") : t("no")],
    [t("flagged"), refund.flagged ? t("yes") : t("no")], [t("created"), when(refund.createdAt, lang())],
  ]);
  // A failed step's technical cause (staff only) is what a supervisor settles a review by.
  const steps = h("ol", { class: "timeline", id: "refund-steps" }, refund.steps.map((s) => h("li", {}, h("span", { class: "when" }, when(s.at, lang())), h("span", { class: "what" }, `${s.step} · ${s.outcome}`), s.note ? h("span", { class: "note" }, s.note) : null,
    s.cause ? h("span", { class: "note cause mono" }, `${t("cause")}: ${s.cause}`) : null)));
  const note = h("input", { name: "note", placeholder: t("decisionNote") });
  const decide = refund.status === "AWAITING_APPROVAL" && may(ctx.who.roles, "refund.decide");
  const reject = button(t("reject"), (el) => attempt(el, () => post(`/v1/admin/refunds/${refundId}/reject`, note.value ? { note: note.value } : {}), t("refundRejected"), reload), { kind: "danger", id: "refund-reject" });
  const decisions = decide ? section(t("decision"), form([field(t("decisionNote"), note)], t("approve"), (submit) =>
    attempt(submit, () => post(`/v1/admin/refunds/${refundId}/approve`, note.value ? { note: note.value } : {}), t("refundApproved"), reload), { id: "refund-approve", extra: [reject] })) : null;
  clear(detail, h("div", { class: "case-main" },
    h("div", { class: "detail-head" }, h("div", {}, h("h2", {}, `${t("refund")} ${money(refund.amount, refund.currency, lang())}`),
      h("div", { class: "chips" }, h("span", { class: "mono" }, refund.refundId), h("span", { id: "refund-state", "data-status": refund.status }, badge(code(refund.status), "status"))))),
    decisions, settlement(ctx, refund, reload),
    h("div", { class: "two-col" }, section(t("refund"), facts), h("div", {}, section(t("steps"), steps), section(t("timeline"), timeline(refund.timeline, lang(), when, code))))));
}

// The three ways to settle a manual review (settlement.py), each a form of its own. After one
// the refund is shown again (its new status, steps and timeline) and the toast names the status.
function settlement(ctx, refund, reload) {
  if (refund.status !== "MANUAL_REVIEW" || !may(ctx.who.roles, "refund.settle")) return null;
  const path = (action) => `/v1/admin/refunds/${refund.refundId}/${action}`;
  const noted = (input, body = {}) => (input.value.trim() ? { ...body, note: input.value.trim() } : body);
  const settle = async (submit, action, body, done) => {
    const result = await attempt(submit, () => post(path(action), body), undefined, reload);
    if (result) toast(`${done} · ${code(result.status)}`);
  };
  const optional = (label) => t("optional", { label });
  const retryNote = h("input", { name: "note", maxlength: 1000, placeholder: t("decisionNote") });
  const reference = h("input", { name: "reference", required: true, maxlength: 200, placeholder: "bank-return-…" });
  const outsideNote = h("input", { name: "note", maxlength: 1000, placeholder: t("decisionNote") });
  const reason = h("input", { name: "reason", required: true, maxlength: 1000, placeholder: t("reason") });
  return section(t("settle"), h("p", { class: "muted" }, t("settleHelp")), h("div", { class: "action-grid", id: "refund-settle" },
    form([h("strong", {}, t("retryPayout")), h("span", { class: "field-hint" }, t("retryHelp")), field(optional(t("decisionNote")), retryNote)],
      t("retryPayout"), (submit) => settle(submit, "retry-payout", noted(retryNote), t("payoutRetried")), { id: "settle-retry" }),
    form([h("strong", {}, t("refundedOutside")), h("span", { class: "field-hint" }, t("outsideHelp")), field(t("reference"), reference), field(optional(t("decisionNote")), outsideNote)],
      t("recordOutside"), (submit) => settle(submit, "refunded-outside", noted(outsideNote, { reference: reference.value.trim() }), t("outsideRecorded")), { id: "settle-outside" }),
    form([h("strong", {}, t("rejectRefund")), h("span", { class: "field-hint" }, t("rejectHelp")), field(t("reason"), reason)],
      t("reject"), (submit) => settle(submit, "reject", noted(reason), t("refundRejected")), { id: "settle-reject", kind: "danger" })));
}
