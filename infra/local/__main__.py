"""`python -m infra.local [--seed] [--port N] [--aws-port N]`: the whole backend on this machine.

The HTTP API on 127.0.0.1:$PORT (3000), the AWS endpoint (moto) on 127.0.0.1:$AFTERCARE_AWS_PORT
(4566) with every resource of template.yaml, the SQS consumers, schedules, streams and
state machines; Ctrl-C stops it all.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
import time
from types import FrameType

from infra.local import logs
from infra.local.jwt_local import DEFAULT_SECRET
from infra.local.stack import LocalStack, local_parameters, parse_overrides
from infra.template import Stack

log = logging.getLogger("aftercare.local.main")


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m infra.local", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "3000")))
    parser.add_argument("--aws-port", type=int, default=int(os.environ.get("AFTERCARE_AWS_PORT", "4566")))
    parser.add_argument("--seed", action="store_true", help="load demo customers, staff and orders")
    parser.add_argument(
        "--parameter-overrides",
        nargs="*",
        default=[],
        metavar="Name=Value",
        help="template parameters, e.g. RefundApprovalTimeoutSeconds=30 (also AFTERCARE_PARAMETER_OVERRIDES)",
    )
    parser.add_argument(
        "--payment-provider",
        default=os.environ.get("PAYMENT_PROVIDER") or "sandbox",
        choices=["sandbox", "stripe", "alipay"],
        help="refunds via the sandbox, or Stripe's or Alipay's SDK against a local fake (PAYMENT_PROVIDER)",
    )
    parser.add_argument("--log-level", default=os.environ.get("AFTERCARE_LOCAL_LOG_LEVEL", "INFO"))
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    started = time.monotonic()
    logs.configure(args.log_level)
    # Functions log as on Lambda (Powertools JSON, the template's level); metrics would
    # print an EMF blob per invocation, so they stay off unless asked for.
    os.environ.setdefault("POWERTOOLS_METRICS_DISABLED", "true")
    from infra.local.payments import DEFAULT_SECRET_NAME, LocalPayments

    payments = LocalPayments(args.payment_provider)
    try:
        provider_parameters = payments.start()  # a fake provider's API, before the stack points at it
        parameters = local_parameters(
            overrides={**provider_parameters, **parse_overrides(" ".join(args.parameter_overrides))}
        )
    except ValueError as error:
        log.error(str(error))
        payments.stop()
        return 2
    local = LocalStack(
        Stack(parameters=parameters),
        aws_port=args.aws_port,
        jwt_secret=os.environ.get("AFTERCARE_LOCAL_JWT_SECRET") or DEFAULT_SECRET,
        payments=payments,
    )
    try:
        local.start()
    except OSError as error:
        log.error(f"cannot start the AWS endpoint on port {args.aws_port}: {error}")
        payments.stop()
        return 2
    payments.provision(local.client("ssm"), parameters.get("PaymentProviderSecretName", DEFAULT_SECRET_NAME))

    from werkzeug.serving import make_server

    from infra.local.gateway import Gateway

    try:
        server = make_server(args.host, args.port, Gateway(local), threaded=True)
    except (OSError, SystemExit) as error:
        log.error(f"cannot listen on {args.host}:{args.port}: {error}")
        local.stop()
        return 2
    base_url = f"http://{args.host}:{server.server_port}"
    payments.connect(base_url)
    serving = threading.Thread(target=server.serve_forever, name="gateway", daemon=True)
    serving.start()

    seeded = ""
    if args.seed:
        from infra.local.seed import seed

        seeded = seed(base_url, webhook_secret=parameters["WebhookSecret"])
    _banner(local, base_url, parameters, time.monotonic() - started, seeded)

    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    while not stopping.wait(0.5):
        pass
    log.info("shutting down")
    server.shutdown()
    local.stop()
    payments.stop()
    log.info("stopped")
    return 0


def _banner(local: LocalStack, base_url: str, parameters: dict[str, str], took: float, seeded: str) -> None:
    lines = [
        "",
        f"Aftercare local stack ready in {took:.1f}s",
        f"  API            {base_url}",
        f"  console        {base_url}/console/  (the service desk: sign in as any seeded staff member)",
        f"  Swagger UI     {base_url}/_local/docs",
        f"  OpenAPI        {base_url}/_local/openapi.json",
        f"  token          {base_url}/_local/token?sub=cus_alice&roles=customer",
        f'  clock          {base_url}/_local/clock  (POST {{"advanceSeconds": N}})',
        f"  queues         {base_url}/_local/queues",
        f"  executions     {base_url}/_local/executions",
        f"  schedules      {base_url}/_local/schedules",
        f"  AWS endpoint   {local.endpoint.url}  (aws --endpoint-url {local.endpoint.url} ...)",
        f"  resources      {len(local.created)} from template.yaml, "
        f"{len(local.host.specs)} functions, {len(local.pollers)} SQS consumers, "
        f"{len(local.scheduler.jobs)} schedules",
        f"  webhook secret {parameters['WebhookSecret']}",
        f"  payments       {local.payments.describe() if local.payments else 'sandbox'}",
        "Ctrl-C stops everything.",
    ]
    if seeded:
        lines.insert(-1, seeded)
    sys.stderr.write("\n".join(lines) + "\n\n")
    sys.stderr.flush()


if __name__ == "__main__":
    sys.exit(main())
