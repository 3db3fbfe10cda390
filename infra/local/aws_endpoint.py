"""The local AWS endpoint: moto in server mode on 127.0.0.1, in a thread of this process.

boto3 and pynamodb reach it over HTTP through `AWS_ENDPOINT_URL`, exactly as they reach AWS.
Lambda invocations that arrive at the endpoint (Step Functions tasks, `aws lambda invoke`)
are handed to the template's handlers through moto's Lambda seam, see `install_lambda_seam`.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import threading
from collections.abc import Callable
from typing import Any

from infra.local.functions import FunctionHost

log = logging.getLogger("aftercare.local.aws")

REGION = "us-east-1"
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "local",
    "AWS_SECRET_ACCESS_KEY": "local",
    "AWS_SESSION_TOKEN": "local",
}
MOTO_CONFIG = {"stepfunctions": {"execute_state_machine": True}, "lambda": {"use_docker": False}}


class AwsEndpoint:
    """moto's ThreadedMotoServer, configured to execute state machines without Docker."""

    def __init__(self, port: int = 0, host: str = "127.0.0.1") -> None:
        from moto.server import ThreadedMotoServer

        self._server = ThreadedMotoServer(ip_address=host, port=port, verbose=False)
        self.host = host
        self.port = port

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> str:
        # moto's request log is werkzeug's; the gateway writes its own access log.
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        self._server.start()
        self.port = self._server.get_host_and_port()[1]
        # moto's Step Functions interpreter calls the services of a task on localhost:$MOTO_PORT.
        os.environ["MOTO_PORT"] = str(self.port)
        self._configure()
        serialise_dynamodb_writes()
        return self.url

    def _configure(self) -> None:
        import requests

        reply = requests.post(f"{self.url}/moto-api/config", json=MOTO_CONFIG, timeout=10)
        reply.raise_for_status()

    def stop(self) -> None:
        self._server.stop()

    def client(self, service: str) -> Any:
        import boto3

        return boto3.client(  # type: ignore[call-overload]
            service,
            endpoint_url=self.url,
            region_name=REGION,
            aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
            aws_session_token=CREDENTIALS["AWS_SESSION_TOKEN"],
        )


def client_environment(endpoint_url: str) -> dict[str, str]:
    """What in-process handlers need to talk to the local endpoint as they would to AWS."""
    return {
        "AWS_ENDPOINT_URL": endpoint_url,
        "AWS_DEFAULT_REGION": REGION,
        "AWS_REGION": REGION,
        **CREDENTIALS,
        "POWERTOOLS_TRACE_DISABLED": "true",  # no X-Ray daemon locally
    }


_serialised = False
_WRITES = ("put_item", "update_item", "delete_item", "transact_write_items", "batch_write_item")
# Requests that can start work elsewhere: a stream record, a queued message, an execution.
_STARTS_WORK = {
    "moto.sqs.models.SQSBackend": ("send_message", "send_message_batch"),
    "moto.stepfunctions.models.StepFunctionBackend": ("start_execution",),
}
_work = {"started": 0}
_work_lock = threading.Lock()


_write_listeners: set[threading.Event] = set()


def listen_for_writes(event: threading.Event) -> None:
    """`event` is set after every DynamoDB write: a stream poller sleeps on it instead of
    polling an idle stream several times a second (a handful of stacks idling in a test
    run would otherwise spend a core on empty reads)."""
    with _work_lock:
        _write_listeners.add(event)


def stop_listening(event: threading.Event) -> None:
    with _work_lock:
        _write_listeners.discard(event)


def _tell_listeners() -> None:
    with _work_lock:
        listeners = tuple(_write_listeners)
    for event in listeners:
        event.set()


def work_started() -> int:
    """How many requests so far could have started work for another part of the stack (a
    DynamoDB write feeds a stream, a message a queue, an execution its tasks): when this
    does not move across a schedule's run, there is nothing of it to wait for."""
    return _work["started"]


def _count_work() -> None:
    with _work_lock:
        _work["started"] += 1


def serialise_dynamodb_writes() -> None:
    """DynamoDB applies a write and its condition atomically, and a read returns one whole
    version of an item; moto, serving requests on many threads, promises neither (it is not
    thread-safe, getmoto/moto#5881: an update sets an item's attributes one by one while a read
    may be serialising it). An end-to-end run once read a case RECEIVED without the inspection
    deadline the same write sets, which DynamoDB cannot return; it did not recur in reruns. One
    lock around each DynamoDB request, whole, and around moto's writes gives the real semantics,
    so concurrent requests exercise our conditions rather than the fake's races."""
    global _serialised
    if _serialised:
        return
    from moto.dynamodb.models import DynamoDBBackend

    lock = threading.RLock()
    for name in _WRITES:
        original = getattr(DynamoDBBackend, name)

        def serialised(self: Any, *args: Any, __original: Any = original, **kwargs: Any) -> Any:
            _count_work()
            try:
                with lock:
                    return __original(self, *args, **kwargs)
            finally:
                _tell_listeners()  # the write's stream record (if any) is readable now

        setattr(DynamoDBBackend, name, serialised)
    refused = DynamoDBBackend.transact_write_items

    def keeping_streams(self: Any, *args: Any, **kwargs: Any) -> Any:
        with lock:
            live = dict(self.tables)
            try:
                return refused(self, *args, **kwargs)
            except Exception:
                _keep_stream_shards(live, self.tables)
                raise

    DynamoDBBackend.transact_write_items = keeping_streams  # type: ignore[method-assign]
    from moto.dynamodb.responses import DynamoHandler

    answer = DynamoHandler.call_action

    def one_request_at_a_time(self: Any) -> Any:
        with lock:  # the same (reentrant) lock: a write inside takes it again
            return answer(self)

    DynamoHandler.call_action = one_request_at_a_time  # type: ignore[method-assign]
    from moto.dynamodbstreams.models import DynamoDBStreamsBackend

    read = DynamoDBStreamsBackend.get_records

    def read_between_writes(self: Any, *args: Any, **kwargs: Any) -> Any:
        with lock:  # never a record of a transaction that is still being applied or refused
            return read(self, *args, **kwargs)

    DynamoDBStreamsBackend.get_records = read_between_writes  # type: ignore[method-assign]
    for path, methods in _STARTS_WORK.items():
        module_name, _, class_name = path.rpartition(".")
        backend = getattr(importlib.import_module(module_name), class_name)
        for name in methods:
            original = getattr(backend, name)

            def counted(self: Any, *args: Any, __original: Any = original, **kwargs: Any) -> Any:
                _count_work()
                return __original(self, *args, **kwargs)

            setattr(backend, name, counted)
    _serialised = True


def _keep_stream_shards(live: dict[str, Any], restored: dict[str, Any]) -> None:
    """moto rolls a refused transaction back by putting deep copies of its tables (taken
    before it began) in their place, streams included: a stream poller's iterator still
    reads the live table's shard, which then never sees another record, and holds the
    refused writes' records. DynamoDB records nothing of a refused transaction: the live
    shard takes the copy's records (those before the transaction) and stays the table's."""
    for name, table in restored.items():
        before = live.get(name)
        if before is None or before is table or before.stream_shard is None or table.stream_shard is None:
            continue
        shard = before.stream_shard
        shard.items[:] = table.stream_shard.items
        shard.table = table
        table.stream_shard = shard


def _function_name(name_or_arn: str) -> str:
    """`name`, `name:qualifier`, or a (partial) ARN → the function's name."""
    if name_or_arn.startswith("arn:"):
        return name_or_arn.split(":")[6]
    if ":function:" in name_or_arn or name_or_arn.count(":") >= 2:  # partial ARN account:function:name
        return name_or_arn.split(":")[2]
    return name_or_arn.split(":")[0]


def lambda_seam(host: FunctionHost) -> Callable[..., bytes | None]:
    """A replacement for `LambdaSimpleBackend.invoke` that runs the template's handler."""

    def invoke(
        backend: Any,
        function_name: str,
        qualifier: str | None,
        body: Any,
        headers: Any,
        response_headers: Any,
    ) -> bytes | None:
        name = _function_name(function_name)
        try:
            spec = host.spec(name)
        except KeyError:
            return None  # the endpoint answers 404, as Lambda would
        raw = body.decode() if isinstance(body, bytes) else body
        event = json.loads(raw) if raw else {}
        if (headers or {}).get("X-Amz-Invocation-Type") == "Event":
            thread = threading.Thread(
                target=host.run, args=(spec.logical_id, event), kwargs={"source": "lambda:invoke (async)"}
            )
            thread.daemon = True
            thread.start()
            return b""
        invocation = host.run(spec.logical_id, event, source="lambda:invoke")
        if invocation.error is not None:
            response_headers["x-amz-function-error"] = "Unhandled"
            return json.dumps(invocation.error_payload()).encode()
        return json.dumps(invocation.result).encode()

    return invoke


def install_lambda_seam(host: FunctionHost) -> None:
    from moto.awslambda_simple.models import LambdaSimpleBackend

    LambdaSimpleBackend.invoke = lambda_seam(host)  # type: ignore[method-assign]
