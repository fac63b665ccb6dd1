"""xingshi.catalog."""
