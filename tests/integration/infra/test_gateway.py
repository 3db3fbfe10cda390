"""The local HTTP API: requests reach the function as HTTP API payload 2.0 events behind the
emulated JWT authorizer, and responses come back as API Gateway returns them."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from werkzeug.test import Client

from infra.local.gateway import Gateway
from infra.local.stack import LocalStack


@pytest.fixture(scope="module")
def client(local: LocalStack) -> Client:
    return Client(Gateway(local), use_cookies=False)


def event_of(reply: Any) -> dict[str, Any]:
    assert reply.status_code == 200, reply.get_data(as_text=True)
    return json.loads(reply.get_data())


def test_a_public_route_gets_path_and_query_parameters_headers_and_cookies(client: Client) -> None:
    reply = client.get(
        "/echo/kettle?colour=red&colour=blue&size=",
        headers=[("X-Trace", "a"), ("X-Trace", "b"), ("Cookie", "a=1; b=2")],
    )

    event = event_of(reply)
    assert event["version"] == "2.0"
    assert event["routeKey"] == "GET /echo/{name}"
    assert event["rawPath"] == "/echo/kettle"
    assert event["rawQueryString"] == "colour=red&colour=blue&size="
    assert event["pathParameters"] == {"name": "kettle"}
    assert event["queryStringParameters"] == {"colour": "red,blue", "size": ""}
    assert event["headers"]["x-trace"].replace(" ", "") == "a,b"  # WSGI joins repeats with ", "
    assert event["cookies"] == ["a=1", "b=2"]
    assert "authorizer" not in event["requestContext"]
    assert reply.headers["apigw-requestid"] == event["requestContext"]["requestId"]


def test_a_greedy_path_parameter_takes_the_rest_of_the_path_for_any_method(client: Client) -> None:
    event = event_of(client.delete("/files/a/b/c.txt"))
    assert event["pathParameters"] == {"proxy": "a/b/c.txt"}
    assert event["requestContext"]["http"]["method"] == "DELETE"


def test_a_valid_token_becomes_the_events_jwt_claims(client: Client, local: LocalStack) -> None:
    token = local.authorizer.mint("staff_sue", ["supervisor", "agent"])

    event = event_of(client.post("/echo", headers={"authorization": f"Bearer {token}"}, json={"a": 1}))

    claims = event["requestContext"]["authorizer"]["jwt"]["claims"]
    assert claims["sub"] == "staff_sue"
    assert claims["roles"] == "[supervisor agent]"  # how HTTP API hands an array claim over
    assert isinstance(claims["exp"], str)
    assert json.loads(event["body"]) == {"a": 1}
    assert event["isBase64Encoded"] is False


def test_a_token_that_expired_on_the_local_clock_is_refused(client: Client, local: LocalStack) -> None:
    token = local.authorizer.mint("cus_alice", ["customer"], ttl_seconds=60)
    local.clock.advance(61)

    reply = client.post("/echo", headers={"authorization": f"Bearer {token}"})

    assert reply.status_code == 401
    assert reply.get_json() == {"message": "Unauthorized"}


def test_a_binary_body_arrives_base64_encoded(client: Client, local: LocalStack) -> None:
    token = local.authorizer.mint("cus_alice", ["customer"])
    payload = bytes(range(256))

    event = event_of(
        client.post(
            "/echo",
            data=payload,
            headers={"authorization": token, "content-type": "application/octet-stream"},
        )
    )

    assert event["isBase64Encoded"] is True
    assert base64.b64decode(event["body"]) == payload


def test_a_base64_response_is_decoded_with_its_headers_and_cookies(client: Client) -> None:
    reply = client.get("/echo/x?reply=binary")

    assert reply.status_code == 202
    assert reply.get_data() == b"\x89PNG\x00\x01"
    assert reply.headers["content-type"] == "image/png"
    assert reply.headers["x-echo"] == "yes"
    assert reply.headers.getlist("set-cookie") == ["session=abc; HttpOnly", "theme=dark"]


def test_a_result_without_a_status_code_is_a_json_200(client: Client) -> None:
    reply = client.get("/echo/x?reply=plain")
    assert reply.status_code == 200
    assert reply.get_json() == {"echo": True}


def test_a_function_that_raises_is_the_gateways_500(client: Client) -> None:
    reply = client.get("/echo/x?reply=crash")
    assert reply.status_code == 500
    assert reply.get_json() == {"message": "Internal Server Error"}


def test_no_route_is_the_gateways_404_and_local_routes_are_listed(client: Client) -> None:
    assert client.get("/nowhere").get_json() == {"message": "Not Found"}
    assert client.get("/nowhere").status_code == 404
    index = client.get("/_local").get_json()
    assert index["docs"].endswith("/_local/docs")


def test_local_endpoints_report_clock_schedules_queues_and_executions(client: Client) -> None:
    assert client.get("/_local/clock").get_json()["now"].endswith("Z")
    token = client.get("/_local/token?sub=cus_x&roles=customer,agent").get_json()
    assert token["roles"] == ["customer", "agent"]
    assert client.get("/_local/token").status_code == 400
    schedules = client.get("/_local/schedules").get_json()["schedules"]
    assert {(job["target"], job["event"]) for job in schedules} >= {("SweepFunction", "Hourly")}
    queues = {queue["queue"]: queue for queue in client.get("/_local/queues").get_json()["queues"]}
    assert queues["WorkQueue"]["consumer"] == "ConsumerFunction"
    assert "messages" in queues["WorkDLQ"]
    assert "executions" in client.get("/_local/executions?history=false").get_json()
    ran = client.post("/_local/schedules/SweepFunction/run").get_json()
    assert ran["settled"] is True
    assert client.post("/_local/schedules/Nope/run").status_code == 404
    assert client.post("/_local/clock", json={"advanceSeconds": "soon"}).status_code == 400


def test_a_disabled_schedule_does_not_fire_and_once_enabled_fires_from_its_next_occurrence(
    client: Client,
) -> None:
    """As DisableRule and EnableRule on AWS: a clock move while off runs none of its
    firings, and turning it on again does not make up for the time it was off."""
    off = client.patch("/_local/schedules/SweepFunction", json={"enabled": False}).get_json()["schedules"]
    assert {job["event"] for job in off} == {"Hourly", "Nightly"}
    assert not any(job["enabled"] for job in off)
    moved = client.post("/_local/clock", json={"advanceSeconds": 3 * 3600}).get_json()
    assert [run for run in moved["ran"] if run["target"] == "SweepFunction"] == []

    on = client.patch("/_local/schedules/SweepFunction", json={"enabled": True}).get_json()["schedules"]
    now = datetime.fromisoformat(client.get("/_local/clock").get_json()["now"].replace("Z", "+00:00"))
    hourly = next(job for job in on if job["event"] == "Hourly")
    assert hourly["enabled"] is True
    assert now < datetime.fromisoformat(hourly["nextDue"]) <= now + timedelta(hours=1)
    moved = client.post("/_local/clock", json={"advanceSeconds": 3600}).get_json()
    assert [run["event"] for run in moved["ran"] if run["target"] == "SweepFunction"].count("Hourly") == 1

    assert client.patch("/_local/schedules/SweepFunction", json={"enabled": "no"}).status_code == 400
    assert client.patch("/_local/schedules/Nope", json={"enabled": False}).status_code == 404
