"""The service desk console in a real headless Chromium (Debian's, driven by Playwright)
against the local stack: an agent answers a ticket with a template and approves a case, a
warehouse user receives and inspects a return, a supervisor approves a refund, settles
refunds in manual review three ways and reads the KPI dashboard in both languages. Each
screen is photographed into test-artifacts/console/.

Records are made over the API first, as customers and other staff would make them; the
browser then does the staff member's part, and the API is asked what happened."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import jwt
import pytest
import requests

from infra.local.seed import STEPS, Seeded, photo_png
from infra.template import ROOT, Stack
from tests.e2e.conftest import LocalStackProcess
from tests.e2e.hosted_ui import HostedUi, hosted_ui
from tests.e2e.test_refunds_e2e import money_shows

pytestmark = pytest.mark.e2e

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(ROOT) / "test-artifacts" / "console"
VIEWPORT = {"width": 1440, "height": 900}  # a laptop screen
AGENT = ("staff_sam", "agent")
WAREHOUSE = ("staff_wu", "warehouse")
ADDRESS = {"recipient": "Zhou Min", "phone": "+86 138 0013 8000", "line1": "18 Fuxing Road", "city": "Shanghai",
           "postalCode": "200020", "country": "CN"}  # fmt: skip

if not Path(CHROMIUM).exists():
    pytest.skip("headless Chromium is missing: `make browser` installs it (Debian package chromium)",
                allow_module_level=True)  # fmt: skip

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402


def ok(reply: requests.Response, status: int = 200) -> dict[str, Any]:
    assert reply.status_code == status, reply.text
    return dict(reply.json())


def eventually(read: Callable[[], dict[str, Any]], done: Callable[[dict[str, Any]], bool], seconds: float = 30) -> dict[str, Any]:  # fmt: skip
    deadline = time.monotonic() + seconds
    seen = read()
    while not done(seen):
        assert time.monotonic() < deadline, f"never reached: {seen}"
        time.sleep(0.3)
        seen = read()
    return seen


# ---------------------------------------------------------------- records made over the API
def new_customer() -> tuple[str, str]:
    return (f"cus_desk_{uuid.uuid4().hex[:8]}", "customer")


def paid_order(
    stack: LocalStackProcess, customer: tuple[str, str], unit_price: int = 12900
) -> dict[str, Any]:
    body = {"items": [{"sku": "KTL-1", "name": "Kettle", "category": "appliances", "quantity": 2, "unitPrice": unit_price}],
            "currency": "CNY", "shippingFee": 1000, "discount": 0, "shippingAddress": ADDRESS, "paymentMethod": "ALIPAY"}  # fmt: skip
    order = ok(stack.post("/v1/orders", as_=customer, json_body=body), 201)
    payment = {
        "amount": order["total"],
        "method": "BANK_TRANSFER",
        "transactionId": f"bank-{order['orderId']}",
    }
    return ok(stack.post(f"/v1/admin/orders/{order['orderId']}/payment", as_=AGENT, json_body=payment))


def delivered_order(stack: LocalStackProcess, customer: tuple[str, str]) -> dict[str, Any]:
    order_id = paid_order(stack, customer)["orderId"]
    ok(stack.post(f"/v1/admin/orders/{order_id}/confirm", as_=AGENT))
    ok(stack.post(f"/v1/admin/orders/{order_id}/pack", as_=WAREHOUSE))
    parcel = {"carrier": "sf-express", "trackingNumber": f"SF{uuid.uuid4().hex[:12].upper()}"}
    ok(stack.post(f"/v1/admin/orders/{order_id}/ship", as_=WAREHOUSE, json_body=parcel))
    return ok(stack.post(f"/v1/orders/{order_id}/confirm-receipt", as_=customer))


def open_case(
    stack: LocalStackProcess, customer: tuple[str, str], order: dict[str, Any], kind: str = "RETURN_REFUND"
) -> dict[str, Any]:
    upload = ok(
        stack.post("/v1/after-sales/evidence-uploads", as_=customer, json_body={"contentType": "image/png"}),
        201,
    )
    put = requests.put(upload["uploadUrl"], data=photo_png(), headers=upload["headers"], timeout=10)
    assert put.status_code == 200, put.text
    body = {"orderId": order["orderId"], "type": kind, "reason": "QUALITY_ISSUE",
            "items": [{"sku": "KTL-1", "quantity": 1}], "description": "The lid does not close.",
            "evidenceKeys": [upload["evidenceKey"]]}  # fmt: skip
    return ok(stack.post("/v1/after-sales", as_=customer, json_body=body), 201)


def case_of(stack: LocalStackProcess, case_id: str) -> dict[str, Any]:
    return ok(stack.get(f"/v1/after-sales/{case_id}", as_=AGENT))


# ---------------------------------------------------------------- the browser
@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        yield launched
        launched.close()


class Desk:
    """One staff member's browser tab on the console."""

    def __init__(self, page: Page, stack: LocalStackProcess) -> None:
        self.page = page
        self.stack = stack
        self.errors: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, hash_: str = "") -> None:
        self.page.goto(self.stack.url(f"/console/{hash_}"))

    def sign_in(self, sub: str) -> None:
        self.open()
        self.page.click(f"button.staff[data-sub='{sub}']")
        expect(self.page.locator("#who")).to_be_visible()

    def nav(self) -> list[str]:
        return [link.get_attribute("id") or "" for link in self.page.locator(".sidebar a").all()]

    def row(self, item_id: str) -> Any:
        return self.page.locator(f".queue [data-row][data-id='{item_id}']")

    def toast(self, text: str) -> None:
        expect(self.page.locator("#toast")).to_have_text(text)

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        target = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 20_000, f"{name}: the screenshot looks blank"
        return target

    def untranslated(self) -> list[str]:
        return list(self.page.evaluate("window.__missingTranslations"))


@pytest.fixture
def desk(browser: Browser, local_stack: LocalStackProcess) -> Iterator[Desk]:
    context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
    desk = Desk(context.new_page(), local_stack)
    yield desk
    context.close()
    assert desk.errors == [], desk.errors


# ---------------------------------------------------------------- the three people
def test_an_agent_answers_a_ticket_with_a_template_and_approves_a_case(
    desk: Desk, local_stack: LocalStackProcess
) -> None:
    stack, page = local_stack, desk.page
    customer = new_customer()
    order = delivered_order(stack, customer)
    subject = f"Parcel {uuid.uuid4().hex[:6]}: the courier tracking has not moved"
    ticket = ok(stack.post("/v1/tickets", as_=customer, json_body={
        "channel": "app", "subject": subject, "message": "Where is my kettle? The tracking has not moved.",
        "orderId": order["orderId"]}), 201)  # fmt: skip
    agent = ticket["assignee"]
    assert agent, ticket
    kase = open_case(stack, customer, order)

    desk.open()
    expect(page.locator(".staff-list button.staff")).not_to_have_count(0)
    desk.shot("01-sign-in")
    desk.sign_in(agent)
    assert desk.nav() == ["nav-tickets", "nav-cases", "nav-orders"]  # no refunds, no KPIs

    # the queue, by SLA due time: the agent's open work in any status, then in the ticket's own
    # (an agent holds at most maxLoad open tickets, so one page shows them all)
    desk.open(f"#/tickets?assignee={agent}")
    expect(page.locator("#ticket-status")).to_have_value("")
    expect(desk.row(ticket["ticketId"])).to_be_visible()
    desk.open(f"#/tickets?status={ticket['status']}&assignee={agent}")
    row = desk.row(ticket["ticketId"])
    expect(row).to_contain_text(subject)
    expect(row).to_contain_text("Due in")
    desk.shot("02-ticket-queue")
    row.click()
    expect(page.locator("#ticket-subject")).to_have_text(subject)
    expect(page.locator(f"#customer-history a[href='#/orders/{order['orderId']}']")).to_have_count(1)

    # a template: its placeholders filled from the ticket and its order, the preview shown
    page.select_option("#reply-template", "logistics-check-en")
    expect(page.locator("input[data-placeholder='orderId']")).to_have_value(order["orderId"])
    expect(page.locator("input[data-placeholder='customerName']")).to_have_value("Zhou Min")
    expect(page.locator("#reply-preview")).to_contain_text(
        f"Hello Zhou Min, we have asked the courier to check on order {order['orderId']}"
    )
    desk.shot("03-ticket-reply")
    page.click("#reply-form button[type=submit]")
    desk.toast("Reply sent")
    answered = ok(stack.get(f"/v1/tickets/{ticket['ticketId']}", as_=customer))
    last = answered["messages"][-1]
    assert (last["authorId"], last["templateId"]) == (agent, "logistics-check-en")
    assert last["body"].startswith(
        f"Hello Zhou Min, we have asked the courier to check on order {order['orderId']}"
    )
    assert answered["firstRespondedAt"] is not None
    expect(page.locator("#thread")).to_contain_text("we have asked the courier")

    # the case: items, the evidence photo through its presigned GET, then approved
    page.click("#nav-cases")
    expect(page.locator("#case-status")).to_have_value("REQUESTED")
    desk.row(kase["caseId"]).click()
    photo = page.locator("#evidence img")
    expect(photo).to_have_count(1)
    photo.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const i = document.querySelector('#evidence img'); return i && i.complete && i.naturalWidth > 0; }"
    )
    assert page.evaluate("document.querySelector('#evidence img').naturalWidth") == 96  # the PNG itself
    expect(page.locator("#case-detail")).to_contain_text("The lid does not close.")
    desk.shot("04-case-detail")
    page.click("#approve-form button[type=submit]")
    desk.toast("Case approved")
    assert case_of(stack, kase["caseId"])["status"] == "AWAITING_RETURN"
    assert desk.untranslated() == []


def test_a_failed_action_shows_the_apis_problem_detail_and_keeps_the_screen(
    desk: Desk, local_stack: LocalStackProcess
) -> None:
    stack, page = local_stack, desk.page
    customer = new_customer()
    kase = open_case(stack, customer, delivered_order(stack, customer))
    desk.sign_in("agent_wang")
    desk.open(f"#/cases/{kase['caseId']}?status=REQUESTED")
    expect(page.locator("#reject-form")).to_be_visible()
    ok(stack.post(f"/v1/admin/after-sales/{kase['caseId']}/approve", as_=AGENT))  # a colleague was quicker

    page.fill("#reject-form input[name=reason]", "photos unclear")
    page.click("#reject-form button[type=submit]")
    problem = page.locator("#problem")
    expect(problem).to_be_visible()
    refused = stack.post(
        f"/v1/admin/after-sales/{kase['caseId']}/reject", as_=AGENT, json_body={"reason": "again"}
    )
    assert refused.status_code == 409
    expect(problem).to_contain_text("409")
    expect(problem).to_contain_text(refused.json()["detail"])
    expect(page.locator("#case-title")).to_be_visible()  # the case is still on screen, not a blank page
    desk.shot("05-problem-detail")


def test_a_warehouse_user_receives_and_inspects_a_return(desk: Desk, local_stack: LocalStackProcess) -> None:
    stack, page = local_stack, desk.page
    customer = new_customer()
    kase = open_case(stack, customer, delivered_order(stack, customer))
    ok(stack.post(f"/v1/admin/after-sales/{kase['caseId']}/approve", as_=AGENT))
    parcel = {"carrier": "sf-express", "trackingNumber": f"SFR{uuid.uuid4().hex[:10].upper()}"}
    ok(stack.post(f"/v1/after-sales/{kase['caseId']}/return-shipment", as_=customer, json_body=parcel))

    desk.sign_in("staff_wu")
    assert desk.nav() == ["nav-cases", "nav-orders"]
    page.click("#nav-orders")
    page.keyboard.press("Alt+1")  # keyboard only: back to the first screen, filter, move, open
    expect(page.locator("#nav-cases")).to_have_attribute("aria-current", "page")
    page.select_option("#case-status", "RETURN_IN_TRANSIT")
    expect(desk.row(kase["caseId"])).to_be_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("/")
    page.keyboard.type(kase["caseId"])
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    expect(desk.row(kase["caseId"])).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#case-detail")).to_contain_text(parcel["trackingNumber"])
    expect(page.locator("#approve-form")).to_have_count(0)  # reviewing is not the warehouse's work
    page.click("#receive-form button[type=submit]")
    desk.toast("Return received")
    assert case_of(stack, kase["caseId"])["status"] == "RECEIVED"

    page.select_option("#inspect-form select[name=result]", "PASS")
    page.fill("#inspect-form textarea[name=notes]", "hinge cracked, as the photo shows")
    desk.shot("06-warehouse-inspect")
    page.click("#inspect-form button[type=submit]")
    desk.toast("Inspection recorded")
    inspected = case_of(stack, kase["caseId"])
    assert inspected["inspection"]["result"] == "PASS"
    assert inspected["inspection"]["by"] == "staff_wu"
    assert inspected["status"] in {"REFUNDING", "REFUNDED"}
    # what the console hides, the API refuses
    assert (
        stack.post(
            f"/v1/admin/after-sales/{kase['caseId']}/approve", as_=("staff_wu", "warehouse")
        ).status_code
        == 403
    )
    assert stack.get("/v1/admin/analytics/kpis", as_=("staff_wu", "warehouse")).status_code == 403


def test_a_supervisor_approves_a_refund_and_reads_the_kpis_in_both_languages(
    desk: Desk, local_stack: LocalStackProcess
) -> None:
    stack, page = local_stack, desk.page
    customer = new_customer()
    order = paid_order(stack, customer, unit_price=80000)  # above the approval threshold
    ok(
        stack.post(
            f"/v1/orders/{order['orderId']}/cancel", as_=customer, json_body={"reason": "found it cheaper"}
        )
    )

    def refunds() -> dict[str, Any]:
        return ok(stack.get(f"/v1/orders/{order['orderId']}/refunds", as_=customer))

    waiting = eventually(
        refunds, lambda r: bool(r["items"]) and r["items"][0]["status"] == "AWAITING_APPROVAL"
    )
    refund_id = waiting["items"][0]["refundId"]

    desk.sign_in("sup_zhao")
    assert desk.nav() == ["nav-tickets", "nav-cases", "nav-refunds", "nav-orders", "nav-kpis"]
    page.click("#nav-refunds")
    desk.row(refund_id).click()
    expect(page.locator("#refund-detail")).to_contain_text("CN¥1,610.00")  # 2 × 800.00 + 10.00 shipping
    desk.shot("07-refund-approval")
    page.fill("#refund-approve input[name=note]", "customer cancelled before packing")
    page.click("#refund-approve button[type=submit]")
    desk.toast("Refund approved")
    paid = eventually(
        refunds, lambda r: r["items"][0]["status"] in {"SUCCEEDED", "REJECTED", "MANUAL_REVIEW"}
    )
    assert paid["items"][0]["status"] == "SUCCEEDED"

    # the order lookup: the order's timeline and its refund
    page.click("#nav-orders")
    page.fill("#order-lookup", order["orderId"])
    page.press("#order-lookup", "Enter")
    expect(page.locator("#order-detail")).to_contain_text(refund_id)
    expect(page.locator("#order-detail .timeline")).to_contain_text("Cancelled")
    desk.shot("08-order-lookup")

    # the KPI dashboard for a chosen range: the API's figures, the report's charts
    today = date.fromisoformat(stack.now()[:10])
    first = today - timedelta(days=6)
    page.click("#nav-kpis")
    page.fill("#kpi-from", first.isoformat())
    page.fill("#kpi-to", today.isoformat())
    page.click("#kpi-show")
    expect(page.locator("#kpi-body svg.chart")).to_have_count(5)
    ok(stack.post("/_local/settle"))
    shown = ok(stack.get("/v1/admin/analytics/kpis", as_=("sup_zhao", "supervisor"),
                         params={"from": first.isoformat(), "to": today.isoformat()}))  # fmt: skip
    page.reload()
    expect(page.locator("[data-kpi=orders] .kpi-value")).to_have_text(f"{shown['orders']['placed']:,}")
    expect(page.locator("#kpi-body")).to_contain_text(f"{first.isoformat()} – {today.isoformat()}")
    desk.shot("09-kpis")

    page.select_option("#language", "zh")
    expect(page.locator("#nav-kpis")).to_have_text("指标")
    expect(page.locator("#kpi-body svg.chart").first).to_contain_text("每日订单")
    desk.shot("10-kpis-zh")
    page.click("#nav-tickets")
    expect(page.locator("#ticket-status")).to_be_visible()
    desk.shot("11-tickets-zh")
    assert desk.untranslated() == []


def test_a_new_user_finds_the_seeded_queues_full_of_work_for_every_role(
    desk: Desk, local_stack: LocalStackProcess
) -> None:
    stack, page = local_stack, desk.page
    seeded = Seeded()
    for step in STEPS:  # what `make dev` (--seed) loads
        step(stack, seeded)
    review, returning, disputed = re.findall(r"as_[0-9A-Z]{26}", seeded.extra["cases"])
    (order_id,) = re.findall(r"ord_[0-9A-Z]{26}", seeded.extra["refund"])
    mine = ok(stack.get("/v1/tickets", as_=("cus_carol", "customer"), params={"limit": 100}))["items"]
    parcel = next(t for t in mine if t["subject"] == "Where is my parcel?")

    desk.sign_in(parcel["assignee"])
    desk.open(f"#/tickets?status={parcel['status']}&assignee={parcel['assignee']}")
    expect(desk.row(parcel["ticketId"])).to_be_visible()
    desk.open("#/cases?status=REQUESTED")
    expect(desk.row(review)).to_be_visible()
    page.click("#sign-out")

    desk.sign_in("staff_wu")
    desk.open("#/cases?status=RETURN_IN_TRANSIT")
    expect(desk.row(returning)).to_be_visible()
    page.click("#sign-out")

    def refunds() -> dict[str, Any]:
        return ok(stack.get(f"/v1/orders/{order_id}/refunds", as_=("cus_alice", "customer")))

    refund = eventually(
        refunds, lambda r: bool(r["items"]) and r["items"][0]["status"] == "AWAITING_APPROVAL"
    )
    desk.sign_in("sup_morgan")
    desk.open("#/cases?status=DISPUTED")
    expect(desk.row(disputed)).to_be_visible()
    page.click("#nav-refunds")
    expect(desk.row(refund["items"][0]["refundId"])).to_contain_text("CN¥6,509.00")


def test_an_agent_raises_and_resolves_an_order_exception_from_the_lookup(
    desk: Desk, local_stack: LocalStackProcess
) -> None:
    stack, page = local_stack, desk.page
    customer = new_customer()
    order = paid_order(stack, customer)
    desk.sign_in("agent_james")
    desk.open(f"#/orders?customer={customer[0]}")
    desk.row(order["orderId"]).click()
    page.select_option("#raise-exception select[name=kind]", "OUT_OF_STOCK")
    page.fill("#raise-exception input[name=note]", "the warehouse has no kettles left")
    page.fill("#raise-exception input[name=proposal]", "ship the steel model at the same price")
    page.click("#raise-exception button[type=submit]")
    desk.toast("Exception raised")
    raised = ok(stack.get(f"/v1/orders/{order['orderId']}", as_=customer))["exception"]
    assert (raised["kind"], raised["raisedBy"]) == ("OUT_OF_STOCK", "agent_james")
    expect(page.locator("#order-detail")).to_contain_text("ship the steel model at the same price")

    page.fill("#resolve-exception input[name=resolution]", "customer accepted the steel model")
    page.click("#resolve-exception button[type=submit]")
    desk.toast("Exception resolved")
    assert ok(stack.get(f"/v1/orders/{order['orderId']}", as_=customer)).get("exception") is None
    expect(page.locator("#raise-exception")).to_be_visible()


def test_on_aws_staff_sign_in_on_the_hosted_ui_with_pkce_and_the_api_takes_its_token(
    desk: Desk, local_stack: LocalStackProcess
) -> None:
    stack, page = local_stack, desk.page
    issuer = jwt.decode(stack.token("anyone", "agent"), options={"verify_signature": False})["iss"]
    client_id = Stack(parameters={"WebhookSecret": "x" * 16, "CursorSecret": "x" * 16}).physical_name(
        "ConsoleUserPoolClient"
    )  # its Ref, locally
    users = {"morgan@example.com": ["supervisor"]}
    ui = HostedUi(
        client_id=client_id, issuer=issuer, secret=stack.jwt_secret, now=stack.now_epoch, users=users
    )
    with hosted_ui(ui):
        console = stack.url("/console/")
        config = {"apiBase": stack.base_url, "auth": {"mode": "cognito", "domain": ui.url, "clientId": client_id,
                  "redirectUri": console, "logoutUri": console, "scopes": ["openid", "email", "profile"]}}  # fmt: skip
        page.route("**/console/config.json", lambda route: route.fulfill(json=config))  # as deployed
        page.goto(console)
        expect(page.locator(".staff-list")).to_have_count(0)  # no list of people on AWS
        page.click("#sign-in-hosted")
        page.fill("#username", "morgan@example.com")
        page.fill("#password", "correct horse battery staple")
        page.click("#signin")
        expect(page.locator("#who")).to_have_text("morgan@example.com")
        assert desk.nav() == ["nav-tickets", "nav-cases", "nav-refunds", "nav-orders", "nav-kpis"]
        assert "code=" not in page.url and "state=" not in page.url
        (exchange,) = ui.exchanges
        assert exchange["grant_type"] == "authorization_code" and len(exchange["code_verifier"]) >= 43

        page.click("#nav-kpis")  # the API accepts the hosted UI's access token (client_id, groups)
        expect(page.locator("#kpi-body svg.chart")).to_have_count(5)
        expect(page.locator("#problem")).to_be_hidden()

        page.click("#sign-out")
        expect(page.locator("#sign-in-hosted")).to_be_visible()


# What the console offers each role (console/js/roles.js, read in the browser) against what
# the API does when that role asks: the console never offers what the API refuses.
MISSING_CASE, MISSING_ORDER = "as_01M8S0000000000000000000ZZ", "ord_01M8S0000000000000000000ZZ"
ACTIONS = {
    "case.approve": (f"/v1/admin/after-sales/{MISSING_CASE}/approve", {}),
    "case.reject": (f"/v1/admin/after-sales/{MISSING_CASE}/reject", {"reason": "no"}),
    "case.receive": (f"/v1/admin/after-sales/{MISSING_CASE}/receive", {}),
    "case.inspect": (f"/v1/admin/after-sales/{MISSING_CASE}/inspect", {"result": "PASS"}),
    "case.repair": (f"/v1/admin/after-sales/{MISSING_CASE}/repair-progress", {"stage": "DIAGNOSING"}),
    "case.resolveDispute": (f"/v1/admin/after-sales/{MISSING_CASE}/resolve-dispute",
                            {"decision": "FOR_CUSTOMER", "note": "n"}),
    "refund.decide": ("/v1/admin/refunds/rf_01M8S0000000000000000000ZZ/approve", {}),
    "refund.settle": ("/v1/admin/refunds/rf_01M8S0000000000000000000ZZ/retry-payout", {}),
    "order.raiseException": (f"/v1/admin/orders/{MISSING_ORDER}/exception",
                             {"kind": "OUT_OF_STOCK", "note": "n", "proposal": "p"}),
    "order.resolveException": (f"/v1/admin/orders/{MISSING_ORDER}/exception/resolve", {"resolution": "r"}),
    "ticket.work": ("/v1/admin/tickets/tk_01M8S0000000000000000000ZZ/reply", {"message": "hello"}),
}  # fmt: skip
SCREENS = {
    "tickets": "/v1/admin/tickets",
    "cases": "/v1/admin/after-sales",
    "refunds": "/v1/admin/refunds",
    "orders": f"/v1/orders/{MISSING_ORDER}",
    "kpis": "/v1/admin/analytics/kpis?from=2026-01-01&to=2026-01-02",
}
ROLES = ["agent", "warehouse", "supervisor"]


@pytest.fixture(scope="module")
def roles_module(browser: Browser, local_stack: LocalStackProcess) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(local_stack.url("/console/"))
    page.evaluate("async () => { window.roles = await import('./js/roles.js'); }")
    yield page
    context.close()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_the_console_never_offers_an_action_the_api_refuses(
    roles_module: Page, local_stack: LocalStackProcess, action: str, role: str
) -> None:
    offered = roles_module.evaluate("([roles, action]) => window.roles.may(roles, action)", [[role], action])
    path, body = ACTIONS[action]
    status = local_stack.post(path, as_=(f"staff_{role}", role), json_body=body).status_code
    assert status in {403, 404, 409, 422}, status
    if offered:
        assert status != 403, f"the console offers {action} to {role}, the API refuses it"
    if (action.startswith("case.") or action == "refund.settle") and status != 403:
        assert offered, f"the API lets {role} {action}: the console should offer it"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_the_console_shows_a_role_only_screens_the_api_answers(
    roles_module: Page, local_stack: LocalStackProcess, screen: str, role: str
) -> None:
    shown = screen in roles_module.evaluate("(roles) => window.roles.screensFor(roles)", [role])
    status = local_stack.get(SCREENS[screen], as_=(f"staff_{role}", role)).status_code
    if shown:
        assert status in {200, 404}, f"{role} sees the {screen} screen, the API answers {status}"
    if screen == "kpis":
        assert shown is (status == 200)


def test_an_agent_escalates_waits_on_the_customer_and_solves_a_ticket(
    desk: Desk, local_stack: LocalStackProcess
) -> None:
    stack, page = local_stack, desk.page
    customer = new_customer()
    ticket = ok(stack.post("/v1/tickets", as_=customer, json_body={
        "channel": "web", "subject": "Invoice", "message": "Can I get a VAT invoice for my order?"}), 201)  # fmt: skip
    agent = ticket["assignee"]
    desk.sign_in(agent)
    desk.open(f"#/tickets/{ticket['ticketId']}?assignee={agent}")

    before = ticket["priority"]
    page.fill("#escalate-form input[name=reason]", "the customer needs it today")
    page.click("#escalate-form button[type=submit]")
    desk.toast("Ticket escalated")
    escalated = ok(stack.get(f"/v1/tickets/{ticket['ticketId']}", as_=customer))
    assert escalated["escalations"] == 1 and escalated["priority"] != before

    page.fill("#pending-form input[name=message]", "Which company name should the invoice carry?")
    page.click("#pending-form button[type=submit]")
    desk.toast("Waiting on the customer")
    pending = ok(stack.get(f"/v1/tickets/{ticket['ticketId']}", as_=customer))
    assert pending["status"] == "PENDING" and pending["pausedAt"] is not None
    assert pending["messages"][-1]["body"] == "Which company name should the invoice carry?"

    page.fill("#solve-form input[name=resolution]", "invoice sent by e-mail")
    page.click("#solve-form button[type=submit]")
    desk.toast("Ticket solved")
    solved = ok(stack.get(f"/v1/tickets/{ticket['ticketId']}", as_=customer))
    assert (solved["status"], solved["resolution"]["note"]) == ("SOLVED", "invoice sent by e-mail")
    expect(page.locator("#reply-form")).to_have_count(0)  # a solved ticket takes no more work here


def test_a_supervisor_decides_a_disputed_rejection_for_the_customer(
    desk: Desk, local_stack: LocalStackProcess
) -> None:
    stack, page = local_stack, desk.page
    customer = new_customer()
    kase = open_case(stack, customer, delivered_order(stack, customer))
    ok(
        stack.post(
            f"/v1/admin/after-sales/{kase['caseId']}/reject", as_=AGENT, json_body={"reason": "looks fine"}
        )
    )
    appeal = {"reason": "the lid is cracked, see the photo"}
    ok(stack.post(f"/v1/after-sales/{kase['caseId']}/appeal", as_=customer, json_body=appeal))

    desk.sign_in("sup_morgan")
    page.click("#nav-cases")
    expect(page.locator("#case-status")).to_have_value("DISPUTED")
    desk.row(kase["caseId"]).click()
    expect(page.locator("#case-detail")).to_contain_text("the lid is cracked, see the photo")
    page.select_option("#dispute-form select[name=decision]", "FOR_CUSTOMER")
    page.fill("#dispute-form input[name=note]", "the photo shows the crack")
    page.click("#dispute-form button[type=submit]")
    desk.toast("Dispute resolved")
    decided = case_of(stack, kase["caseId"])
    assert decided["dispute"]["decision"] == "FOR_CUSTOMER"
    assert decided["dispute"]["decidedBy"] == "sup_morgan"
    assert decided["status"] != "DISPUTED"
    # an agent may not decide disputes: the console offers no form, the API refuses
    assert stack.post(f"/v1/admin/after-sales/{kase['caseId']}/resolve-dispute", as_=AGENT,
                      json_body={"decision": "FOR_MERCHANT", "note": "n"}).status_code == 403  # fmt: skip


def test_the_warehouse_records_a_repairs_progress_until_it_ships_back(
    desk: Desk, local_stack: LocalStackProcess
) -> None:
    stack, page = local_stack, desk.page
    customer = new_customer()
    kase = open_case(stack, customer, delivered_order(stack, customer), kind="REPAIR")
    ok(stack.post(f"/v1/admin/after-sales/{kase['caseId']}/approve", as_=AGENT))
    parcel = {"carrier": "sf-express", "trackingNumber": f"SFR{uuid.uuid4().hex[:10].upper()}"}
    ok(stack.post(f"/v1/after-sales/{kase['caseId']}/return-shipment", as_=customer, json_body=parcel))
    ok(stack.post(f"/v1/admin/after-sales/{kase['caseId']}/receive", as_=WAREHOUSE))
    ok(
        stack.post(
            f"/v1/admin/after-sales/{kase['caseId']}/inspect", as_=WAREHOUSE, json_body={"result": "PASS"}
        )
    )
    assert case_of(stack, kase["caseId"])["status"] == "REPAIRING"

    desk.sign_in("staff_wu")
    desk.open(f"#/cases/{kase['caseId']}?status=REPAIRING")
    page.select_option("#repair-form select[name=stage]", "DIAGNOSING")
    page.fill("#repair-form input[name=note]", "heating element burnt out")
    page.click("#repair-form button[type=submit]")
    desk.toast("Repair stage recorded")
    assert case_of(stack, kase["caseId"])["repair"]["stage"] == "DIAGNOSING"
    expect(page.locator("#case-detail .timeline")).to_contain_text("heating element burnt out")  # reloaded

    back = f"SFB{uuid.uuid4().hex[:10].upper()}"
    page.select_option("#repair-form select[name=stage]", "SHIPPED_BACK")
    page.fill("#repair-form input[name=trackingNumber]", back)
    page.click("#repair-form button[type=submit]")
    expect(page.locator("#case-detail .chips")).to_contain_text("Repair shipped")
    shipped = case_of(stack, kase["caseId"])
    assert shipped["status"] == "REPAIR_SHIPPED"
    assert [s["stage"] for s in shipped["repair"]["stages"]][-2:] == ["DIAGNOSING", "SHIPPED_BACK"]


# ---------------------------------------------------------------- manual review, settled in the console
SUPERVISOR = ("sup_zhao", "supervisor")


def sandbox(stack: LocalStackProcess, order: dict[str, Any], scenario: str) -> None:
    ok(stack.post("/_local/payments/sandbox", json_body={"orderId": order["orderId"], "scenario": scenario}))


def in_manual_review(stack: LocalStackProcess, customer: tuple[str, str]) -> dict[str, Any]:
    """A paid order whose refund the sandbox provider refuses for good, cancelled: the
    workflow compensates and hands the refund to people (MANUAL_REVIEW)."""
    order = paid_order(stack, customer)
    sandbox(stack, order, "fail-permanently")
    cancel = {"reason": "changed my mind"}
    ok(stack.post(f"/v1/orders/{order['orderId']}/cancel", as_=customer, json_body=cancel))
    return order


def refund_of(
    stack: LocalStackProcess, order: dict[str, Any], until: set[str], seconds: float = 60
) -> dict[str, Any]:
    customer = (order["customerId"], "customer")
    listed = eventually(lambda: ok(stack.get(f"/v1/orders/{order['orderId']}/refunds", as_=customer)),
                        lambda r: bool(r["items"]) and r["items"][0]["status"] in until, seconds)  # fmt: skip
    assert len(listed["items"]) == 1
    return dict(listed["items"][0])


def test_a_supervisor_settles_manual_reviews_three_ways_and_sees_a_refused_one(
    desk: Desk, local_stack: LocalStackProcess
) -> None:
    stack, page = local_stack, desk.page
    # Four at once, so their workflows fail in parallel: retried, refunded outside, rejected,
    # and one a colleague settles while it is still on screen.
    retried, outside, rejected, stale = [in_manual_review(stack, new_customer()) for _ in range(4)]
    reviews = [refund_of(stack, order, {"MANUAL_REVIEW", "SUCCEEDED", "REJECTED"}) for order in (retried, outside, rejected, stale)]  # fmt: skip
    assert [r["status"] for r in reviews] == ["MANUAL_REVIEW"] * 4
    ids = [r["refundId"] for r in reviews]

    desk.sign_in("sup_zhao")
    page.click("#nav-refunds")
    page.select_option("#refund-status", "MANUAL_REVIEW")
    desk.row(ids[0]).click()
    # the failed pay-out's technical cause, which staff settle by (customers never see it)
    expect(page.locator("#refund-steps")).to_contain_text("Cause: PermanentPaymentError")
    expect(page.locator("#refund-settle form")).to_have_count(3)
    desk.shot("12-refund-manual-review")

    # 1. retry the pay-out, once the provider would pay
    sandbox(stack, retried, "succeed")
    page.fill("#settle-retry input[name=note]", "card replaced")
    page.click("#settle-retry button[type=submit]")
    expect(page.locator("#toast")).to_contain_text("Pay-out retried")
    done = refund_of(stack, retried, {"SUCCEEDED"})
    assert [e["actor"] for e in done["timeline"] if e["to"] == "PROCESSING"][-1] == "sup_zhao"
    money_shows(stack, retried, (retried["total"], 0))
    expect(page.locator("#refund-settle")).to_have_count(0)  # shown again, no longer in review
    page.get_by_role("button", name="Refresh").click()
    expect(page.locator("#refund-state")).to_have_attribute("data-status", "SUCCEEDED")
    expect(page.locator("#refund-steps")).to_contain_text("Retry · requested")

    # 2. refunded outside Aftercare, with its reference
    desk.row(ids[1]).click()
    page.fill("#settle-outside input[name=reference]", "bank-return-88")
    page.fill("#settle-outside input[name=note]", "returned by bank transfer")
    page.click("#settle-outside button[type=submit]")
    desk.toast("Recorded as refunded outside · Succeeded")
    expect(page.locator("#refund-state")).to_have_attribute("data-status", "SUCCEEDED")
    expect(page.locator("#refund-steps")).to_contain_text("bank-return-88")
    paid = refund_of(stack, outside, {"SUCCEEDED"}, seconds=1)
    assert paid["timeline"][-1]["actor"] == "sup_zhao"
    money_shows(stack, outside, (outside["total"], 0))
    desk.shot("13-refund-refunded-outside")

    # 3. rejected with a reason: nothing paid, the reservation released
    desk.row(ids[2]).click()
    page.fill("#settle-reject input[name=reason]", "duplicate claim")
    page.click("#settle-reject button[type=submit]")
    desk.toast("Refund rejected · Rejected")
    expect(page.locator("#refund-state")).to_have_attribute("data-status", "REJECTED")
    refused = refund_of(stack, rejected, {"REJECTED"}, seconds=1)
    assert refused["timeline"][-1]["actor"] == "sup_zhao"
    assert refused["timeline"][-1]["note"] == "duplicate claim"
    money_shows(stack, rejected, (0, 0))

    # in Chinese, then a colleague settles the last one first: the API's problem detail shows
    page.select_option("#language", "zh")
    desk.row(ids[3]).click()
    expect(page.locator("#settle-retry")).to_contain_text("重新打款")
    expect(page.locator("#refund-steps")).to_contain_text("原因: PermanentPaymentError")
    expect(page.locator("#refund-steps")).to_contain_text(
        "人工"
    )  # the plain reason follows the console's language
    colleague = {"note": "settled by phone"}
    ok(stack.post(f"/v1/admin/refunds/{ids[3]}/reject", as_=SUPERVISOR, json_body=colleague))
    expect(page.locator("#toast")).to_be_hidden()  # the last action's toast, out of the picture
    page.click("#settle-retry button[type=submit]")
    problem = page.locator("#problem")
    expect(problem).to_be_visible()
    again = stack.post(f"/v1/admin/refunds/{ids[3]}/retry-payout", as_=SUPERVISOR)
    assert again.status_code == 409
    expect(problem).to_contain_text("409")
    expect(problem).to_contain_text(again.json()["detail"])
    expect(page.locator("#refund-settle")).to_be_visible()  # the screen stays as it was
    assert refund_of(stack, stale, {"REJECTED"}, seconds=1)["status"] == "REJECTED"
    desk.shot("14-refund-settle-refused-zh")
    assert desk.untranslated() == []
