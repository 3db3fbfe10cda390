"""A stand-in for the Cognito user pool's hosted UI, following its documented endpoints:
`GET /oauth2/authorize` (the sign-in page, then a redirect to `redirect_uri` with `code` and
`state`), `POST /oauth2/token` (`grant_type=authorization_code` with the PKCE
`code_verifier`, checked against the S256 `code_challenge`) and `GET /logout`
(https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html).

Its access tokens carry what Cognito's do (`sub`, `client_id`, `cognito:groups`,
`token_use`, `username`, `iss`, `exp`), signed with the local stack's JWT secret so that the
local HTTP API's authorizer accepts them as API Gateway accepts Cognito's.
"""

from __future__ import annotations

import base64
import hashlib
import html
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import jwt
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response


@dataclass
class HostedUi:
    client_id: str
    issuer: str
    secret: str
    now: Callable[[], int]  # the local clock, epoch seconds
    users: dict[str, list[str]]  # username → groups
    url: str = ""
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    exchanges: list[dict[str, str]] = field(default_factory=list)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        request = Request(environ)
        if request.method == "OPTIONS":
            response = Response(status=204)
        elif request.path == "/oauth2/authorize" and request.method == "GET":
            response = self.authorize(request)
        elif request.path == "/login" and request.method == "POST":
            response = self.login(request)
        elif request.path == "/oauth2/token" and request.method == "POST":
            response = self.token(request)
        elif request.path == "/logout":
            response = Response(status=302, headers={"location": request.args["logout_uri"]})
        else:
            response = Response("not found", status=404)
        response.headers["access-control-allow-origin"] = "*"  # the token endpoint answers browsers
        response.headers["access-control-allow-headers"] = "content-type"
        return response(environ, start_response)

    def authorize(self, request: Request) -> Response:
        args = request.args
        if args.get("client_id") != self.client_id or args.get("response_type") != "code":
            return Response("invalid_request", status=400)
        if args.get("code_challenge_method") != "S256" or not args.get("code_challenge"):
            return Response("invalid_request: PKCE is required", status=400)
        hidden = "".join(
            f'<input type="hidden" name="{k}" value="{html.escape(args[k])}">'
            for k in ("redirect_uri", "state", "code_challenge", "scope")
        )
        page = (
            f'<form method="post" action="/login">{hidden}<input name="username" id="username">'
            f'<input type="password" name="password" id="password"><button id="signin">Sign in</button></form>'
        )
        return Response(page, content_type="text/html")

    def login(self, request: Request) -> Response:
        form = request.form
        if form["username"] not in self.users:
            return Response("Incorrect username or password.", status=400)
        code = secrets.token_urlsafe(16)
        self.codes[code] = {
            "username": form["username"],
            "challenge": form["code_challenge"],
            "redirect_uri": form["redirect_uri"],
        }
        query = urlencode({"code": code, "state": form["state"]})
        return Response(status=302, headers={"location": f"{form['redirect_uri']}?{query}"})

    def token(self, request: Request) -> Response:
        form = request.form
        self.exchanges.append(dict(form))
        grant = self.codes.pop(form.get("code", ""), None)
        if grant is None or form.get("grant_type") != "authorization_code":
            return self._error("invalid_grant")
        if form.get("client_id") != self.client_id or form.get("redirect_uri") != grant["redirect_uri"]:
            return self._error("invalid_client")
        digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
        if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != grant["challenge"]:
            return self._error("invalid_grant")
        username = grant["username"]
        issued = self.now()
        claims = {
            "sub": username,
            "cognito:groups": self.users[username],
            "iss": self.issuer,
            "client_id": self.client_id,
            "token_use": "access",
            "scope": "openid email profile",
            "username": username,
            "iat": issued,
            "exp": issued + 3600,
        }
        access = jwt.encode(claims, self.secret, algorithm="HS256")
        body = {"access_token": access, "id_token": access, "refresh_token": "r", "token_type": "Bearer",
                "expires_in": 3600}  # fmt: skip
        return Response(_json(body), content_type="application/json")

    @staticmethod
    def _error(code: str) -> Response:
        return Response(_json({"error": code}), status=400, content_type="application/json")


def _json(value: Any) -> str:
    import json

    return json.dumps(value)


@contextmanager
def hosted_ui(ui: HostedUi) -> Iterator[HostedUi]:
    server = make_server("127.0.0.1", 0, ui, threaded=True)
    ui.url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield ui
    finally:
        server.shutdown()
        thread.join(timeout=5)
