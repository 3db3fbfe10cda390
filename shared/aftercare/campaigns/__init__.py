"""Customer-care campaigns defined as data (campaigns.json) and run on a schedule."""
