"""Orders: from placement to delivery (PRODUCT.md §2)."""
