"""TLS-only bucket statements are emulated locally (plain HTTP); every other one is kept."""

from __future__ import annotations

from infra.local.provision import local_bucket_policy

TLS_ONLY = {"Sid": "TlsOnly", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
            "Condition": {"Bool": {"aws:SecureTransport": "false"}}}  # fmt: skip
DENY_DELETE = {
    "Sid": "NoDelete",
    "Effect": "Deny",
    "Principal": "*",
    "Action": "s3:DeleteObject",
    "Resource": "*",
}


def test_only_the_tls_statement_is_left_out() -> None:
    kept = local_bucket_policy({"Version": "2012-10-17", "Statement": [TLS_ONLY, DENY_DELETE]})
    assert kept == {"Version": "2012-10-17", "Statement": [DENY_DELETE]}


def test_a_policy_of_only_tls_statements_is_not_put_at_all() -> None:
    assert local_bucket_policy({"Version": "2012-10-17", "Statement": [TLS_ONLY]}) is None


def test_the_template_keeps_tls_only_policies_on_its_buckets() -> None:
    from tests.support.environment import new_stack

    stack = new_stack()
    policies = {props["Bucket"]["Ref"]: props for _, props in stack.of_type("AWS::S3::BucketPolicy")}
    buckets = {logical_id for logical_id, _ in stack.of_type("AWS::S3::Bucket")}
    assert set(policies) == buckets
    for props in policies.values():
        assert any(
            "aws:SecureTransport" in str(s.get("Condition")) for s in props["PolicyDocument"]["Statement"]
        )
