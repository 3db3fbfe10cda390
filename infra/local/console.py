"""The service desk console, locally: the static files of `console/` served at `/console/`
by the local gateway, as CloudFront serves them from the console bucket on AWS.

The one file that differs is `config.json`: on AWS the deploy step writes it with the
Cognito hosted UI's address (infra/console_config.py); locally it is made here, telling the
console to sign in through `GET /_local/token` as one of the seeded staff members.
"""

from __future__ import annotations

import json
import mimetypes
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from werkzeug.wrappers import Request, Response

from infra.template import ROOT

PREFIX = "/console"
CONSOLE_DIR = Path(ROOT) / "console"
AGENTS_SEED = Path(ROOT) / "shared" / "aftercare" / "tickets" / "agents_seed.json"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}


@dataclass(frozen=True)
class StaffMember:
    sub: str
    name: str
    roles: tuple[str, ...]

    def wire(self) -> dict[str, Any]:
        return {"sub": self.sub, "name": self.name, "roles": list(self.roles)}


def seeded_staff() -> list[StaffMember]:
    """Everyone the local stack knows as staff: the service team the tickets layer ships
    with (agents and supervisors, by name) and the seed's fulfilment staff (warehouse)."""
    from infra.local.seed import STAFF

    team = json.loads(AGENTS_SEED.read_text(encoding="utf-8"))["agents"]
    members = [StaffMember(a["agentId"], a["name"], (a["role"],)) for a in team]
    known = {m.sub for m in members}
    members += [StaffMember(sub, sub, tuple(roles)) for sub, roles in STAFF.items() if sub not in known]
    order = {"agent": 0, "warehouse": 1, "supervisor": 2}
    return sorted(members, key=lambda m: (min(order.get(r, 9) for r in m.roles), m.sub))


def local_config() -> dict[str, Any]:
    """config.json of the local console: the API is the gateway itself (same origin)."""
    return {
        "apiBase": "",
        "auth": {"mode": "local", "tokenUrl": "/_local/token", "staff": [m.wire() for m in seeded_staff()]},
    }


def resolve(root: Path, path: str) -> Path | None:
    """The file under `root` that `path` (below /console/) names, or None: never a file
    outside the folder, never a dotfile; a folder means its index.html."""
    parts = PurePosixPath(path).parts
    if any(part in {"..", "."} or part.startswith(".") for part in parts):
        return None
    target = root.joinpath(*parts) if parts else root
    if target.is_dir():
        target = target / "index.html"
    try:
        target.resolve().relative_to(root.resolve())
    except ValueError:
        return None
    return target if target.is_file() else None


class ConsoleSite:
    def __init__(self, root: Path = CONSOLE_DIR) -> None:
        self.root = root

    @staticmethod
    def handles(path: str) -> bool:
        return path == PREFIX or path.startswith(PREFIX + "/")

    def __call__(self, request: Request) -> Response:
        if request.method not in {"GET", "HEAD"}:
            return Response("Method Not Allowed", status=405, headers={"allow": "GET, HEAD"})
        if request.path == PREFIX:
            return Response(status=308, headers={"location": PREFIX + "/"})
        if not self.handles(request.path):
            return Response("Not Found", status=404, content_type="text/plain; charset=utf-8")
        relative = request.path[len(PREFIX) + 1 :]
        if relative == "config.json":
            body = json.dumps(local_config(), indent=2)
            return Response(body, content_type="application/json", headers={"cache-control": "no-store"})
        found = resolve(self.root, relative)
        if found is None:
            return Response("Not Found", status=404, content_type="text/plain; charset=utf-8")
        kind = TYPES.get(found.suffix) or mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        # No caching locally: an edited file shows on the next reload.
        return Response(found.read_bytes(), content_type=kind, headers={"cache-control": "no-cache"})
