"""xingshi.report."""
