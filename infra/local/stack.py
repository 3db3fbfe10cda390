"""The local stack, wired: the AWS endpoint with every resource of the template, the
functions with their environment, the event sources (SQS, schedules, DynamoDB streams),
the state machines, and the control operations behind `/_local/` (clock, settle, listings).

`LocalStack(stack).start()` sets the process environment the functions read (the endpoint,
fake credentials, the template's variables) before it imports any function or `aftercare`
module, as Lambda would have it set before the handler's module loads.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from infra.local import iam
from infra.local.aws_endpoint import AwsEndpoint, client_environment, install_lambda_seam, work_started
from infra.local.events import EventLog, install_recorder
from infra.local.functions import FunctionHost
from infra.local.jwt_local import DEFAULT_SECRET, JwtAuthorizer
from infra.local.provision import function_environment, provision, provision_runtime
from infra.local.scheduler import Job, Scheduler
from infra.local.sqs_poller import SqsPoller, sqs_sources
from infra.local.stepfunctions import StateMachines, follow_local_clock
from infra.local.streams import StreamPoller, stream_sources
from infra.template import Stack

log = logging.getLogger("aftercare.local.stack")

DEFAULT_WEBHOOK_SECRET = "aftercare-local-webhook-secret"
DEFAULT_CURSOR_SECRET = "aftercare-local-cursor-secret"
SETTLE_TIMEOUT_SECONDS = 30.0


def parse_overrides(text: str) -> dict[str, str]:
    """`Name=Value Name2=Value2` (as `sam deploy --parameter-overrides` takes them)."""
    overrides = {}
    for pair in text.split():
        name, separator, value = pair.partition("=")
        if not separator or not name:
            raise ValueError(f"parameter override {pair!r} is not Name=Value")
        overrides[name] = value
    return overrides


def local_parameters(
    environ: dict[str, str] | None = None, overrides: dict[str, str] | None = None
) -> dict[str, str]:
    """The template's parameters for the local stack: the documented local secrets (or
    AFTERCARE_WEBHOOK_SECRET / AFTERCARE_CURSOR_SECRET), then AFTERCARE_PARAMETER_OVERRIDES,
    then `overrides` (the command line's --parameter-overrides)."""
    environ = dict(os.environ if environ is None else environ)
    return {
        "Stage": "dev",
        "WebhookSecret": environ.get("AFTERCARE_WEBHOOK_SECRET") or DEFAULT_WEBHOOK_SECRET,
        "CursorSecret": environ.get("AFTERCARE_CURSOR_SECRET") or DEFAULT_CURSOR_SECRET,
        **parse_overrides(environ.get("AFTERCARE_PARAMETER_OVERRIDES", "")),
        **(overrides or {}),
    }


@dataclass
class LocalStack:
    stack: Stack
    aws_port: int = 0
    jwt_secret: str = DEFAULT_SECRET
    payments: Any = None  # infra.local.payments.LocalPayments: the provider refunds are paid through
    endpoint: AwsEndpoint = field(init=False)
    host: FunctionHost = field(init=False)
    created: list[str] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.endpoint = AwsEndpoint(port=self.aws_port)
        self.pollers: list[SqsPoller] = []
        self.streams: list[StreamPoller] = []
        self._clients: dict[str, Any] = {}

    # ---------------------------------------------------------------- lifecycle
    def start(self, *, warm: bool = True) -> None:
        began = time.monotonic()
        refused = self.stack.rule_failures()  # what CloudFormation's Rules would refuse
        if refused:
            raise ValueError("the template's Rules refuse these parameters: " + "; ".join(refused))
        url = self.endpoint.start()
        os.environ.update(client_environment(url))
        self.created = provision(self.stack, self.client)
        self.created += provision_runtime(self.stack, self.client)
        os.environ.update(function_environment(self.stack))
        log.info("resources created", extra={"count": len(self.created), "endpoint": url, "s": _since(began)})

        from aftercare import clock  # only now: modules may read the environment at import

        self.clock = clock.OffsetClock()
        clock.use(self.clock)
        self.authorizer = self._authorizer()
        self.host = FunctionHost(self.stack)
        # Each function under its own role from the template (actions and resources).
        self.iam = (
            iam.enforce(self.stack, self.host) if os.environ.get("AFTERCARE_LOCAL_IAM") != "off" else None
        )
        install_lambda_seam(self.host)
        if warm:
            # The cold starts happen in the background: the API answers meanwhile (a request
            # imports its own function first), and a module that fails to import is logged.
            threading.Thread(target=self._warm, args=(began,), name="warm", daemon=True).start()
        self.states = StateMachines(self.client)
        follow_local_clock(self.clock.now)
        self.events = EventLog(self.stack)
        install_recorder(self.events)
        self.pollers = [
            SqsPoller(source, self.host, self.client, self.stack.region, observer=self.events.consumed)
            for source in sqs_sources(self.stack)
        ]
        self.streams = [StreamPoller(source, self.host, self.client) for source in stream_sources(self.stack)]
        self.scheduler = Scheduler(self.stack, now=self.clock.now, run=self._run_job)
        for poller in self.pollers:
            poller.start()
        for reader in self.streams:
            reader.start()
        self.scheduler.start()

    def _warm(self, began: float) -> None:
        for logical_id in self.host.specs:
            try:
                self.host.handler(logical_id)
            except Exception:
                log.exception("function failed to import", extra={"function": logical_id})
        log.info("functions imported", extra={"count": len(self.host.specs), "s": _since(began)})

    def stop(self, *, reset: bool = False) -> None:
        """Stop the event sources, then the endpoint; `reset` empties moto's backends first
        (they are global to the process, which matters when tests start several stacks)."""
        parts = [part for part in [getattr(self, "scheduler", None), *self.pollers, *self.streams] if part]
        for part in parts:  # all of them told first, then each waited for
            part.stop(wait=False)
        for part in parts:
            part.stop()
        if reset:
            import requests

            requests.post(f"{self.endpoint.url}/moto-api/reset", timeout=10)
        self.endpoint.stop()

    def client(self, service: str) -> Any:
        if service not in self._clients:
            self._clients[service] = self.endpoint.client(service)
        return self._clients[service]

    def _authorizer(self) -> JwtAuthorizer:
        issuer, audience = "aftercare-local", ()
        for _, props in self.stack.of_type("AWS::Serverless::HttpApi"):
            auth = props.get("Auth") or {}
            authorizer = (auth.get("Authorizers") or {}).get(auth.get("DefaultAuthorizer", ""), {})
            config = self.stack.resolve(authorizer.get("JwtConfiguration") or {})
            issuer = config.get("issuer", issuer)
            audience = tuple(config.get("audience") or ())
        return JwtAuthorizer(self.jwt_secret, issuer, audience, self.clock.now)

    # ---------------------------------------------------------------- schedules
    def _run_job(self, job: Job, event: Any) -> str:
        if job.target_kind == "stateMachine":
            arn = self.states.start(self.stack.ref(job.target), event)
            return f"started {arn.rsplit(':', 1)[-1]}"
        invocation = self.host.run(job.target, event, source=f"schedule:{job.name}")
        return "ok" if invocation.ok else f"error: {type(invocation.error).__name__}: {invocation.error}"

    def advance(self, seconds: float) -> dict[str, Any]:
        """Move the clock forward firing by firing: the clock stops at each schedule's due
        time, the jobs due then run, and what they started settles before the clock moves
        on; answer once the last work settled."""
        target = self.clock.now() + timedelta(seconds=seconds)
        ran: list[dict[str, Any]] = []
        settled: dict[str, Any] = {"settled": True, "pending": []}
        while (due := self.scheduler.next_firing(target)) is not None:
            self.clock.advance(max(0.0, (due - self.clock.now()).total_seconds()))
            before = work_started()
            ran.extend(self.scheduler.run_due())
            if work_started() != before:  # the run started work: let it finish at this time
                settled = self.settle()
        now = self.clock.advance(max(0.0, (target - self.clock.now()).total_seconds()))
        ran.extend(self.scheduler.run_due())
        settled = self.settle()
        return {"now": _iso(now), "ran": ran, **settled}

    def run_schedule(self, target: str) -> dict[str, Any]:
        ran = self.scheduler.run_now(target)
        return {"now": _iso(self.clock.now()), "ran": ran, **self.settle()}

    # ---------------------------------------------------------------- settling
    def pending(self, since: float) -> list[str]:
        """What is still busy; a stream not yet read since `since` is asked to read now
        (an idle stream poller otherwise sleeps until the next write)."""
        busy = [f"queue {p.source.queue_url.rsplit('/', 1)[-1]}" for p in self.pollers if not p.settled()]
        behind = [stream for stream in self.streams if not stream.settled(since)]
        for stream in behind:
            stream.nudge()
        busy += [f"stream of {s.source.function}" for s in behind]
        busy += [f"execution {arn.rsplit(':', 1)[-1]}" for arn in self.states.unsettled()]
        return busy

    def settle(self, timeout: float = SETTLE_TIMEOUT_SECONDS) -> dict[str, Any]:
        """Wait until queues with consumers are drained, streams are caught up and every
        running execution is parked (waiting for a person, a token or a Wait state). Two
        quiet looks in a row, so work that one step hands to the next is not missed."""
        began = time.monotonic()
        deadline = began + timeout
        quiet = 0
        pending: list[str] = []
        while time.monotonic() < deadline:
            pending = self.pending(began)
            quiet = quiet + 1 if not pending else 0
            if quiet >= 2:
                return {"settled": True, "pending": []}
            time.sleep(0.1)
        log.warning("did not settle in time", extra={"pending": pending})
        return {"settled": False, "pending": pending}

    # ---------------------------------------------------------------- listings
    def queues(self) -> list[dict[str, Any]]:
        sqs = self.client("sqs")
        consumers = {poller.source.queue_url: poller.source.function for poller in self.pollers}
        dead_letter = {}
        for logical_id, props in self.stack.of_type("AWS::SQS::Queue"):
            policy = self.stack.resolve(props.get("RedrivePolicy") or {})
            if policy:
                dead_letter[self.stack.ref(logical_id)] = policy
        listing = []
        for logical_id, _ in self.stack.of_type("AWS::SQS::Queue"):
            url = self.stack.ref(logical_id)
            attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
            item: dict[str, Any] = {
                "queue": logical_id,
                "url": url,
                "visible": int(attributes.get("ApproximateNumberOfMessages", 0)),
                "inFlight": int(attributes.get("ApproximateNumberOfMessagesNotVisible", 0)),
                "delayed": int(attributes.get("ApproximateNumberOfMessagesDelayed", 0)),
                "consumer": consumers.get(url),
            }
            if url in dead_letter:
                item["redrive"] = dead_letter[url]
            if any(
                policy.get("deadLetterTargetArn") == attributes.get("QueueArn")
                for policy in dead_letter.values()
            ):
                item["messages"] = self.peek(url)
            listing.append(item)
        return listing

    def peek(self, url: str, limit: int = 10) -> list[dict[str, Any]]:
        """A dead-letter queue's messages, read without consuming them (visibility 0)."""
        reply = self.client("sqs").receive_message(
            QueueUrl=url, MaxNumberOfMessages=limit, VisibilityTimeout=0, AttributeNames=["All"]
        )
        return [
            {
                "messageId": m["MessageId"],
                "body": m["Body"],
                "receiveCount": m.get("Attributes", {}).get("ApproximateReceiveCount"),
            }
            for m in reply.get("Messages", [])
        ]


def _since(began: float) -> float:
    return round(time.monotonic() - began, 2)


def _iso(at: datetime) -> str:
    from aftercare import clock

    return clock.iso(at)
