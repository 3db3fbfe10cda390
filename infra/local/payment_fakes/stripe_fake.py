"""Stripe's refunds API as documented (https://docs.stripe.com/api/refunds), enough for the
adapter: `POST /v1/refunds`, `GET /v1/refunds/{id}`, `GET /v1/refunds` (filters
payment_intent, charge, created[gte|lt], cursor starting_after), plus `POST/GET
/v1/payment_intents` to have something to refund.

Documented behaviour it keeps: Bearer secret-key authentication (401 otherwise); an
`Idempotency-Key` answers its first result again with `Idempotent-Replayed: true`, and
refuses other parameters with a 400 `idempotency_error`; a request that failed before it
ran (429, 503) saves no result; error bodies are `{"error": {type, code, message, param}}`
with the documented codes (`resource_missing`, `amount_too_large`,
`charge_already_refunded`). Webhook events are signed as Stripe signs them
(`Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.payload">`)."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import datetime
from typing import Any

from werkzeug.wrappers import Request, Response

from infra.local.payment_fakes.server import FakeServer


def _form(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Stripe's form encoding: `metadata[refund_id]=x` -> {"metadata": {"refund_id": "x"}}."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if "[" in key:
            head, _, rest = key.partition("[")
            out.setdefault(head, {})[rest.rstrip("]")] = value
        else:
            out[key] = value
    return out


def _error(
    status: int, kind: str, message: str, code: str | None = None, param: str | None = None
) -> Response:
    body = {
        "error": {
            "type": kind,
            "message": message,
            **({"code": code} if code else {}),
            **({"param": param} if param else {}),
        }
    }
    return Response(json.dumps(body), status=status, content_type="application/json")


class FakeStripe(FakeServer):
    def __init__(
        self,
        *,
        api_key: str = "sk_test_aftercare_fake",
        webhook_secret: str = "whsec_aftercare_fake",  # noqa: S107 - a fake's documented default
        now: Callable[[], datetime] | None = None,
    ) -> None:
        from aftercare import clock

        self.api_key = api_key
        self.webhook_secret = webhook_secret
        self.now = now or clock.now
        self.payment_intents: dict[str, dict[str, Any]] = {}
        self.refunds: dict[str, dict[str, Any]] = {}
        self.new_refund_status = "succeeded"  # "pending": refunds settle later (`settle`)
        self.webhook_url = ""  # where `settle` delivers its event, if anywhere
        self.requests: list[tuple[str, str, dict[str, Any]]] = []
        self._saved: dict[str, tuple[dict[str, Any], Response]] = {}
        self._failures: list[tuple[int, str, str | None]] = []
        self._ids = itertools.count(1)
        self._lock = threading.RLock()

    # ------------------------------------------------------------ test controls
    def add_payment_intent(self, amount: int, currency: str) -> str:
        with self._lock:
            pi = f"pi_fake{next(self._ids):06d}"
            self.payment_intents[pi] = {
                "id": pi,
                "object": "payment_intent",
                "amount": amount,
                "amount_received": amount,
                "currency": currency.lower(),
                "status": "succeeded",
                "latest_charge": f"ch_{pi[3:]}",
                "metadata": {},
                "created": self._ts(),
            }
            return pi

    def fail_next(
        self, status: int, kind: str = "api_error", code: str | None = None, times: int = 1
    ) -> None:
        """The next `times` API calls fail before running (e.g. 503 api_error, 429 rate_limit_error)."""
        with self._lock:
            self._failures.extend([(status, kind, code)] * times)

    def plant_refund(self, payment_intent: str, amount: int, metadata: dict[str, str] | None = None) -> str:
        """A refund made outside Aftercare (the dashboard): reconciliation finds it."""
        with self._lock:
            return self._new_refund(payment_intent, amount, metadata or {}, "succeeded")["id"]

    def settle(self, refund_id: str, status: str = "succeeded") -> dict[str, Any]:
        """A pending refund reaches its outcome; delivers `refund.updated` (or `refund.failed`)."""
        with self._lock:
            refund = self.refunds[refund_id]
            refund["status"] = status
            if status == "failed":
                refund["failure_reason"] = "lost_or_stolen_card"
        event = self.event("refund.failed" if status == "failed" else "refund.updated", dict(refund))
        if self.webhook_url:
            self.deliver(event)
        return event

    def event(self, kind: str, obj: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": f"evt_fake{next(self._ids):06d}",
            "object": "event",
            "api_version": "2025-01-27.acacia",
            "created": self._ts(),
            "type": kind,
            "livemode": False,
            "pending_webhooks": 1,
            "data": {"object": obj},
        }

    def sign(self, payload: bytes, timestamp: int | None = None, secret: str | None = None) -> str:
        """The documented `Stripe-Signature` header for `payload`."""
        at = self._ts() if timestamp is None else timestamp
        mac = hmac.new((secret or self.webhook_secret).encode(), f"{at}.".encode() + payload, hashlib.sha256)
        return f"t={at},v1={mac.hexdigest()}"

    def deliver(self, event: dict[str, Any]) -> tuple[int, str]:
        """POST a signed event to the endpoint's URL, as Stripe delivers it."""
        body = json.dumps(event).encode()
        request = urllib.request.Request(  # noqa: S310 - a local URL the stack configured
            self.webhook_url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/json", "Stripe-Signature": self.sign(body)},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as reply:  # noqa: S310
                return int(reply.status), reply.read().decode()
        except urllib.error.HTTPError as error:
            return int(error.code), error.read().decode()

    # ------------------------------------------------------------ the API
    def _ts(self) -> int:
        return int(self.now().timestamp())

    def handle(self, request: Request) -> Response:
        if request.headers.get("Authorization") != f"Bearer {self.api_key}":
            return _error(401, "invalid_request_error", "Invalid API Key provided")
        params = _form(list(request.form.items(multi=True)) + list(request.args.items(multi=True)))
        with self._lock:
            self.requests.append((request.method, request.path, params))
            if self._failures:
                status, kind, code = self._failures.pop(0)
                return _error(status, kind, "An error occurred with our connection to Stripe.", code)
            key = request.headers.get("Idempotency-Key")
            if request.method == "POST" and key:
                saved = self._saved.get(key)
                if saved is not None:
                    first, response = saved
                    if first != params:
                        return _error(
                            400,
                            "idempotency_error",
                            "Keys for idempotent requests can only be used "
                            "with the same parameters they were first used with.",
                        )
                    replay = Response(
                        response.get_data(), status=response.status_code, content_type="application/json"
                    )
                    replay.headers["Idempotent-Replayed"] = "true"
                    return replay
            response = self._route(request.method, request.path, params)
            if request.method == "POST" and key:
                self._saved[key] = (params, response)
            return response

    def _route(self, method: str, path: str, params: dict[str, Any]) -> Response:
        parts = path.strip("/").split("/")
        if parts[:2] == ["v1", "refunds"]:
            if method == "POST" and len(parts) == 2:
                return self._create_refund(params)
            if method == "GET" and len(parts) == 3:
                found = self.refunds.get(parts[2])
                if found is None:
                    return _error(
                        404,
                        "invalid_request_error",
                        f"No such refund: '{parts[2]}'",
                        "resource_missing",
                        "id",
                    )
                return self._json(found)
            if method == "GET":
                return self._list(params)
        if parts[:2] == ["v1", "payment_intents"]:
            if method == "POST" and len(parts) == 2:
                pi = self.add_payment_intent(int(params["amount"]), params["currency"])
                return self._json(self.payment_intents[pi])
            if method == "GET" and len(parts) == 3 and parts[2] in self.payment_intents:
                return self._json(self.payment_intents[parts[2]])
        return _error(404, "invalid_request_error", f"Unrecognized request URL ({method}: {path})")

    @staticmethod
    def _json(body: dict[str, Any]) -> Response:
        return Response(json.dumps(body), status=200, content_type="application/json")

    def _refunded(self, pi: str) -> int:
        return sum(
            r["amount"]
            for r in self.refunds.values()
            if r["payment_intent"] == pi and r["status"] in {"succeeded", "pending"}
        )

    def _new_refund(self, pi: str, amount: int, metadata: dict[str, str], status: str) -> dict[str, Any]:
        intent = self.payment_intents[pi]
        refund = {
            "id": f"re_fake{next(self._ids):06d}",
            "object": "refund",
            "amount": amount,
            "currency": intent["currency"],
            "payment_intent": pi,
            "charge": intent["latest_charge"],
            "status": status,
            "metadata": metadata,
            "reason": "requested_by_customer",
            "failure_reason": None,
            "created": self._ts(),
        }
        self.refunds[refund["id"]] = refund
        return refund

    def _create_refund(self, params: dict[str, Any]) -> Response:
        pi = params.get("payment_intent") or next(
            (p for p, i in self.payment_intents.items() if i["latest_charge"] == params.get("charge")), None
        )
        if not pi or pi not in self.payment_intents:
            name = "payment_intent" if "payment_intent" in params else "charge"
            return _error(
                404,
                "invalid_request_error",
                f"No such {name}: '{params.get(name)}'",
                "resource_missing",
                name,
            )
        left = self.payment_intents[pi]["amount_received"] - self._refunded(pi)
        amount = int(params.get("amount") or left)
        if left <= 0:
            return _error(
                400,
                "invalid_request_error",
                f"Charge for {pi} has already been refunded.",
                "charge_already_refunded",
            )
        if amount > left:
            return _error(
                400,
                "invalid_request_error",
                f"Refund amount ({amount}) is greater than unrefunded amount on charge ({left})",
                "amount_too_large",
                "amount",
            )
        refund = self._new_refund(pi, amount, dict(params.get("metadata") or {}), self.new_refund_status)
        return self._json(refund)

    def _list(self, params: dict[str, Any]) -> Response:
        created = params.get("created") or {}
        rows = sorted(self.refunds.values(), key=lambda r: (r["created"], r["id"]), reverse=True)
        rows = [
            r
            for r in rows
            if (not params.get("payment_intent") or r["payment_intent"] == params["payment_intent"])
            and (not params.get("charge") or r["charge"] == params["charge"])
            and ("gte" not in created or r["created"] >= int(created["gte"]))
            and ("lt" not in created or r["created"] < int(created["lt"]))
        ]
        if params.get("starting_after"):
            ids = [r["id"] for r in rows]
            rows = rows[ids.index(params["starting_after"]) + 1 :] if params["starting_after"] in ids else []
        limit = int(params.get("limit") or 10)
        return self._json(
            {"object": "list", "url": "/v1/refunds", "has_more": len(rows) > limit, "data": rows[:limit]}
        )
