"""xingshi.extract."""
