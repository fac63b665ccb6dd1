"""xingshi.ingest."""
