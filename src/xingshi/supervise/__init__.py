"""督查督办 (supervision)."""
