// The service desk: configuration, sign-in, the frame (navigation by role, language,
// shortcuts) and a hash router over the screens.

import { configure } from "./api.js";
import { finishCognito, session, signInLocal, signOut, startCognito } from "./auth.js";
import { clear, h } from "./dom.js";
import { lang, languages, setLang, t } from "./i18n.js";
import { screensFor } from "./roles.js";
import { hideError, showError } from "./ui.js";
import * as tickets from "./screens/tickets.js";
import * as cases from "./screens/cases.js";
import * as refunds from "./screens/refunds.js";
import * as orders from "./screens/orders.js";
import * as kpis from "./screens/kpis.js";

const SCREENS = { tickets, cases, refunds, orders, kpis };
let config = null;

window.addEventListener("error", (event) => showError(event.error || event.message));
window.addEventListener("unhandledrejection", (event) => showError(event.reason));

function route() {
  const [path, query = ""] = window.location.hash.replace(/^#\/?/, "").split("?");
  const [screen, id] = path.split("/");
  return { screen, id: id ? decodeURIComponent(id) : undefined, query: new URLSearchParams(query) };
}

export function navigate(screen, id, query) {
  const q = query ? `?${new URLSearchParams(query)}` : "";
  window.location.hash = `#/${screen}${id ? `/${encodeURIComponent(id)}` : ""}${q}`;
}

function languageSwitch() {
  const select = h("select", { id: "language", "aria-label": t("language"), onchange: (e) => { setLang(e.target.value); render(); } },
    Object.entries(languages).map(([value, label]) => h("option", { value, selected: value === lang() }, label)));
  return select;
}

function signInScreen(root) {
  const auth = config.auth || {};
  const body = h("div", { class: "signin-card" },
    h("div", { class: "brand big" }, h("span", { class: "logo" }, "A"), t("appName")),
    h("h1", {}, t("signInTitle")),
    languageSwitch());
  if (auth.mode === "cognito") {
    body.append(h("button", { class: "primary wide", id: "sign-in-hosted", type: "button", onclick: () => startCognito(config) }, t("signInCognito")));
  } else {
    body.append(h("p", { class: "muted" }, t("signInLocal")));
    const list = h("ul", { class: "staff-list" });
    for (const member of auth.staff || []) {
      list.append(h("li", {}, h("button", {
        type: "button", class: "staff", "data-sub": member.sub,
        onclick: async (event) => {
          event.currentTarget.disabled = true;
          try { await signInLocal(config, member); render(); } catch (error) { showError(error); }
        },
      }, h("span", { class: "avatar" }, member.name.slice(0, 1)), h("span", { class: "staff-name" }, member.name),
      h("span", { class: "staff-sub" }, member.sub),
      h("span", { class: "roles" }, member.roles.map((r) => h("span", { class: `badge role-${r}` }, t(`role_${r}`)))))));
    }
    body.append(list);
  }
  clear(root, h("div", { class: "signin" }, body));
}

function frame(root, who, allowed, current) {
  const nav = h("nav", { class: "sidebar", "aria-label": "screens" },
    h("div", { class: "brand" }, h("span", { class: "logo" }, "A"), h("span", {}, t("appName"))),
    h("ul", {}, allowed.map((id, index) => h("li", {}, h("a", {
      href: `#/${id}`, id: `nav-${id}`, class: id === current ? "active" : "", "aria-current": id === current ? "page" : undefined,
      title: `Alt+${index + 1}`,
    }, t(`nav_${id}`))))),
    h("div", { class: "sidebar-foot" }, h("span", { class: "muted small" }, t("shortcuts")), h("p", { class: "small muted" }, t("shortcutsHelp"))));
  const top = h("header", { class: "topbar" },
    h("div", { class: "who" }, h("span", { class: "muted" }, t("signedInAs")), " ", h("strong", { id: "who" }, who.name),
      " ", h("span", { class: "muted" }, who.sub), " ", who.roles.map((r) => h("span", { class: `badge role-${r}` }, t(`role_${r}`)))),
    h("div", { class: "top-actions" }, languageSwitch(),
      h("button", { type: "button", class: "ghost", id: "sign-out", onclick: () => { signOut(config); render(); } }, t("signOut"))));
  const main = h("main", { id: "screen", tabindex: "-1" });
  clear(root, h("div", { class: "app" }, nav, h("div", { class: "content" }, top, main)));
  return main;
}

async function render() {
  const root = document.getElementById("app");
  document.title = t("appName");
  hideError();
  const who = session();
  if (!who) return signInScreen(root);
  const allowed = screensFor(who.roles);
  const { screen, id, query } = route();
  const current = allowed.includes(screen) ? screen : allowed[0];
  const main = frame(root, who, allowed, current);
  if (!current) return clear(main, h("p", { class: "empty" }, t("forbiddenScreen")));
  if (screen !== current) return navigate(current);
  const ctx = { who, navigate, rerender: render, id, query };
  try {
    await SCREENS[current].render(ctx, main);
  } catch (error) {
    showError(error);
  }
}

function shortcuts(event) {
  const target = event.target;
  const typing = target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
  if (event.altKey && /^[1-5]$/.test(event.key)) {
    const allowed = screensFor(session()?.roles || []);
    const screen = allowed[Number(event.key) - 1];
    if (screen) { event.preventDefault(); navigate(screen); }
    return;
  }
  if (typing) {
    if (event.key === "Escape") target.blur();
    return;
  }
  const rows = [...document.querySelectorAll(".queue [data-row]")].filter((row) => !row.hidden);
  const at = rows.indexOf(document.activeElement);
  if (event.key === "j" || event.key === "k") {
    event.preventDefault();
    const next = rows[Math.max(0, Math.min(rows.length - 1, at + (event.key === "j" ? 1 : -1)))];
    next?.focus();
  } else if (event.key === "/") {
    const filter = document.querySelector("[data-filter]");
    if (filter) { event.preventDefault(); filter.focus(); }
  } else if (event.key === "Escape") {
    const { screen, id, query } = route();
    if (screen && id) navigate(screen, undefined, Object.fromEntries(query)); // close the item, keep the filters
  }
}

async function start() {
  try {
    const reply = await fetch("config.json", { cache: "no-store" });
    config = await reply.json();
    configure(config.apiBase);
    if (config.auth?.mode === "cognito") await finishCognito(config);
  } catch (error) {
    config = config || { auth: {} };
    showError(error);
  }
  window.addEventListener("hashchange", render);
  document.addEventListener("keydown", shortcuts);
  await render();
}

start();
