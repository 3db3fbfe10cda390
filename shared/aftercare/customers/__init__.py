"""Customer profiles: contact, tier, points ledger, preferences and opt-outs."""
