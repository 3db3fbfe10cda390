"""Prints an environment's parameter_overrides from samconfig.toml (`make deploy` adds PARAMS
to them: sam deploy's --parameter-overrides replaces the file's list rather than merging)."""

from __future__ import annotations

import sys
import tomllib

from infra.template import ROOT


def overrides(environment: str) -> str:
    config = tomllib.loads((ROOT / "samconfig.toml").read_text(encoding="utf-8"))
    return str(config[environment]["deploy"]["parameters"].get("parameter_overrides", ""))


if __name__ == "__main__":
    print(overrides(sys.argv[1] if len(sys.argv) > 1 else "dev"))
