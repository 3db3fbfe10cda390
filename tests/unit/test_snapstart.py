"""After a SnapStart restore, what the snapshot holds is not shared: random is reseeded,
cached secrets and AWS clients are dropped. The hook is registered by every HTTP app."""

from __future__ import annotations

import random

import pytest
import snapshot_restore_py

from aftercare import aws, secrets, snapstart


def registered_hooks() -> list[object]:
    return [entry[0] for entry in snapshot_restore_py.get_after_restore()]


def test_building_an_http_app_registers_the_after_restore_hook_once() -> None:
    from aftercare.http import create_app

    create_app()
    create_app()
    assert registered_hooks().count(snapstart.after_restore) == 1


def test_two_environments_restored_from_one_snapshot_draw_different_jitter() -> None:
    random.seed(42)  # the state every restored environment would start with
    snapshot = random.getstate()
    draws = []
    for _ in range(2):
        random.setstate(snapshot)
        snapstart.after_restore()
        draws.append(random.random())
    assert draws[0] != draws[1]


def test_the_restore_drops_cached_clients_and_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    forgotten: list[str] = []
    monkeypatch.setattr(secrets, "forget", lambda: forgotten.append("secrets"))
    aws.client("sqs")
    assert aws.client.cache_info().currsize == 1
    snapstart.after_restore()
    assert aws.client.cache_info().currsize == 0
    assert forgotten == ["secrets"]
