// After-sales: the work queue by the oldest deadline, and a case with its items, evidence
// photos (presigned GETs), deadlines, timeline and return tracking; the review, warehouse,
// repair and dispute actions the caller's role and the case's status allow.

import { get, post } from "../api.js";
import { badge, clear, field, h, money, relative, when } from "../dom.js";
import { code, lang, t } from "../i18n.js";
import { caseActions, defaultCaseStatus, may } from "../roles.js";
import { attempt, button, definitionList, form, section, timeline } from "../ui.js";

const STATUSES = ["REQUESTED", "AWAITING_RETURN", "RETURN_IN_TRANSIT", "RECEIVED", "INSPECTED", "REFUNDING", "REPAIRING", "DISPUTED", "REJECTED", "COMPLETED"];
const STAGES = ["RECEIVED", "DIAGNOSING", "REPAIRING", "TESTING", "SHIPPED_BACK"];
const CARRIERS = ["sf-express", "zto", "yto", "sto", "jd", "ems", "yunda", "dhl", "ups", "fedex"];

export async function render(ctx, main) {
  const status = ctx.query.get("status") ?? defaultCaseStatus(ctx.who.roles); // "": all open cases
  const list = h("div", { class: "queue", id: "case-queue" }, h("p", { class: "muted pad" }, t("loading")));
  const detail = h("div", { class: "detail", id: "case-detail" }, h("p", { class: "empty" }, t("selectSomething")));
  const text = h("input", { type: "search", placeholder: t("filter"), "data-filter": true, "aria-label": t("filter") });
  const filters = h("div", { class: "filters" },
    field(t("status"), h("select", { id: "case-status", onchange: (e) => ctx.navigate("cases", undefined, { status: e.target.value }) },
      h("option", { value: "", selected: !status }, t("allOpen")),
      STATUSES.map((s) => h("option", { value: s, selected: s === status }, code(s))))),
    field(t("filter"), text), button(t("refresh"), () => ctx.rerender(), { kind: "ghost" }));
  clear(main, h("div", { class: "split" }, h("div", { class: "list-pane" }, filters, list), detail));

  const page = await get("/v1/admin/after-sales", { status: status || undefined, limit: 100 });
  const now = Date.now();
  const rows = page.items.map((kase) => {
    const deadline = kase.nextDeadline;
    const late = deadline && new Date(deadline.at).getTime() <= now;
    const row = h("a", {
      href: `#/cases/${kase.caseId}?status=${status}`, class: `row ${late ? "breached" : ""} ${kase.caseId === ctx.id ? "selected" : ""}`,
      "data-row": true, "data-id": kase.caseId,
    },
    h("div", { class: "row-top" }, badge(code(kase.type)), h("span", { class: "row-title" }, kase.items.map((i) => `${i.name} ×${i.quantity}`).join(", "))),
    h("div", { class: "row-meta" }, h("span", {}, kase.customerId), h("span", {}, code(kase.reason)),
      deadline ? h("span", { class: "due" }, `${code(deadline.name)} · ${relative(deadline.at, now, t)}`) : null,
      late || kase.resolveTargetBreached ? badge(t("breached"), "danger") : null));
    row.dataset.text = `${kase.caseId} ${kase.customerId} ${kase.orderId} ${kase.items.map((i) => i.name).join(" ")}`.toLowerCase();
    return row;
  });
  text.addEventListener("input", () => {
    const needle = text.value.trim().toLowerCase();
    rows.forEach((row) => { row.hidden = Boolean(needle) && !row.dataset.text.includes(needle); });
  });
  clear(list, rows.length ? rows : h("p", { class: "empty" }, t("empty")));
  if (ctx.id) await renderCase(ctx, detail, ctx.id);
}

async function renderCase(ctx, detail, caseId) {
  clear(detail, h("p", { class: "muted pad" }, t("loading")));
  const [kase, evidence] = await Promise.all([get(`/v1/after-sales/${caseId}`), get(`/v1/after-sales/${caseId}/evidence`)]);
  const tracking = kase.returnShipment ? await get(`/v1/orders/${kase.orderId}/tracking`).catch(() => null) : null;
  const order = await get(`/v1/orders/${kase.orderId}`).catch(() => null);
  const currency = order?.currency || "CNY";
  const reload = () => ctx.rerender();
  const head = h("div", { class: "detail-head" },
    h("div", {}, h("h2", { id: "case-title" }, `${code(kase.type)} · ${code(kase.reason)}`),
      h("div", { class: "chips" }, h("span", { class: "mono" }, kase.caseId), badge(code(kase.status), "status", ), kase.merchantFault ? badge(t("merchantFault"), "warning") : null,
        kase.resolveTargetBreached ? badge(t("breached"), "danger") : null)));
  const items = h("table", { class: "grid" }, h("thead", {}, h("tr", {}, [t("sku"), t("name"), t("quantity"), t("unitPrice")].map((c) => h("th", {}, c)))),
    h("tbody", {}, kase.items.map((i) => h("tr", {}, h("td", { class: "mono" }, i.sku), h("td", {}, i.name), h("td", {}, String(i.quantity)), h("td", {}, money(i.unitPrice, currency, lang()))))));
  const photos = evidence.items.length
    ? h("div", { class: "evidence", id: "evidence" }, evidence.items.map((e) => e.key.endsWith(".mp4")
      ? h("video", { src: e.url, controls: true, class: "photo" })
      : h("a", { href: e.url, target: "_blank", rel: "noopener" }, h("img", { src: e.url, alt: e.key, class: "photo", loading: "lazy" }))))
    : h("p", { class: "muted" }, t("noEvidence"));
  const now = Date.now();
  const deadlines = definitionList(Object.entries(kase.deadlines).filter(([, v]) => v).map(([k, v]) => [code(k.replace(/([A-Z])/g, "_$1").toUpperCase()), `${when(v, lang())} (${relative(v, now, t)})`]));
  const shipment = kase.returnShipment;
  const parcel = shipment && tracking ? (tracking.shipments || []).find((s) => s.trackingNumber === shipment.trackingNumber) : null;
  const returnPanel = shipment ? section(t("returnShipment"), definitionList([[t("carrier"), shipment.carrier], [t("trackingNumber"), shipment.trackingNumber], [t("status"), code(shipment.status)]]),
    parcel && parcel.history?.length ? h("ol", { class: "timeline" }, parcel.history.map((e) => h("li", {}, h("span", { class: "when" }, when(e.occurredAt, lang())), h("span", { class: "what" }, code(e.status)), h("span", { class: "who" }, e.location || ""), e.description ? h("span", { class: "note" }, e.description) : null)))
      : h("p", { class: "muted" }, t("noTracking"))) : null;
  const facts = definitionList([[t("customer"), kase.customerId], [t("order"), h("a", { href: `#/orders/${kase.orderId}` }, kase.orderId)],
    [t("created"), when(kase.createdAt, lang())], kase.refundId ? [t("refund"), `${kase.refundId} · ${code(kase.refundStatus)}`] : null,
    kase.rejectionReason ? [t("reason"), kase.rejectionReason] : null,
    kase.inspection ? [t("inspection"), `${code(kase.inspection.result)} · ${kase.inspection.notes || ""}`] : null,
    kase.repair ? [t("repair"), code(kase.repair.stage)] : null,
    kase.dispute ? [t("dispute"), `${kase.dispute.reason}${kase.dispute.decision ? ` → ${t(kase.dispute.decision)}` : ""}`] : null]);
  const actions = actionForms(ctx, kase, reload);
  clear(detail, h("div", { class: "case-main" }, head,
    actions.length ? section(t("status"), h("div", { class: "action-grid", id: "case-actions" }, actions)) : null,
    h("div", { class: "two-col" },
      h("div", {}, section(t("items"), items), kase.description ? section(t("message"), h("p", { class: "quote" }, kase.description)) : null, section(t("evidence"), photos), returnPanel),
      h("div", {}, section(t("case"), facts), section(t("deadlines"), deadlines), section(t("timeline"), timeline(kase.timeline, lang(), when, code))))));
}

function actionForms(ctx, kase, reload) {
  const roles = ctx.who.roles;
  const path = `/v1/admin/after-sales/${kase.caseId}`;
  const forms = [];
  for (const action of caseActions(kase)) {
    if (action === "approve" && may(roles, "case.approve")) {
      const note = h("input", { name: "note", placeholder: t("note") });
      forms.push(form([field(t("note"), note)], t("approve"), (submit) =>
        attempt(submit, () => post(`${path}/approve`, note.value ? { note: note.value } : {}), t("caseApproved"), reload), { id: "approve-form" }));
    }
    if (action === "reject" && may(roles, "case.reject")) {
      const reason = h("input", { name: "reason", required: true, placeholder: t("reason") });
      forms.push(form([field(t("reason"), reason)], t("reject"), (submit) =>
        attempt(submit, () => post(`${path}/reject`, { reason: reason.value }), t("caseRejected"), reload), { id: "reject-form", kind: "danger" }));
    }
    if (action === "receive" && may(roles, "case.receive")) {
      const note = h("input", { name: "note", placeholder: t("note") });
      forms.push(form([field(t("note"), note)], t("receive"), (submit) =>
        attempt(submit, () => post(`${path}/receive`, note.value ? { note: note.value } : {}), t("caseReceived"), reload), { id: "receive-form" }));
    }
    if (action === "inspect" && may(roles, "case.inspect")) {
      const result = h("select", { name: "result" }, h("option", { value: "PASS" }, t("inspectPass")), h("option", { value: "FAIL" }, t("inspectFail")));
      const notes = h("textarea", { name: "notes", rows: 2, placeholder: t("notes") });
      const carrier = h("select", { name: "carrier" }, CARRIERS.map((c) => h("option", { value: c }, c)));
      const tracking = h("input", { name: "trackingNumber", placeholder: t("trackingNumber") });
      const exchange = kase.type === "EXCHANGE";
      forms.push(form([field(t("inspect"), result), field(t("notes"), notes), exchange ? field(t("carrier"), carrier) : null, exchange ? field(t("trackingNumber"), tracking) : null], t("inspect"), (submit) => {
        const body = { result: result.value, notes: notes.value || undefined };
        if (exchange && result.value === "PASS") body.replacement = { carrier: carrier.value, trackingNumber: tracking.value };
        return attempt(submit, () => post(`${path}/inspect`, body), t("caseInspected"), reload);
      }, { id: "inspect-form" }));
    }
    if (action === "repair" && may(roles, "case.repair")) {
      const stage = h("select", { name: "stage" }, STAGES.map((s) => h("option", { value: s }, code(s))));
      const note = h("input", { name: "note", placeholder: t("note") });
      const carrier = h("select", { name: "carrier" }, CARRIERS.map((c) => h("option", { value: c }, c)));
      const tracking = h("input", { name: "trackingNumber", placeholder: t("trackingNumber") });
      forms.push(form([field(t("stage"), stage), field(t("note"), note), field(t("carrier"), carrier), field(t("trackingNumber"), tracking)], t("repairProgress"), (submit) => {
        const body = { stage: stage.value, note: note.value || undefined };
        if (stage.value === "SHIPPED_BACK") Object.assign(body, { carrier: carrier.value, trackingNumber: tracking.value });
        return attempt(submit, () => post(`${path}/repair-progress`, body), t("repairRecorded"), reload);
      }, { id: "repair-form" }));
    }
    if (action === "resolveDispute" && may(roles, "case.resolveDispute")) {
      const decision = h("select", { name: "decision" }, ["FOR_CUSTOMER", "FOR_MERCHANT"].map((d) => h("option", { value: d }, t(d))));
      const note = h("input", { name: "note", required: true, placeholder: t("note") });
      forms.push(form([field(t("decision"), decision), field(t("note"), note)], t("resolveDispute"), (submit) =>
        attempt(submit, () => post(`${path}/resolve-dispute`, { decision: decision.value, note: note.value }), t("disputeResolved"), reload), { id: "dispute-form" }));
    }
  }
  return forms;
}
