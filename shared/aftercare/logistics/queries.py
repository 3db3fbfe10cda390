"""What other domains may read of logistics. Today one pure rule: when a carrier's delivery
estimate counts as missed (analytics' on-time rate uses the same deadline as logistics'
delay check, so the two can never disagree)."""

from __future__ import annotations

from aftercare.logistics.rules import estimate_deadline

__all__ = ["estimate_deadline"]
