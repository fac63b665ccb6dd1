"""xingshi.analysis."""
