"""The console's static files at /console/ on the local gateway, as CloudFront serves them
from the console bucket, with the local config.json that signs in as the seeded staff."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from werkzeug.test import Client
from werkzeug.wrappers import Request

from infra.local.console import CONSOLE_DIR, ConsoleSite, local_config, resolve
from infra.local.gateway import Gateway
from infra.local.stack import LocalStack


def site_client(root: Path = CONSOLE_DIR) -> Client:
    site = ConsoleSite(root)

    def app(environ, start_response):  # type: ignore[no-untyped-def]
        return site(Request(environ))(environ, start_response)

    return Client(app, use_cookies=False)


def test_the_gateway_serves_the_console_beside_the_api(local: LocalStack) -> None:
    client = Client(Gateway(local), use_cookies=False)
    page = client.get("/console/")
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert b'<script type="module" src="js/main.js">' in page.get_data()
    assert client.get("/console").headers["location"] == "/console/"
    assert client.get("/console/js/main.js").headers["content-type"] == "text/javascript; charset=utf-8"
    assert client.get("/_local").get_json()["console"].endswith("/console/")


@pytest.mark.parametrize(
    ("path", "status", "kind"),
    [
        ("/console/index.html", 200, "text/html; charset=utf-8"),
        ("/console/css/console.css", 200, "text/css; charset=utf-8"),
        ("/console/js/screens/tickets.js", 200, "text/javascript; charset=utf-8"),
        ("/console/favicon.svg", 200, "image/svg+xml"),
        ("/console/nothing.js", 404, "text/plain; charset=utf-8"),
        ("/console/../pyproject.toml", 404, "text/plain; charset=utf-8"),
        ("/console/%2e%2e/pyproject.toml", 404, "text/plain; charset=utf-8"),
    ],
)
def test_files_are_served_with_their_types_and_nothing_outside_the_folder(
    path: str, status: int, kind: str
) -> None:
    reply = site_client().get(path)
    assert (reply.status_code, reply.headers["content-type"]) == (status, kind)


def test_the_console_is_read_only() -> None:
    assert site_client().post("/console/index.html").status_code == 405


def test_a_path_never_resolves_outside_the_folder_or_to_a_dotfile(tmp_path: Path) -> None:
    (tmp_path / "console").mkdir()
    (tmp_path / "console" / "index.html").write_text("<p>hi</p>")
    (tmp_path / "console" / ".env").write_text("SECRET=1")
    (tmp_path / "secret.txt").write_text("no")
    root = tmp_path / "console"
    assert resolve(root, "") == root / "index.html"
    assert resolve(root, "index.html") == root / "index.html"
    assert resolve(root, ".env") is None
    assert resolve(root, "../secret.txt") is None
    assert resolve(root, "missing.html") is None


def test_the_local_config_signs_in_through_the_token_endpoint_as_every_seeded_staff_member() -> None:
    config = local_config()
    assert config["apiBase"] == ""
    assert config["auth"]["mode"] == "local"
    assert config["auth"]["tokenUrl"] == "/_local/token"
    staff = {member["sub"]: member for member in config["auth"]["staff"]}
    assert staff["agent_li"] == {"sub": "agent_li", "name": "Li Na", "roles": ["agent"]}
    assert staff["sup_zhao"]["roles"] == ["supervisor"]
    assert staff["staff_wu"]["roles"] == ["warehouse"]
    assert staff["staff_sue"]["roles"] == ["supervisor", "agent"]
    assert [m["roles"][0] for m in config["auth"]["staff"]][:1] == ["agent"]  # agents first, supervisors last
    reply = site_client().get("/console/config.json")
    assert reply.headers["cache-control"] == "no-store"
    assert json.loads(reply.get_data()) == config


def test_nothing_is_fetched_from_elsewhere_at_run_time() -> None:
    """No CDN: every script, style and module the console loads is one of its own files."""
    files = [p for p in CONSOLE_DIR.rglob("*") if p.suffix in {".html", ".js", ".css"}]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8").replace("http://www.w3.org/2000/svg", "")  # a namespace
        assert "http://" not in text and "https://" not in text and "//cdn" not in text, path
        for _, target in re.findall(r"""(?:\bfrom\s+|import\(\s*|\bsrc=|\bhref=)(["'])([^"'#\n]+)\1""", text):
            assert target.startswith((".", "css/", "js/", "favicon")), (path, target)
            base = path.parent if target.startswith(".") else CONSOLE_DIR
            assert (base / target).resolve().is_file(), (path, target)
