"""The HTTP API, locally: a werkzeug WSGI app that routes every HttpApi event of the template
to its function with the exact payload 2.0 event, behind the emulated JWT authorizer, and
answers as API Gateway does. Under `/_local/` it serves the developer conveniences
(API.md, "Local stack only").
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from infra.local.console import ConsoleSite
from infra.local.http_events import build_http_event, parse_http_response
from infra.local.routing import Router
from infra.local.stack import LocalStack

log = logging.getLogger("aftercare.local.http")

MAX_BODY_BYTES = 10 * 1024 * 1024  # HTTP API's payload limit


def _json(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(
        json.dumps(payload, indent=2, default=str),
        status=status,
        headers=headers,
        content_type="application/json",
    )


def _gateway_error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """The bodies API Gateway itself answers with (not the functions')."""
    return _json({"message": message}, status, headers)


class Gateway:
    def __init__(self, local: LocalStack) -> None:
        self.local = local
        self.router = Router(local.stack)
        self.cors = self._cors_configuration()
        self._openapi: dict[str, Any] | None = None
        self.console = ConsoleSite()  # the service desk's static files at /console/
        self._control = Map(
            [
                Rule("/_local", endpoint="index", methods=["GET"]),
                Rule("/_local/health", endpoint="health", methods=["GET"]),
                Rule("/_local/token", endpoint="token", methods=["GET"]),
                Rule("/_local/clock", endpoint="clock", methods=["GET", "POST"]),
                Rule("/_local/schedules", endpoint="schedules", methods=["GET"]),
                Rule("/_local/schedules/<target>/run", endpoint="run_schedule", methods=["POST"]),
                Rule("/_local/schedules/<target>", endpoint="schedule", methods=["PATCH"]),
                Rule("/_local/queues", endpoint="queues", methods=["GET"]),
                Rule("/_local/events", endpoint="events", methods=["GET"]),
                Rule("/_local/executions", endpoint="executions", methods=["GET"]),
                Rule("/_local/settle", endpoint="settle", methods=["POST"]),
                Rule("/_local/payments/sandbox", endpoint="payments_sandbox", methods=["POST"]),
                Rule("/_local/payments", endpoint="payments", methods=["GET"]),
                Rule("/_local/payments/provider", endpoint="payments_provider", methods=["POST"]),
                Rule("/_local/openapi.json", endpoint="openapi", methods=["GET"]),
                Rule("/_local/docs", endpoint="docs", methods=["GET"]),
                Rule("/_local/docs/<asset>", endpoint="docs_asset", methods=["GET"]),
                Rule("/_local/reports/kpis", endpoint="report_kpis", methods=["GET"]),
                Rule("/_local/reports/latest", endpoint="report_latest", methods=["GET"]),
            ],
            strict_slashes=False,
        )

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        request = Request(environ)
        request.max_content_length = MAX_BODY_BYTES
        started = time.monotonic()
        function = "-"
        try:
            if request.path == "/_local" or request.path.startswith("/_local/"):
                response = self._local(request)
            elif self.console.handles(request.path):
                response = self.console(request)
            else:
                response, function = self._api(request)
        except HTTPException as error:
            response = _gateway_error(error.code or 500, error.name)
        except Exception:
            log.exception("gateway failure")
            response = _gateway_error(500, "Internal Server Error")
        self._add_cors(request, response)
        quiet = (
            request.path in {"/_local/token", "/_local/clock", "/_local/health"} and request.method == "GET"
        )
        log.log(
            logging.DEBUG if quiet else logging.INFO,
            f"{request.method} {request.full_path.rstrip('?')} {response.status_code}",
            extra={"function": function, "ms": round((time.monotonic() - started) * 1000)},
        )
        return response(environ, start_response)

    # ---------------------------------------------------------------- the API
    def _api(self, request: Request) -> tuple[Response, str]:
        request_id = str(uuid.uuid4())
        ids = {"apigw-requestid": request_id}
        if request.method == "OPTIONS" and self.cors and "access-control-request-method" in request.headers:
            return Response(status=204, headers=ids), "-"
        matched = self.router.match(request.method, request.path)
        if matched is None:
            return _gateway_error(404, "Not Found", ids), "-"
        route, params = matched
        claims = None
        if not route.public:
            claims = self.local.authorizer.verify(request.headers.get("authorization"))
            if claims is None:
                return _gateway_error(401, "Unauthorized", {**ids, "www-authenticate": "Bearer"}), "-"
        body = request.get_data(cache=False)
        event = build_http_event(
            method=request.method,
            path=request.path,
            route_key=route.route_key,
            path_parameters=params,
            query_string=request.query_string.decode("latin-1"),
            headers=list(request.headers.items()),
            body=body or None,
            claims=claims,
            source_ip=request.remote_addr or "127.0.0.1",
            now=self.local.clock.now(),
            request_id=request_id,
        )
        invocation = self.local.host.run(route.function.logical_id, event, source=f"http:{route.route_key}")
        if not invocation.ok:
            return _gateway_error(500, "Internal Server Error", ids), route.function.logical_id
        status, headers, cookies, payload = parse_http_response(invocation.result)
        response = Response(payload, status=status, headers={**headers, **ids})
        if "content-type" not in {key.lower() for key in headers}:
            del response.headers["Content-Type"]
        for cookie in cookies:
            response.headers.add("Set-Cookie", cookie)
        return response, route.function.logical_id

    def _cors_configuration(self) -> dict[str, Any]:
        for _, props in self.local.stack.of_type("AWS::Serverless::HttpApi"):
            config = props.get("CorsConfiguration")
            if isinstance(config, dict):
                return dict(self.local.stack.resolve(config))
        return {}

    def _add_cors(self, request: Request, response: Response) -> None:
        origin = request.headers.get("origin")
        if not origin or not self.cors:
            return
        allowed = self.cors.get("AllowOrigins") or []
        if "*" not in allowed and origin not in allowed:
            return
        response.headers["access-control-allow-origin"] = "*" if "*" in allowed else origin
        if request.method == "OPTIONS":
            response.headers["access-control-allow-methods"] = ",".join(self.cors.get("AllowMethods") or [])
            response.headers["access-control-allow-headers"] = ",".join(self.cors.get("AllowHeaders") or [])
            if self.cors.get("MaxAge"):
                response.headers["access-control-max-age"] = str(self.cors["MaxAge"])

    # ---------------------------------------------------------------- /_local
    def _local(self, request: Request) -> Response:
        adapter = self._control.bind_to_environ(request.environ)
        try:
            endpoint, values = adapter.match()
        except NotFound:
            return _json({"message": "Not Found", "see": "/_local"}, 404)
        handler: Callable[..., Response] = getattr(self, f"_local_{endpoint}")
        return handler(request, **values)

    def _local_index(self, request: Request) -> Response:
        base = request.host_url.rstrip("/")
        return _json(
            {
                "api": base,
                "awsEndpoint": self.local.endpoint.url,
                "docs": f"{base}/_local/docs",
                "openapi": f"{base}/_local/openapi.json",
                "token": f"{base}/_local/token?sub=cus_alice&roles=customer",
                "clock": f"{base}/_local/clock",
                "schedules": f"{base}/_local/schedules",
                "queues": f"{base}/_local/queues",
                "events": f"{base}/_local/events",
                "executions": f"{base}/_local/executions",
                "report": f"{base}/_local/reports/kpis",
                "console": f"{base}/console/",
            }
        )

    def _local_health(self, request: Request) -> Response:
        return _json({"status": "ready", "resources": len(self.local.created)})

    def _local_token(self, request: Request) -> Response:
        sub = request.args.get("sub")
        if not sub:
            return _json({"message": "sub is required, e.g. ?sub=cus_alice&roles=customer"}, 400)
        roles = [role.strip() for role in request.args.get("roles", "customer").split(",") if role.strip()]
        ttl = int(request.args.get("ttl", 24 * 3600))
        return _json(
            {"token": self.local.authorizer.mint(sub, roles, ttl_seconds=ttl), "sub": sub, "roles": roles}
        )

    def _local_clock(self, request: Request) -> Response:
        if request.method == "GET":
            from aftercare import clock

            return _json({"now": clock.now_iso()})
        body = request.get_json(silent=True) or {}
        seconds = body.get("advanceSeconds")
        if not isinstance(seconds, int | float) or isinstance(seconds, bool) or seconds < 0:
            return _json({"message": "advanceSeconds must be a number >= 0"}, 400)
        return _json(self.local.advance(float(seconds)))

    def _local_schedules(self, request: Request) -> Response:
        return _json({"schedules": self.local.scheduler.describe()})

    def _local_run_schedule(self, request: Request, target: str) -> Response:
        try:
            return _json(self.local.run_schedule(target))
        except KeyError:
            return self._no_schedule(target)

    def _local_schedule(self, request: Request, target: str) -> Response:
        body = request.get_json(silent=True) or {}
        enabled = body.get("enabled") if isinstance(body, dict) else None
        if not isinstance(enabled, bool):
            return _json({"message": 'the body must be {"enabled": true} or {"enabled": false}'}, 400)
        try:
            return _json({"schedules": self.local.scheduler.set_enabled(target, enabled)})
        except KeyError:
            return self._no_schedule(target)

    def _no_schedule(self, target: str) -> Response:
        known = sorted({job.target for job in self.local.scheduler.jobs})
        return _json({"message": f"{target} has no schedule", "scheduled": known}, 404)

    def _local_queues(self, request: Request) -> Response:
        return _json({"queues": self.local.queues()})

    def _local_events(self, request: Request) -> Response:
        """The recent domain events on the bus, newest first, each with the queues its rules
        delivered it to and what the consumer did with it (`?type=OrderCancelled&limit=20`)."""
        try:
            limit = max(1, min(500, int(request.args.get("limit", "50"))))
        except ValueError:
            return _json({"message": "limit must be an integer from 1 to 500"}, 400)
        return _json({"events": self.local.events.listing(limit=limit, event_type=request.args.get("type"))})

    def _local_executions(self, request: Request) -> Response:
        history = request.args.get("history", "true").lower() != "false"
        return _json({"executions": self.local.states.executions(with_history=history)})

    def _local_settle(self, request: Request) -> Response:
        return _json(self.local.settle())

    def _local_payments_sandbox(self, request: Request) -> Response:
        """Tell the sandbox payment provider how to answer an order's refunds:
        `{"orderId", "scenario": succeed|fail-permanently|fail-transiently|time-out|succeed-late,
        "failures": N}`."""
        from aftercare.payments import sandbox

        body = request.get_json(silent=True) or {}
        try:
            order_id = str(body["orderId"])
            scenario = str(body.get("scenario", "succeed"))
            failures = int(body.get("failures", 0))
            sandbox.plan(order_id, scenario, failures)
        except (KeyError, TypeError, ValueError) as error:
            return _json({"message": f"expected {{orderId, scenario, failures}}: {error}"}, 400)
        return _json({"orderId": order_id, "scenario": scenario, "failures": failures})

    def _local_payments(self, request: Request) -> Response:
        """Which provider refunds are paid through, and (a fake's) the refunds it holds."""
        payments = self.local.payments
        return _json(payments.state() if payments else {"provider": "sandbox"})

    def _local_payments_provider(self, request: Request) -> Response:
        """Drive the fake Stripe / Alipay (infra/local/payments.py): pay an order, keep
        refunds pending, settle one, fail the next calls."""
        payments = self.local.payments
        body = request.get_json(silent=True) or {}
        try:
            if payments is None:
                raise ValueError("the stack runs on the sandbox")
            return _json(payments.control(body))
        except (KeyError, TypeError, ValueError) as error:
            return _json({"message": f"{type(error).__name__}: {error}"}, 400)

    def _local_openapi(self, request: Request) -> Response:
        return _json(self.openapi(request.host_url.rstrip("/")))

    def openapi(self, server: str) -> dict[str, Any]:
        if self._openapi is None:
            from infra.openapi import document

            self._openapi = document(self.local.stack)
        return {**self._openapi, "servers": [{"url": server, "description": "local stack"}]}

    def _local_docs(self, request: Request) -> Response:
        from aws_lambda_powertools.event_handler.openapi.swagger_ui.html import generate_swagger_html

        spec = json.dumps(self.openapi(request.host_url.rstrip("/")))
        html = generate_swagger_html(
            spec,
            "/_local/docs/swagger-ui-bundle.min.js",
            "/_local/docs/swagger-ui.min.css",
            "/_local/docs",
            None,
            True,
        )
        return Response(html, content_type="text/html; charset=utf-8")

    def _local_docs_asset(self, request: Request, asset: str) -> Response:
        import aws_lambda_powertools.event_handler.openapi.swagger_ui as swagger_ui

        if asset not in {"swagger-ui-bundle.min.js", "swagger-ui.min.css"}:
            return _json({"message": "Not Found"}, 404)
        path = Path(swagger_ui.__file__).parent / asset
        kind = "application/javascript" if asset.endswith(".js") else "text/css"
        return Response(path.read_bytes(), content_type=kind, headers={"cache-control": "max-age=3600"})

    # ---------------------------------------------------------------- the analytics report
    def _local_report_kpis(self, request: Request) -> Response:
        """The KPI report of `?from=&to=` (default: the 30 days up to today, local clock),
        rendered now by the report function into the reports bucket and served from there."""
        from aftercare import clock

        detail = {key: request.args[key] for key in ("from", "to") if request.args.get(key)}
        detail.setdefault("to", clock.now().date().isoformat())
        event = {"source": "aftercare.local", "detail-type": "Report requested", "detail": detail}
        invocation = self.local.host.run("AnalyticsReportFunction", event, source="local:report")
        if not invocation.ok:
            invalid = type(invocation.error).__name__ in {"BadRequest", "ValueError"}
            return _json({"message": str(invocation.error)}, 400 if invalid else 500)
        return self._report(str(invocation.result["key"]))

    def _local_report_latest(self, request: Request) -> Response:
        bucket = self.local.stack.ref("ReportsBucket")
        listed = self.local.client("s3").list_objects_v2(Bucket=bucket, Prefix="reports/")
        keys = sorted(str(item["Key"]) for item in listed.get("Contents") or [])
        if not keys:
            return _json({"message": "no report yet", "render": "/_local/reports/kpis?from=&to="}, 404)
        return self._report(keys[-1])

    def _report(self, key: str) -> Response:
        found = self.local.client("s3").get_object(Bucket=self.local.stack.ref("ReportsBucket"), Key=key)
        html = found["Body"].read()
        return Response(html, content_type="text/html; charset=utf-8", headers={"cache-control": "no-store"})
