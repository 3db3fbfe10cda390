"""What after-sales does when other domains act.

- A case's RETURN parcel moved: the case follows it (RETURN_IN_TRANSIT, then RECEIVED once
  delivered) (logistics' CaseParcelMoved). A REPLACEMENT parcel's moves are only logged and
  counted until after-sales acts on them.
"""

from __future__ import annotations

from aftercare.aftersales import port
from aftercare.events import DomainEvent
from aftercare.logistics.events import CaseParcelMoved
from aftercare.observability import logger, metrics
from aftercare.reacting import Reaction


def on_case_parcel_moved(event: DomainEvent) -> None:
    """Late or out-of-order news is tolerated by the case itself (on_return_parcel_moved)."""
    moved: CaseParcelMoved = event.read(CaseParcelMoved)
    if moved.kind == "RETURN" and moved.occurred_at:
        port.on_return_parcel_moved(case_id=moved.case_id, status=moved.status, occurred_at=moved.occurred_at)
    logger.info(
        "after-sales parcel changed status",
        extra={"case_id": moved.case_id, "shipment_id": moved.shipment_id, "kind": moved.kind,
               "from": moved.previous_status, "to": moved.status},
    )  # fmt: skip
    metrics.add_metric(name="CaseShipmentChanges", unit="Count", value=1)


REACTIONS: dict[str, Reaction] = {
    CaseParcelMoved.TYPE: on_case_parcel_moved,
}
