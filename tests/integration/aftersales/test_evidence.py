"""Evidence: a presigned PUT under the customer's own prefix, checked when a case cites it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
import requests

from aftercare.settings import get_settings
from tests.integration.aftersales.conftest import Cases, put_evidence
from tests.support.api import Api, customer, staff


def upload(api: Api, content_type: str = "image/jpeg", owner: str = "cus_alice") -> dict[str, str]:
    reply = api.call(
        "POST",
        "/v1/after-sales/evidence-uploads",
        claims=customer(owner),
        json_body={"contentType": content_type},
    )
    assert reply.status == 201, reply.body
    return reply.json


def test_an_upload_is_a_presigned_put_with_its_content_type_signed(cases: Cases, api: Api) -> None:
    ticket = upload(api, "image/png")
    assert ticket["evidenceKey"].startswith("evidence/cus_alice/")
    assert ticket["evidenceKey"].endswith(".png")
    assert ticket["method"] == "PUT"
    assert ticket["headers"] == {"Content-Type": "image/png"}
    assert ticket["maxBytes"] == get_settings().evidence_max_bytes
    assert ticket["expiresAt"] == "2026-11-23T08:15:00.000Z"
    url = urlparse(ticket["uploadUrl"])
    query = parse_qs(url.query)
    assert url.path.endswith(ticket["evidenceKey"])
    assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    assert "content-type" in query["X-Amz-SignedHeaders"][0]
    assert query["X-Amz-Expires"] == ["900"]


@pytest.mark.parametrize("content_type", ["application/pdf", "image/gif", "text/html", ""])
def test_only_photos_and_mp4_videos_may_be_uploaded(api: Api, cases: Cases, content_type: str) -> None:
    reply = api.call(
        "POST", "/v1/after-sales/evidence-uploads", claims=customer(), json_body={"contentType": content_type}
    )
    assert reply.status == 400
    assert reply.json["errors"][0]["field"] == "contentType"


def test_an_uploaded_photo_backs_a_quality_claim(cases: Cases, api: Api) -> None:
    ticket = upload(api)
    put = requests.put(
        ticket["uploadUrl"], data=b"\xff\xd8 jpeg bytes", headers=ticket["headers"], timeout=10
    )
    assert put.status_code == 200
    order = cases.delivered_order()
    case = cases.open(order["orderId"], reason="QUALITY_ISSUE", evidence=[ticket["evidenceKey"]])
    assert case["evidenceKeys"] == [ticket["evidenceKey"]]
    assert case["merchantFault"] is True


def test_a_quality_claim_without_evidence_is_refused(cases: Cases) -> None:
    order = cases.delivered_order()
    reply = cases.open_reply(order["orderId"], reason="DAMAGED_IN_TRANSIT")
    assert reply.status == 422
    assert reply.json["errors"] == [{"field": "evidenceKeys", "message": "evidence required for this reason"}]


def test_another_customers_evidence_is_refused_like_a_key_never_issued(cases: Cases) -> None:
    bobs = put_evidence("cus_bob")
    order = cases.delivered_order()
    foreign = cases.open_reply(order["orderId"], reason="QUALITY_ISSUE", evidence=[bobs])
    never = cases.open_reply(
        order["orderId"], reason="QUALITY_ISSUE", evidence=["evidence/cus_alice/never.jpg"]
    )
    assert foreign.status == never.status == 422
    assert foreign.json == never.json
    assert foreign.json["errors"] == [{"field": "evidenceKeys[0]", "message": "unknown evidence key"}]


def test_oversized_or_mistyped_evidence_is_refused(cases: Cases) -> None:
    order = cases.delivered_order()
    big = put_evidence("cus_alice", "big.jpg", size=get_settings().evidence_max_bytes + 1)
    reply = cases.open_reply(order["orderId"], reason="QUALITY_ISSUE", evidence=[big])
    assert (reply.status, reply.json["errors"]) == (
        422,
        [{"field": "evidenceKeys[0]", "message": "file too large"}],
    )
    html = put_evidence("cus_alice", "page.jpg", content_type="text/html")
    reply = cases.open_reply(order["orderId"], reason="QUALITY_ISSUE", evidence=[html])
    assert (reply.status, reply.json["errors"][0]["message"]) == (422, "unsupported content type")
    assert (
        cases.open_reply(
            order["orderId"], reason="QUALITY_ISSUE", evidence=[put_evidence("cus_alice")]
        ).status
        == 201
    )


def test_staff_get_a_short_lived_link_to_each_photo_of_a_case(cases: Cases, api: Api) -> None:
    ticket = upload(api, "image/png")
    photo = b"\x89PNG\r\n\x1a\n the lid"
    put = requests.put(ticket["uploadUrl"], data=photo, headers=ticket["headers"], timeout=10)
    assert put.status_code == 200
    order = cases.delivered_order()
    case = cases.open(order["orderId"], reason="QUALITY_ISSUE", evidence=[ticket["evidenceKey"]])

    reply = api.call(
        "GET", f"/v1/after-sales/{case['caseId']}/evidence", claims=staff("agent", sub="agent_li")
    )
    assert reply.status == 200, reply.body
    (view,) = reply.json["items"]
    assert view["key"] == ticket["evidenceKey"]
    assert view["expiresAt"] == "2026-11-23T08:10:00.000Z"
    query = parse_qs(urlparse(view["url"]).query)
    assert query["X-Amz-Expires"] == ["600"]
    fetched = requests.get(view["url"], timeout=10)
    assert (fetched.status_code, fetched.content) == (200, photo)
    owner = api.call("GET", f"/v1/after-sales/{case['caseId']}/evidence", claims=customer())
    assert [v["key"] for v in owner.json["items"]] == [ticket["evidenceKey"]]


def test_another_customer_gets_no_links_to_a_cases_photos(cases: Cases, api: Api) -> None:
    order = cases.delivered_order()
    case = cases.open(order["orderId"], reason="NO_REASON")
    reply = api.call("GET", f"/v1/after-sales/{case['caseId']}/evidence", claims=customer("cus_bob"))
    assert reply.status == 404
    mine = api.call("GET", f"/v1/after-sales/{case['caseId']}/evidence", claims=customer())
    assert (mine.status, mine.json) == (200, {"items": []})
