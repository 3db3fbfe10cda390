"""State machines of a template, executed by moto with real ASL semantics; their Lambda
tasks run the template's handlers in this process (Task → Choice → Retry/Catch →
waitForTaskToken)."""

from __future__ import annotations

import json
import time
from typing import Any

from infra.local.stack import LocalStack
from tests.integration.infra.functions import tasks

# A week of the fragment's schedules each feed a queue with a one-second window; what is
# tested here is the state machines, not how long a batch gathers.
MAX_BATCHING_WINDOW = "0.2"


def run(local: LocalStack, payload: dict[str, Any]) -> str:
    return local.states.start(local.stack.ref("ApprovalMachine"), payload)


def finished(local: LocalStack, arn: str, timeout: float = 20.0) -> dict[str, Any]:
    sfn = local.client("stepfunctions")
    deadline = time.monotonic() + timeout
    while True:
        described: dict[str, Any] = sfn.describe_execution(executionArn=arn)
        if described["status"] != "RUNNING" or time.monotonic() > deadline:
            return described
        time.sleep(0.1)


def history_types(local: LocalStack, arn: str) -> list[str]:
    return [event["type"] for event in local.states.history(arn)]


def approval_request(local: LocalStack, key: str) -> dict[str, Any]:
    sqs = local.client("sqs")
    for _ in range(50):
        for message in sqs.receive_message(
            QueueUrl=local.stack.ref("ApprovalQueue"), MaxNumberOfMessages=10, WaitTimeSeconds=0
        ).get("Messages", []):
            body: dict[str, Any] = json.loads(message["Body"])
            if body["key"] == key:
                return body
        time.sleep(0.1)
    raise AssertionError(f"no approval request for {key}")


def test_the_definition_is_read_from_the_template_with_its_substitutions(local: LocalStack) -> None:
    (machine,) = local.stack.state_machines()
    reserve = machine.definition["States"]["Reserve"]
    assert reserve["Parameters"]["FunctionName"] == local.stack.get_att("TaskFunction", "Arn")
    assert machine.definition["States"]["NeedsApproval"]["Choices"][1]["NumericGreaterThan"] == 100
    assert machine.definition["States"]["AwaitApproval"]["Parameters"]["QueueUrl"] == local.stack.ref(
        "ApprovalQueue"
    )


def test_a_small_amount_runs_the_lambda_task_and_takes_the_default_branch(local: LocalStack) -> None:
    arn = run(local, {"key": "small", "amount": 10})

    done = finished(local, arn)

    assert done["status"] == "SUCCEEDED"
    output = json.loads(done["output"])
    assert output["reserve"] == {"reserved": True, "attempts": 1}
    assert output["outcome"] == "done"


def test_a_transient_task_error_is_retried_by_the_machines_retry_policy(local: LocalStack) -> None:
    arn = run(local, {"key": "flaky", "amount": 10, "failTimes": 1})

    done = finished(local, arn)

    assert done["status"] == "SUCCEEDED"
    assert json.loads(done["output"])["reserve"]["attempts"] == 2
    assert history_types(local, arn).count("TaskFailed") == 1


def test_a_task_error_no_retry_covers_is_caught_by_its_error_type(local: LocalStack) -> None:
    arn = run(local, {"key": "broken", "amount": 10, "crash": True})

    done = finished(local, arn)

    output = json.loads(done["output"])
    assert output["outcome"] == "compensated"
    assert output["error"]["Error"] == "PermanentError"
    assert "cannot reserve broken" in output["error"]["Cause"]
    assert tasks.ATTEMPTS["broken"] == 1


def test_a_large_amount_waits_for_its_task_token_and_settling_does_not_wait_for_the_person(
    local: LocalStack,
) -> None:
    arn = run(local, {"key": "big", "amount": 500})
    request = approval_request(local, "big")

    settled = local.settle(timeout=10)

    assert settled["settled"] is True
    assert local.client("stepfunctions").describe_execution(executionArn=arn)["status"] == "RUNNING"
    parked = next(item for item in local.states.executions() if item["executionArn"] == arn)
    assert parked["history"][-1]["type"] == "TaskSubmitted"

    local.client("stepfunctions").send_task_success(
        taskToken=request["taskToken"], output=json.dumps({"approvedBy": "staff_sue"})
    )
    done = finished(local, arn)
    assert done["status"] == "SUCCEEDED"
    assert json.loads(done["output"])["approval"] == {"approvedBy": "staff_sue"}


def test_a_rejected_task_token_is_caught_and_compensated(local: LocalStack) -> None:
    arn = run(local, {"key": "rejected", "amount": 500})
    request = approval_request(local, "rejected")

    local.client("stepfunctions").send_task_failure(
        taskToken=request["taskToken"], error="Rejected", cause="over the limit"
    )

    output = json.loads(finished(local, arn)["output"])
    assert output["outcome"] == "compensated"
    assert output["error"]["Error"] == "Rejected"  # (moto drops SendTaskFailure's cause)


def test_a_state_machine_schedule_starts_an_execution_when_the_clock_reaches_it(local: LocalStack) -> None:
    weekly = next(job for job in local.scheduler.jobs if job.target == "ApprovalMachine")
    assert weekly.next_due is not None

    moved = local.advance((weekly.next_due - local.clock.now()).total_seconds() + 1)

    assert any(run["target"] == "ApprovalMachine" for run in moved["ran"])
    assert moved["settled"] is True
    weekly_runs = [
        e for e in local.states.executions(with_history=False) if e["input"] == {"amount": 5, "key": "weekly"}
    ]
    assert [execution["status"] for execution in weekly_runs] == ["SUCCEEDED"]


def test_lambda_invoke_on_the_endpoint_reaches_the_handler(local: LocalStack) -> None:
    reply = local.client("lambda").invoke(
        FunctionName="fragment-TaskFunction", Payload=json.dumps({"key": "direct", "amount": 1}).encode()
    )
    assert "FunctionError" not in reply
    assert json.loads(reply["Payload"].read()) == {"reserved": True, "attempts": 1}

    failed = local.client("lambda").invoke(
        FunctionName="fragment-TaskFunction", Payload=json.dumps({"key": "direct", "crash": True}).encode()
    )
    assert failed["FunctionError"] == "Unhandled"
    assert json.loads(failed["Payload"].read())["errorType"] == "PermanentError"


def test_a_wait_state_ends_when_the_local_clock_passes_it(local: LocalStack) -> None:
    arn = run(local, {"key": "cooling", "amount": 10, "coolOffSeconds": 3600})
    assert local.settle(timeout=10)["settled"] is True  # a Wait is not work in progress
    assert local.client("stepfunctions").describe_execution(executionArn=arn)["status"] == "RUNNING"
    assert history_types(local, arn)[-1] == "WaitStateEntered"

    moved = local.advance(3600)

    assert moved["settled"] is True
    done = finished(local, arn, timeout=5)
    assert done["status"] == "SUCCEEDED"
    assert json.loads(done["output"])["outcome"] == "done"
