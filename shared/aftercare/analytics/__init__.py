"""Service analytics (PRODUCT.md §8): daily aggregates kept current from the tables' change
streams, the KPIs computed from them for any date range, and the daily report."""
