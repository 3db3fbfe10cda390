"""Refunds: money goes back exactly once, for exactly the right amount (PRODUCT.md §5)."""
