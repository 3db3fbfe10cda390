"""The Lambda layer ships what the project depends on at run time, and nothing is missing."""

from __future__ import annotations

import tomllib

from infra.template import ROOT


def _names(requirements: list[str]) -> set[str]:
    return {
        line.split("[")[0].split(">")[0].split("=")[0].split("<")[0].strip().lower() for line in requirements
    }


def test_the_layer_requirements_mirror_the_runtime_dependencies() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    layer = [
        line.strip()
        for line in (ROOT / "shared" / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert sorted(layer) == sorted(project["dependencies"])
    assert "boto3" not in _names(layer)  # the Lambda runtime provides it


def test_every_function_directory_is_declared_in_the_template() -> None:
    from tests.support.environment import new_stack

    declared = {function.code_uri for function in new_stack().functions()}
    on_disk = {
        f"functions/{path.name}" for path in (ROOT / "functions").iterdir() if (path / "app.py").exists()
    }
    assert on_disk == declared
