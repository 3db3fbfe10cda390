"""Logistics tracking: shipments and courier events (PRODUCT.md §3)."""
