"""xingshi (形势): regional economic situation analysis."""

__version__ = "0.1.0"
