"""Service analytics (PRODUCT.md §8): daily aggregates kept current from the other domains'
events (analytics/reactions.py), the KPIs computed from them for any date range, and the daily report."""
