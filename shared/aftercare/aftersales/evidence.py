"""Evidence photos and videos: presigned uploads under the customer's own prefix, short-lived
links to look at a case's evidence, and the check a case runs on the keys it cites."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from functools import cache
from typing import Any

from aftercare import clock, ids
from aftercare.aftersales.models import EvidenceUploadOut, EvidenceViewOut, EvidenceViewsOut
from aftercare.aftersales.reads import load_for
from aftercare.auth import CUSTOMER, Principal, require_role
from aftercare.aws import client
from aftercare.errors import BusinessRuleViolation
from aftercare.observability import metrics
from aftercare.settings import get_settings

# A photo's GET link lives long enough to look at the case, not to be passed around.
EVIDENCE_VIEW_SECONDS = 600
EVIDENCE_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "video/mp4": ".mp4"}


def _evidence_prefix(customer_id: str) -> str:
    return f"evidence/{customer_id}/"


@cache
def _presigner() -> Any:
    """An S3 client that signs with SigV4 (boto3's default presigned URL may still be
    SigV2, which new buckets refuse). Presigning is local: no request is made."""
    import boto3
    from botocore.config import Config

    return boto3.client("s3", config=Config(signature_version="s3v4"))


def create_evidence_upload(principal: Principal, content_type: str) -> EvidenceUploadOut:
    """A presigned S3 PUT for one photo or video under the customer's own prefix.

    A presigned PUT cannot carry a content-length-range (only a presigned POST policy can),
    so the URL signs the Content-Type, and the size limit is enforced when a case cites the
    key: the object must exist, be no larger than EVIDENCE_MAX_BYTES and have an allowed type.
    Objects never cited expire with the bucket's lifecycle rule."""
    require_role(principal, CUSTOMER)
    if "/" in principal.sub:
        raise BusinessRuleViolation("this account cannot upload evidence")
    settings = get_settings()
    key = f"{_evidence_prefix(principal.sub)}{ids.ulid()}{EVIDENCE_TYPES[content_type]}"
    url = _presigner().generate_presigned_url(
        "put_object",
        Params={"Bucket": settings.evidence_bucket, "Key": key, "ContentType": content_type},
        ExpiresIn=settings.evidence_upload_seconds,
        HttpMethod="PUT",
    )
    metrics.add_metric(name="EvidenceUploadsIssued", unit="Count", value=1)
    return EvidenceUploadOut(
        upload_url=url,
        evidence_key=key,
        headers={"Content-Type": content_type},
        max_bytes=settings.evidence_max_bytes,
        expires_at=clock.iso(clock.now() + timedelta(seconds=settings.evidence_upload_seconds)),
    )


def evidence_views(principal: Principal, case_id: str) -> EvidenceViewsOut:
    """A presigned GET for each of the case's evidence keys, so the staff console (or the
    customer's app) can show the photos without the bucket ever being public. The links are
    their own short-lived resource, not part of the case, whose reads stay stable.
    Presigning is local: no request is made."""
    case = load_for(principal, case_id)
    settings = get_settings()
    expires = clock.iso(clock.now() + timedelta(seconds=EVIDENCE_VIEW_SECONDS))
    return EvidenceViewsOut(
        items=[
            EvidenceViewOut(
                key=key,
                url=_presigner().generate_presigned_url(
                    "get_object",
                    Params={"Bucket": settings.evidence_bucket, "Key": key},
                    ExpiresIn=EVIDENCE_VIEW_SECONDS,
                ),
                expires_at=expires,
            )
            for key in case.evidence_keys
        ]
    )


def check_cited(customer_id: str, keys: Sequence[str]) -> None:
    """Every key must have been issued to this customer and hold an uploaded file within the
    limits. Another customer's key is refused exactly like a key never issued (422), so a
    key's existence is never revealed."""
    from botocore.exceptions import ClientError

    settings = get_settings()
    prefix = _evidence_prefix(customer_id)
    for index, key in enumerate(keys):
        field = f"evidenceKeys[{index}]"
        unknown = BusinessRuleViolation(
            "an evidence key was not issued to you or was never uploaded",
            errors=[{"field": field, "message": "unknown evidence key"}],
        )
        if not key.startswith(prefix):
            raise unknown
        try:
            head = client("s3").head_object(Bucket=settings.evidence_bucket, Key=key)
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound", "403"}:
                raise unknown from error
            raise
        if int(head.get("ContentLength", 0)) > settings.evidence_max_bytes:
            raise BusinessRuleViolation(
                f"evidence larger than {settings.evidence_max_bytes} bytes is not accepted",
                errors=[{"field": field, "message": "file too large"}],
            )
        if head.get("ContentType") not in EVIDENCE_TYPES:
            raise BusinessRuleViolation(
                "evidence must be a JPEG, PNG or WebP photo or an MP4 video",
                errors=[{"field": field, "message": "unsupported content type"}],
            )
