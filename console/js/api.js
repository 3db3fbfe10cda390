// The backend over HTTP: bearer token, JSON, an Idempotency-Key on every write (a retried
// click does the work once), and failures raised as ApiError carrying the problem+json body.
// Accept-Language is the console's language, so plain reasons (a refund's failed steps) match it.

import { session } from "./auth.js";
import { lang } from "./i18n.js";

let base = "";

export function configure(apiBase) {
  base = (apiBase || "").replace(/\/$/, "");
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || problem.message || `HTTP ${status}`);
    this.status = status;
    this.title = problem.title || problem.message || `HTTP ${status}`;
    this.detail = problem.detail || "";
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

function key() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

export async function request(method, path, { body, query } = {}) {
  const url = new URL(base + path, window.location.origin);
  for (const [name, value] of Object.entries(query || {})) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, value);
  }
  const headers = { accept: "application/json, application/problem+json", "accept-language": lang() };
  const token = session()?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (method !== "GET") {
    headers["idempotency-key"] = key();
    headers["content-type"] = "application/json";
  }
  let reply;
  try {
    reply = await fetch(url, { method, headers, body: method === "GET" ? undefined : JSON.stringify(body ?? {}) });
  } catch (error) {
    throw new ApiError(0, { title: "network", detail: String(error.message || error) });
  }
  const text = await reply.text();
  let payload = {};
  try {
    payload = text ? JSON.parse(text) : {};
  } catch {
    payload = { detail: text.slice(0, 300) };
  }
  if (!reply.ok) throw new ApiError(reply.status, payload);
  return payload;
}

export const get = (path, query) => request("GET", path, { query });
export const post = (path, body) => request("POST", path, { body });
