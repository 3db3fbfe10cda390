"""The Shipments table: the only module that reads or writes it."""

from __future__ import annotations

from pynamodb.attributes import UnicodeAttribute
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model
from pynamodb.transactions import TransactWrite

from aftercare.settings import get_settings


class ByTrackingIndex(GlobalSecondaryIndex["ShipmentModel"]):
    class Meta:
        index_name = "byTracking"
        projection = AllProjection()

    trackingKey = UnicodeAttribute(hash_key=True)


class ByOrderIndex(GlobalSecondaryIndex["ShipmentModel"]):
    class Meta:
        index_name = "byOrder"
        projection = AllProjection()

    orderId = UnicodeAttribute(hash_key=True)
    shipmentId = UnicodeAttribute(range_key=True)


class ShipmentModel(Model):
    class Meta:
        table_name = get_settings().shipments_table

    shipmentId = UnicodeAttribute(hash_key=True)
    orderId = UnicodeAttribute()
    customerId = UnicodeAttribute()
    kind = UnicodeAttribute()  # OUTBOUND, RETURN or REPLACEMENT
    carrier = UnicodeAttribute()
    trackingNumber = UnicodeAttribute()
    trackingKey = UnicodeAttribute()
    status = UnicodeAttribute()
    createdAt = UnicodeAttribute()
    updatedAt = UnicodeAttribute()

    by_tracking = ByTrackingIndex()
    by_order = ByOrderIndex()


def tracking_key(carrier: str, tracking_number: str) -> str:
    return f"{carrier}#{tracking_number}"


def add_new_shipment(
    tx: TransactWrite,
    *,
    shipment_id: str,
    order_id: str,
    customer_id: str,
    kind: str,
    carrier: str,
    tracking_number: str,
    at: str,
) -> None:
    shipment = ShipmentModel(
        shipmentId=shipment_id,
        orderId=order_id,
        customerId=customer_id,
        kind=kind,
        carrier=carrier,
        trackingNumber=tracking_number,
        trackingKey=tracking_key(carrier, tracking_number),
        status="INFO_RECEIVED",
        createdAt=at,
        updatedAt=at,
    )
    tx.save(shipment, condition=ShipmentModel.shipmentId.does_not_exist())
