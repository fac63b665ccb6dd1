"""xingshi.store."""
