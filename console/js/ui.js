// Feedback every screen shares: the error banner (the API's problem+json, never a blank
// screen), success toasts, and buttons that run one request at a time.

import { h, clear } from "./dom.js";
import { t } from "./i18n.js";

export function showError(error) {
  const box = document.getElementById("problem");
  const status = error && error.status !== undefined ? error.status : "";
  const title = status === 0 ? t("networkError") : `${t("failed")}${status ? ` · ${status}` : ""} ${error?.title && status ? `· ${error.title}` : ""}`;
  const detail = error?.detail || error?.message || String(error);
  const fields = (error?.errors || []).map((e) => h("li", {}, h("code", {}, e.field || "—"), ": ", e.message || ""));
  clear(box,
    h("div", { class: "problem-text" },
      h("strong", { class: "problem-title" }, title.trim()),
      h("span", { class: "problem-detail" }, detail),
      fields.length ? h("ul", { class: "problem-fields", "aria-label": t("fieldErrors") }, fields) : null),
    h("button", { class: "ghost", type: "button", onclick: () => hideError() }, t("dismiss")));
  box.hidden = false;
}

export function hideError() {
  const box = document.getElementById("problem");
  box.hidden = true;
  box.replaceChildren();
}

export function toast(text) {
  const box = document.getElementById("toast");
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 3500);
}

// Run `work` (a request); while it runs the button is busy, a failure shows the problem.
// On success `after` (the screen's reload) runs first, so the toast means "done and shown".
export async function attempt(button, work, success, after) {
  if (button) button.disabled = true;
  hideError();
  try {
    const result = await work();
    if (after) await after();
    if (success) toast(success);
    return result;
  } catch (error) {
    showError(error);
    return undefined;
  } finally {
    if (button && button.isConnected) button.disabled = false;
  }
}

export function button(label, onClick, { kind = "", id, key } = {}) {
  const el = h("button", { type: "button", class: kind, id, "data-action": key, title: label }, label);
  el.addEventListener("click", () => onClick(el));
  return el;
}

export function section(title, ...children) {
  return h("section", { class: "panel" }, h("h3", {}, title), children);
}

export function definitionList(pairs) {
  return h("dl", { class: "facts" }, pairs.filter(Boolean).map(([k, v]) => [h("dt", {}, k), h("dd", {}, v ?? "—")]));
}

export function timeline(entries, lang, when, code) {
  if (!entries || !entries.length) return h("p", { class: "muted" }, "—");
  return h("ol", { class: "timeline" }, [...entries].reverse().map((e) => h("li", {},
    h("span", { class: "when" }, when(e.at, lang)),
    h("span", { class: "what" }, e.from ? `${code(e.from)} → ${code(e.to)}` : code(e.to)),
    h("span", { class: "who" }, e.actor || ""),
    e.note ? h("span", { class: "note" }, e.note) : null)));
}

// A small modal-free form: fields plus a submit button, submitted with Ctrl+Enter too.
export function form(fields, submitLabel, onSubmit, { id, kind = "primary", extra = [] } = {}) {
  const submit = h("button", { type: "submit", class: kind }, submitLabel);
  const el = h("form", { class: "action-form", id, onsubmit: (event) => { event.preventDefault(); onSubmit(submit, el); } },
    fields, h("div", { class: "buttons" }, submit, extra));
  el.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); el.requestSubmit(); }
  });
  return el;
}
