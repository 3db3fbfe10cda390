"""SnapStart: what every execution environment restored from one snapshot must not share.

The HTTP API functions publish versions with SnapStart (template.yaml): Lambda runs their
initialisation (imports, the resolver and its routes, pydantic models) once per version,
snapshots the memory, and restores new environments from it. Whatever the snapshot holds
is then shared by all of them, so after each restore:

- `random` is reseeded: retry jitter must differ between environments (ids come from
  `secrets`, i.e. os.urandom, which needs nothing);
- cached secret values are dropped: a value rotated while the snapshot waited is re-read;
- AWS clients made during initialisation are dropped with their connection pools and
  credentials (the handlers make theirs on first use, so normally there are none).

Outside a SnapStart environment (`snapshot_restore_py` ships with the Lambda Python
runtimes only) nothing is registered.
"""

from __future__ import annotations

import random

_registered = False


def after_restore() -> None:
    from aftercare import aws, idempotency, secrets

    random.seed()  # from os.urandom
    secrets.forget()
    aws.reset_clients()
    idempotency.reset()


def register() -> bool:
    """Register `after_restore` once; False where there is no SnapStart runtime."""
    global _registered
    if _registered:
        return True
    try:
        from snapshot_restore_py import register_after_restore
    except ImportError:
        return False
    register_after_restore(after_restore)
    _registered = True
    return True
