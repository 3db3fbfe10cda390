"""A small HTTP client for the running local stack, shared by the seed, the demo and the
end-to-end tests: tokens from `/_local/token`, signed webhooks, the clock."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import requests

from aftercare.webhooks import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign


@dataclass
class LocalClient:
    base_url: str
    webhook_secret: str
    timeout: float = 30.0
    session: requests.Session = field(default_factory=requests.Session)

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path

    # ---------------------------------------------------------------- identity
    def token(self, sub: str, roles: Iterable[str] | str = ("customer",)) -> str:
        """A fresh token (minted on the local clock, so it is valid after the clock moved)."""
        params = {"sub": sub, "roles": roles if isinstance(roles, str) else ",".join(roles)}
        return str(
            self._ok(self.session.get(self.url("/_local/token"), params=params, timeout=self.timeout))[
                "token"
            ]
        )

    def auth(self, sub: str, roles: Iterable[str] | str = ("customer",)) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token(sub, roles)}"}

    # ---------------------------------------------------------------- requests
    def request(
        self,
        method: str,
        path: str,
        *,
        as_: tuple[str, Iterable[str] | str] | None = None,
        json_body: Any = None,
        headers: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        """`as_=("cus_alice", "customer")` sends a token for that caller."""
        all_headers = dict(headers or {})
        if as_ is not None:
            all_headers.update(self.auth(*as_))
        kwargs.setdefault("timeout", self.timeout)
        return self.session.request(method, self.url(path), json=json_body, headers=all_headers, **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def webhook(
        self, path: str, payload: Any, *, secret: str | None = None, timestamp: int | None = None
    ) -> requests.Response:
        """POST a body signed as the payment provider and couriers sign it: X-Aftercare-Timestamp
        (unix seconds on the local clock) and X-Aftercare-Signature `sha256=HMAC("ts.body")`."""
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        at = timestamp if timestamp is not None else self.now_epoch()
        return self.session.post(
            self.url(path),
            data=body,
            headers={
                "content-type": "application/json",
                TIMESTAMP_HEADER: str(at),
                SIGNATURE_HEADER: sign(secret or self.webhook_secret, at, body),
            },
            timeout=self.timeout,
        )

    # ---------------------------------------------------------------- the local clock
    def now(self) -> str:
        return str(self._ok(self.get("/_local/clock"))["now"])

    def now_epoch(self) -> int:
        from aftercare.clock import parse_iso

        return int(parse_iso(self.now()).timestamp())

    def advance(self, seconds: float) -> dict[str, Any]:
        # Every schedule firing in the span runs, each at its time: a move of days takes a while.
        reply = self.post("/_local/clock", json_body={"advanceSeconds": seconds}, timeout=600)
        return self._ok(reply)

    def run_schedule(self, function: str) -> dict[str, Any]:
        return self._ok(self.post(f"/_local/schedules/{function}/run"))

    def schedules(self) -> list[dict[str, Any]]:
        return list(self._ok(self.get("/_local/schedules"))["schedules"])

    def set_schedule(self, target: str, *, enabled: bool) -> list[dict[str, Any]]:
        reply = self.request("PATCH", f"/_local/schedules/{target}", json_body={"enabled": enabled})
        return list(self._ok(reply)["schedules"])

    @contextmanager
    def only_schedules(self, *targets: str) -> Iterator[None]:
        """Every other schedule off while the block runs, then on again (as they were): a
        clock move of days that one job is about runs only that job's firings."""
        others = {
            job["target"] for job in self.schedules() if job["enabled"] and job["target"] not in targets
        }
        for target in sorted(others):
            self.set_schedule(target, enabled=False)
        try:
            yield
        finally:
            for target in sorted(others):
                self.set_schedule(target, enabled=True)

    def _ok(self, reply: requests.Response) -> Any:
        if reply.status_code >= 400:
            raise RuntimeError(f"{reply.request.method} {reply.url} → {reply.status_code}: {reply.text}")
        return reply.json()
