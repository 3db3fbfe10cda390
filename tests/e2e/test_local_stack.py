"""The local stack over real HTTP: tokens, the orders journey, the authorizer, the webhook,
the clock and the developer conveniences."""

from __future__ import annotations

import json
import time
from typing import Any

import jwt
import pytest
from botocore.exceptions import ClientError

from infra.local.seed import order_request
from tests.e2e.conftest import LocalStackProcess

pytestmark = pytest.mark.e2e

ALICE = ("cus_alice", "customer")
AGENT = ("staff_sam", "agent")
WAREHOUSE = ("staff_wu", "warehouse")


def place(stack: LocalStackProcess, who: tuple[str, str] = ALICE, **changes: Any) -> dict[str, Any]:
    reply = stack.post("/v1/orders", as_=who, json_body=order_request(**changes))
    assert reply.status_code == 201, reply.text
    return reply.json()


def test_a_token_from_the_local_endpoint_places_an_order_that_can_be_read_back(
    local_stack: LocalStackProcess,
) -> None:
    token = local_stack.get("/_local/token", params={"sub": "cus_e2e", "roles": "customer"}).json()["token"]
    headers = {"authorization": f"Bearer {token}", "content-type": "application/json"}

    placed = local_stack.session.post(
        local_stack.url("/v1/orders"), data=json.dumps(order_request()), headers=headers, timeout=10
    )
    assert placed.status_code == 201, placed.text
    order = placed.json()
    assert order["status"] == "PENDING_PAYMENT"
    assert order["customerId"] == "cus_e2e"
    assert placed.headers["content-type"] == "application/json"
    assert placed.headers["apigw-requestid"]

    read = local_stack.session.get(
        local_stack.url(f"/v1/orders/{order['orderId']}"), headers=headers, timeout=10
    )
    assert read.status_code == 200
    assert read.json()["orderId"] == order["orderId"]
    mine = local_stack.session.get(local_stack.url("/v1/orders"), headers=headers, timeout=10).json()
    assert [item["orderId"] for item in mine["items"]] == [order["orderId"]]


def test_a_local_token_carries_the_sub_roles_issuer_and_audience_of_the_template(
    local_stack: LocalStackProcess,
) -> None:
    token = local_stack.token("staff_sue", ["supervisor", "agent"])
    # Times follow the stack's clock, which other tests move forward; the gateway checks
    # them against that clock (below), so here only the claims are read.
    claims = jwt.decode(
        token,
        local_stack.jwt_secret,
        algorithms=["HS256"],
        options={"verify_aud": False, "verify_iat": False},
    )
    assert claims["sub"] == "staff_sue"
    assert claims["roles"] == ["supervisor", "agent"]
    assert claims["iss"].startswith("https://cognito-idp.us-east-1.amazonaws.com/")
    assert claims["aud"]


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer not-a-jwt", "Basic dXNlcjpwYXNz", "Bearer {forged}", "Bearer {expired}"],
    ids=["missing", "garbage", "wrong scheme", "wrong secret", "expired"],
)
def test_a_missing_or_bad_token_gets_the_gateways_own_401(
    local_stack: LocalStackProcess, authorization: str | None
) -> None:
    good = jwt.decode(local_stack.token("cus_alice"), options={"verify_signature": False})
    forged = jwt.encode(good, "some-other-secret-0123456789abcdef0123", algorithm="HS256")
    expired = jwt.encode({**good, "exp": good["iat"] - 1}, local_stack.jwt_secret, algorithm="HS256")
    headers = {}
    if authorization:
        headers["authorization"] = authorization.format(forged=forged, expired=expired)

    reply = local_stack.get("/v1/orders", headers=headers)

    assert reply.status_code == 401
    assert reply.json() == {"message": "Unauthorized"}


def test_an_unknown_route_is_the_gateways_404(local_stack: LocalStackProcess) -> None:
    reply = local_stack.get("/v1/nothing-here", as_=ALICE)
    assert reply.status_code == 404
    assert reply.json() == {"message": "Not Found"}


def test_a_signed_payment_webhook_pays_the_order_and_staff_take_it_to_shipped(
    local_stack: LocalStackProcess,
) -> None:
    order = place(local_stack)
    event = {
        "eventId": f"evt_{order['orderId']}",
        "type": "payment.succeeded",
        "orderId": order["orderId"],
        "amount": order["total"],
        "currency": order["currency"],
        "transactionId": f"txn-{order['orderId']}",
        "method": "ALIPAY",
        "occurredAt": local_stack.now(),
    }

    paid = local_stack.webhook("/v1/payments/events", event)
    assert paid.status_code == 200, paid.text
    assert paid.json()["outcome"] == "accepted"  # published: orders record it a moment later
    deadline = time.monotonic() + 30
    while local_stack.get(f"/v1/orders/{order['orderId']}", as_=ALICE).json()["status"] != "PAID":
        assert time.monotonic() < deadline, "the payment did not reach the order"
        time.sleep(0.2)

    for step, who, body in [
        ("confirm", AGENT, None),
        ("pack", WAREHOUSE, None),
        ("ship", WAREHOUSE, {"carrier": "sf-express", "trackingNumber": "SF2000000001"}),
    ]:
        reply = local_stack.post(f"/v1/admin/orders/{order['orderId']}/{step}", as_=who, json_body=body)
        assert reply.status_code == 200, reply.text
    final = local_stack.get(f"/v1/orders/{order['orderId']}", as_=ALICE).json()
    assert final["status"] == "SHIPPED"
    assert [entry["to"] for entry in final["timeline"]] == [
        "PENDING_PAYMENT",
        "PAID",
        "CONFIRMED",
        "PACKED",
        "SHIPPED",
    ]


def test_a_webhook_with_a_bad_signature_is_refused_without_a_token_being_needed(
    local_stack: LocalStackProcess,
) -> None:
    reply = local_stack.webhook("/v1/payments/events", {"eventId": "evt_x"}, secret="not-the-secret")
    assert reply.status_code == 401
    assert reply.headers["content-type"] == "application/problem+json"


def test_the_clock_moves_forward_and_tokens_minted_after_still_work(local_stack: LocalStackProcess) -> None:
    before = local_stack.now()

    moved = local_stack.advance(25 * 3600)  # past a token's 24 h, every schedule firing as it falls due

    assert moved["now"] > before
    assert moved["settled"] is True
    assert local_stack.now() >= moved["now"]
    assert local_stack.get("/v1/orders", as_=ALICE).status_code == 200
    refused = local_stack.post("/_local/clock", json_body={"advanceSeconds": -5})
    assert refused.status_code == 400


def test_running_a_function_without_a_schedule_is_a_404_naming_the_scheduled_ones(
    local_stack: LocalStackProcess,
) -> None:
    reply = local_stack.post("/_local/schedules/OrdersApiFunction/run")
    assert reply.status_code == 404
    assert "scheduled" in reply.json()


def _local_policy_in_place(local_stack: LocalStackProcess, props: dict[str, Any]) -> bool:
    """A policy made only of TLS-only statements has nothing to hold on a plain-HTTP endpoint;
    any other policy must be there with exactly its non-TLS statements."""
    from infra.local.provision import local_bucket_policy

    expected = local_bucket_policy(props["PolicyDocument"])
    try:
        held = local_stack.aws("s3").get_bucket_policy(Bucket=props["Bucket"])["Policy"]
    except ClientError as error:
        if error.response["Error"]["Code"] != "NoSuchBucketPolicy":
            raise
        return expected is None
    return expected is not None and json.loads(held)["Statement"] == expected["Statement"]


def _local_url(local_stack: LocalStackProcess, url: str) -> str:
    """The queue's URL on the local endpoint (the template's names the AWS host)."""
    return local_stack.aws("sqs").get_queue_url(QueueName=url.rsplit("/", 1)[-1])["QueueUrl"]


def test_every_resource_of_the_template_exists_on_the_local_endpoint(local_stack: LocalStackProcess) -> None:
    from infra.local.provision import EMULATED
    from infra.template import Stack

    stack = Stack(parameters={"Stage": "dev", "WebhookSecret": "x" * 16, "CursorSecret": "x" * 16})

    def listed(service: str, operation: str, key: str) -> list[Any]:
        # Every page: past 50 functions, log groups or alarms the first page is not all of them.
        pages = local_stack.aws(service).get_paginator(operation).paginate()
        return [entry for page in pages for entry in page.get(key, [])]

    tables = set(listed("dynamodb", "list_tables", "TableNames"))
    queues = {url.rsplit("/", 1)[-1] for url in listed("sqs", "list_queues", "QueueUrls")}
    topics = {t["TopicArn"].rsplit(":", 1)[-1] for t in listed("sns", "list_topics", "Topics")}
    functions = {f["FunctionName"] for f in listed("lambda", "list_functions", "Functions")}
    groups = {g["logGroupName"] for g in listed("logs", "describe_log_groups", "logGroups")}
    alarms = {a["AlarmName"] for a in listed("cloudwatch", "describe_alarms", "MetricAlarms")}
    machines = {m["name"] for m in listed("stepfunctions", "list_state_machines", "stateMachines")}
    buckets = {b["Name"] for b in local_stack.aws("s3").list_buckets()["Buckets"]}
    policies = {
        logical_id
        for logical_id, props in stack.of_type("AWS::S3::BucketPolicy")
        if _local_policy_in_place(local_stack, stack.resolve(props))
    }
    groups |= {  # a declared LogGroupName (/aws/lambda/<function>) stands for its logical id
        logical_id
        for logical_id, props in stack.of_type("AWS::Logs::LogGroup")
        if props.get("LogGroupName") and stack.resolve(props["LogGroupName"]) in groups
    }
    secrets = {s["Name"] for s in local_stack.aws("secretsmanager").list_secrets()["SecretList"]}
    key_descriptions = {
        local_stack.aws("kms").describe_key(KeyId=k["KeyId"])["KeyMetadata"]["Description"]
        for k in local_stack.aws("kms").list_keys()["Keys"]
    }
    keys = {
        logical_id
        for logical_id, props in stack.of_type("AWS::KMS::Key")
        if props.get("Description") in key_descriptions
    }
    queue_policies = {
        logical_id
        for logical_id, props in stack.of_type("AWS::SQS::QueuePolicy")
        if all(
            "Policy" in local_stack.aws("sqs").get_queue_attributes(QueueUrl=_local_url(local_stack, url),
                                                                    AttributeNames=["Policy"]).get("Attributes", {})
            for url in stack.resolve(props["Queues"])
        )
    }  # fmt: skip
    topic_policies = {
        logical_id
        for logical_id, props in stack.of_type("AWS::SNS::TopicPolicy")
        if all(
            "sns:Publish" in local_stack.aws("sns").get_topic_attributes(TopicArn=arn)["Attributes"].get("Policy", "")
            for arn in stack.resolve(props["Topics"])
        )
    }  # fmt: skip
    dashboards = {
        d["DashboardName"] for d in local_stack.aws("cloudwatch").list_dashboards()["DashboardEntries"]
    }
    dashboards |= {
        logical_id
        for logical_id, props in stack.of_type("AWS::CloudWatch::Dashboard")
        if stack.resolve(props.get("DashboardName")) in dashboards
    }
    events = local_stack.aws("events")
    buses = {b["Name"] for b in events.list_event_buses()["EventBuses"]}
    rules = {  # a rule stands for its logical id when it is on its bus with the template's targets
        logical_id
        for logical_id, props in stack.of_type("AWS::Events::Rule")
        if {t["Arn"] for t in events.list_targets_by_rule(
            Rule=stack.physical_name(logical_id), EventBusName=stack.resolve(props["EventBusName"]))["Targets"]}
        == {t["Arn"] for t in stack.resolve(props["Targets"])}
    }  # fmt: skip
    found = {
        "AWS::Events::EventBus": buses,
        "AWS::Events::Rule": rules,
        "AWS::SecretsManager::Secret": secrets,
        "AWS::KMS::Key": keys,
        "AWS::SQS::QueuePolicy": queue_policies,
        "AWS::SNS::TopicPolicy": topic_policies,
        "AWS::CloudWatch::Dashboard": dashboards,
        "AWS::DynamoDB::Table": tables,
        "AWS::SQS::Queue": queues,
        "AWS::SNS::Topic": topics,
        "AWS::Serverless::Function": functions,
        "AWS::Logs::LogGroup": groups,
        "AWS::CloudWatch::Alarm": alarms,
        "AWS::Serverless::StateMachine": machines,
        "AWS::S3::Bucket": buckets,
        "AWS::S3::BucketPolicy": policies,
    }
    for logical_id, resource in stack.resources.items():
        kind = resource["Type"]
        if kind in EMULATED or not stack.exists(logical_id):
            continue
        assert kind in found, f"{logical_id}: the local stack does not create {kind} resources"
        names = {stack.physical_name(logical_id), stack.ref(logical_id), logical_id}
        assert names & found[kind], f"{logical_id} is missing locally"


def test_the_merged_openapi_document_and_swagger_ui_are_served(local_stack: LocalStackProcess) -> None:
    document = local_stack.get("/_local/openapi.json").json()
    assert "/v1/orders" in document["paths"]
    assert "/v1/payments/events" in document["paths"]
    assert document["servers"][0]["url"] == local_stack.base_url
    docs = local_stack.get("/_local/docs")
    assert docs.status_code == 200
    assert "swagger-ui" in docs.text
    assert local_stack.get("/_local/docs/swagger-ui-bundle.min.js").status_code == 200


def test_the_event_listing_refuses_a_limit_that_is_not_a_number(local_stack: LocalStackProcess) -> None:
    assert local_stack.get("/_local/events?limit=many").status_code == 400
    assert isinstance(local_stack.get("/_local/events?limit=1").json()["events"], list)


def test_queues_list_depth_and_dead_letter_contents(local_stack: LocalStackProcess) -> None:
    queues = {queue["queue"]: queue for queue in local_stack.get("/_local/queues").json()["queues"]}
    assert queues["NotificationsQueue"]["redrive"]["maxReceiveCount"] == 5
    assert queues["NotificationsDLQ"]["messages"] == []
    # (the stack is shared by the session: other files' refunds may have run on it already)
    executions = local_stack.get("/_local/executions").json()["executions"]
    assert all(
        {"stateMachine", "executionArn", "name", "status"} <= set(execution) for execution in executions
    )
    assert {execution["status"] for execution in executions} <= {
        "RUNNING",
        "SUCCEEDED",
        "FAILED",
        "TIMED_OUT",
        "ABORTED",
    }


def test_the_scripted_demo_journey_completes(
    local_stack: LocalStackProcess, capsys: pytest.CaptureFixture[str]
) -> None:
    from infra.local import demo

    arguments = ["--base-url", local_stack.base_url, "--webhook-secret", local_stack.webhook_secret]
    assert demo.main(arguments) == 0
    printed = capsys.readouterr().out
    assert "Journey complete." in printed
    assert "PENDING_PAYMENT → PAID → CONFIRMED → PACKED → SHIPPED" in printed


def test_the_service_process_demo_shows_every_feature_once(
    local_stack: LocalStackProcess, capsys: pytest.CaptureFixture[str]
) -> None:
    from infra.local.demo_process import feature_steps
    from infra.local.demo_process.__main__ import main

    features = {step.__module__.rsplit(".", 1)[-1] for step in feature_steps()}
    assert {"appointments", "coupons", "audits", "product_live", "topics"} <= features
    arguments = ["--base-url", local_stack.base_url, "--webhook-secret", local_stack.webhook_secret]
    assert main(arguments) == 0
    printed = capsys.readouterr().out
    assert "Journey complete." in printed and "FAILED" not in printed
