"""`make checkov`: checkov over template.yaml, with the skips the template itself gives.

Checks that do not fit any resource of the stack are listed, each with its reason, under the
template's top-level `Metadata: checkov: skip`; checks that do not fit one resource sit in
that resource's Metadata (checkov reads those itself). A skip without a reason fails here
before checkov runs. checkov lives in its own environment (CHECKOV, default
.venv-checkov/bin/checkov): its pinned dependencies are not the project's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from infra.template import ROOT, TEMPLATE_PATH, load

MIN_REASON = 20  # characters: a reason, not a placeholder


def skips(template: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(where, check id, reason) for every skip the template declares."""
    everywhere = ((template.get("Metadata") or {}).get("checkov") or {}).get("skip", [])
    found = [("template", entry.get("id", ""), entry.get("comment", "")) for entry in everywhere]
    for logical_id, resource in template.get("Resources", {}).items():
        for entry in ((resource.get("Metadata") or {}).get("checkov") or {}).get("skip", []):
            found.append((logical_id, entry.get("id", ""), entry.get("comment", "")))
    return found


def unreasoned(template: dict[str, Any]) -> list[str]:
    return [f"{where}: {check or '(no id)'}" for where, check, reason in skips(template)
            if not check or len(reason.strip()) < MIN_REASON]  # fmt: skip


def main() -> int:
    template = load()
    missing = unreasoned(template)
    if missing:
        print("checkov skips without a reason:\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1
    everywhere = [check for where, check, _ in skips(template) if where == "template"]
    checkov = os.environ.get("CHECKOV", str(ROOT / ".venv-checkov" / "bin" / "checkov"))
    command = [checkov, "--file", str(TEMPLATE_PATH), "--framework", "cloudformation", "--compact", "--quiet",
               "--skip-download"]  # fmt: skip
    if everywhere:
        command += ["--skip-check", ",".join(everywhere)]
    # No telemetry, no download of the vendor's guidelines: the checks are checkov's own.
    environment = {**os.environ, "BC_SKIP_MAPPING": "TRUE", "CHECKOV_RUN_SCA_PACKAGE_SCAN_V2": "false"}
    return subprocess.call(command, cwd=ROOT, env=environment)  # noqa: S603 - our own command line


if __name__ == "__main__":
    raise SystemExit(main())
