"""The payment provider: its callbacks about payments (and, with the refund workflow, refunds)."""
