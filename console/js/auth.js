// Who is signed in. Locally: a token from the local stack's token endpoint for a seeded
// staff member. On AWS: the Cognito hosted UI with the authorization code flow and PKCE
// (no client secret in a browser); the access token carries the user's groups.

const KEY = "aftercare.session";
const VERIFIER = "aftercare.pkce";

export function session() {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) || "null");
    if (value && value.exp && value.exp * 1000 < Date.now()) return null;
    return value;
  } catch {
    return null;
  }
}

export function signOut(config) {
  sessionStorage.removeItem(KEY);
  if (config?.auth?.mode === "cognito") {
    const { domain, clientId, logoutUri } = config.auth;
    window.location.assign(`${domain}/logout?client_id=${encodeURIComponent(clientId)}&logout_uri=${encodeURIComponent(logoutUri)}`);
  }
}

function claims(token) {
  const part = token.split(".")[1] || "";
  const json = atob(part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "="));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
}

const STAFF = ["agent", "warehouse", "supervisor"];

function remember(token, name) {
  const c = claims(token);
  const groups = [...(c.roles || []), ...(c["cognito:groups"] || [])].map((r) => String(r).toLowerCase());
  const roles = STAFF.filter((role) => groups.includes(role));
  const value = { token, sub: c.sub, name: name || c.username || c.email || c.sub, roles, exp: c.exp };
  sessionStorage.setItem(KEY, JSON.stringify(value));
  return value;
}

export async function signInLocal(config, member) {
  const url = new URL(config.auth.tokenUrl, window.location.origin);
  url.searchParams.set("sub", member.sub);
  url.searchParams.set("roles", member.roles.join(","));
  const reply = await fetch(url);
  if (!reply.ok) throw new Error(`token endpoint: HTTP ${reply.status}`);
  const { token } = await reply.json();
  return remember(token, member.name);
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export async function startCognito(config) {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem(VERIFIER, JSON.stringify({ verifier, state }));
  const { domain, clientId, redirectUri, scopes } = config.auth;
  const query = new URLSearchParams({
    response_type: "code", client_id: clientId, redirect_uri: redirectUri, scope: (scopes || ["openid", "email"]).join(" "),
    code_challenge_method: "S256", code_challenge: challenge, state,
  });
  window.location.assign(`${domain}/oauth2/authorize?${query}`);
}

// Back from the hosted UI with ?code=&state=: swap the code for tokens (PKCE).
export async function finishCognito(config) {
  const params = new URLSearchParams(window.location.search);
  const code = params.get("code");
  if (!code) return null;
  const pending = JSON.parse(sessionStorage.getItem(VERIFIER) || "{}");
  sessionStorage.removeItem(VERIFIER);
  window.history.replaceState(null, "", window.location.pathname + window.location.hash);
  if (!pending.verifier || pending.state !== params.get("state")) throw new Error("sign-in state mismatch; try again");
  const { domain, clientId, redirectUri } = config.auth;
  const reply = await fetch(`${domain}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code", client_id: clientId, code, redirect_uri: redirectUri, code_verifier: pending.verifier,
    }),
  });
  if (!reply.ok) throw new Error(`token exchange: HTTP ${reply.status}`);
  const tokens = await reply.json();
  return remember(tokens.access_token);
}
