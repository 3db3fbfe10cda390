// Order lookup: one order by id (or a customer's orders), its timeline, exception handling,
// shipments with their courier tracking, and its refunds.

import { get, post } from "../api.js";
import { badge, clear, field, h, money, when } from "../dom.js";
import { code, lang, t } from "../i18n.js";
import { may } from "../roles.js";
import { attempt, definitionList, form, section, timeline } from "../ui.js";

const KINDS = ["OUT_OF_STOCK", "PRICE_ERROR", "ADDRESS_PROBLEM", "PAYMENT_PROBLEM"];
const STATUSES = ["PAID", "CONFIRMED", "PACKED", "SHIPPED", "DELIVERED", "PENDING_PAYMENT", "CANCELLED"];

export async function render(ctx, main) {
  const lookup = h("input", { id: "order-lookup", "data-filter": true, placeholder: t("orderIdOrCustomer"), value: ctx.id || ctx.query.get("customer") || "", "aria-label": t("orderLookup") });
  const status = h("select", { id: "order-status" }, h("option", { value: "" }, "—"), STATUSES.map((s) => h("option", { value: s, selected: s === ctx.query.get("status") }, code(s))));
  const list = h("div", { class: "queue", id: "order-list" });
  const detail = h("div", { class: "detail", id: "order-detail" }, h("p", { class: "empty" }, t("selectSomething")));
  const search = h("form", { class: "filters", onsubmit: (e) => {
    e.preventDefault();
    const value = lookup.value.trim();
    if (value.startsWith("ord_")) ctx.navigate("orders", value);
    else if (value) ctx.navigate("orders", undefined, { customer: value });
    else if (status.value) ctx.navigate("orders", undefined, { status: status.value });
  } }, field(t("orderLookup"), lookup), field(t("byStatus"), status), h("button", { type: "submit", class: "primary" }, t("lookup")));
  status.addEventListener("change", () => { lookup.value = ""; search.requestSubmit(); });
  clear(main, h("div", { class: "split" }, h("div", { class: "list-pane" }, search, list), detail));
  const customer = ctx.query.get("customer");
  const byStatus = ctx.query.get("status");
  if (customer || byStatus) {
    const page = await get("/v1/orders", { customerId: customer || undefined, status: byStatus || undefined, limit: 50 });
    clear(list, page.items.length ? page.items.map((o) => h("a", { href: `#/orders/${o.orderId}`, class: "row", "data-row": true, "data-id": o.orderId },
      h("div", { class: "row-top" }, badge(code(o.status), "status"), h("span", { class: "row-title mono" }, o.orderId)),
      h("div", { class: "row-meta" }, h("span", {}, o.customerId), h("span", {}, money(o.total, o.currency, lang())), h("span", { class: "muted" }, when(o.createdAt, lang())))))
      : h("p", { class: "empty" }, t("empty")));
  }
  if (ctx.id) await renderOrder(ctx, detail, ctx.id);
}

async function renderOrder(ctx, detail, orderId) {
  clear(detail, h("p", { class: "muted pad" }, t("loading")));
  const order = await get(`/v1/orders/${orderId}`);
  const [tracking, refunds] = await Promise.all([
    get(`/v1/orders/${orderId}/tracking`).catch(() => ({ shipments: [] })),
    get(`/v1/orders/${orderId}/refunds`).catch(() => ({ items: [] })),
  ]);
  const reload = () => ctx.rerender();
  const l = lang();
  const a = order.shippingAddress || {};
  const facts = definitionList([[t("customer"), order.customerId], [t("total"), money(order.total, order.currency, l)],
    [t("paid"), money(order.paidAmount, order.currency, l)], [t("shipping"), money(order.shippingFee, order.currency, l)],
    [t("payment"), order.paymentMethod], [t("address"), [a.recipient, a.line1, a.city, a.postalCode, a.country].filter(Boolean).join(", ")],
    [t("created"), when(order.createdAt, l)]]);
  const items = h("table", { class: "grid" }, h("thead", {}, h("tr", {}, [t("sku"), t("name"), t("quantity"), t("unitPrice")].map((c) => h("th", {}, c)))),
    h("tbody", {}, order.items.map((i) => h("tr", {}, h("td", { class: "mono" }, i.sku), h("td", {}, i.name), h("td", {}, String(i.quantity)), h("td", {}, money(i.unitPrice, order.currency, l))))));
  const shipments = (tracking.shipments || []).length ? tracking.shipments.map((s) => h("div", { class: "shipment" },
    h("div", { class: "chips" }, h("strong", {}, `${s.carrier} ${s.trackingNumber}`), badge(code(s.status), "status"), s.estimatedDelivery ? h("span", { class: "muted" }, `${t("estimatedDelivery")} ${when(s.estimatedDelivery, l)}`) : null),
    h("ol", { class: "timeline" }, (s.history || []).map((e) => h("li", {}, h("span", { class: "when" }, when(e.occurredAt, l)), h("span", { class: "what" }, code(e.status)), h("span", { class: "who" }, e.location || ""), e.description ? h("span", { class: "note" }, e.description) : null)))))
    : h("p", { class: "muted" }, t("noShipments"));
  const exceptionPanel = order.exception
    ? section(t("exception"), definitionList([[t("kind"), code(order.exception.kind)], [t("note"), order.exception.note], [t("proposal"), order.exception.proposal], [t("actor"), order.exception.raisedBy], [t("at"), when(order.exception.raisedAt, l)]]),
      may(ctx.who.roles, "order.resolveException") ? resolveForm(orderId, reload) : null)
    : may(ctx.who.roles, "order.raiseException") && !["CANCELLED", "COMPLETED", "DELIVERED"].includes(order.status) ? section(t("raiseException"), raiseForm(orderId, reload)) : null;
  const refundRows = (refunds.items || []).map((r) => h("li", {}, h("a", { href: `#/refunds/${r.refundId}` }, r.refundId), " ", money(r.amount, r.currency, l), " ", badge(code(r.status))));
  clear(detail, h("div", { class: "case-main" },
    h("div", { class: "detail-head" }, h("div", {}, h("h2", { class: "mono" }, order.orderId), h("div", { class: "chips" }, badge(code(order.status), "status"), order.exception ? badge(t("exception"), "danger") : null))),
    exceptionPanel,
    h("div", { class: "two-col" }, h("div", {}, section(t("items"), items), section(t("shipments"), shipments), refundRows.length ? section(t("refunds"), h("ul", {}, refundRows)) : null),
      h("div", {}, section(t("order"), facts), section(t("timeline"), timeline(order.timeline, l, when, code))))));
}

function raiseForm(orderId, reload) {
  const kind = h("select", { name: "kind" }, KINDS.map((k) => h("option", { value: k }, code(k))));
  const note = h("input", { name: "note", required: true, placeholder: t("note") });
  const proposal = h("input", { name: "proposal", required: true, placeholder: t("proposal") });
  return form([field(t("kind"), kind), field(t("note"), note), field(t("proposal"), proposal)], t("raiseException"), (submit) =>
    attempt(submit, () => post(`/v1/admin/orders/${orderId}/exception`, { kind: kind.value, note: note.value, proposal: proposal.value }), t("exceptionRaised"), reload), { id: "raise-exception" });
}

function resolveForm(orderId, reload) {
  const resolution = h("input", { name: "resolution", required: true, placeholder: t("resolution") });
  return form([field(t("resolution"), resolution)], t("resolveException"), (submit) =>
    attempt(submit, () => post(`/v1/admin/orders/${orderId}/exception/resolve`, { resolution: resolution.value }), t("exceptionResolved"), reload), { id: "resolve-exception" });
}
