"""Figures read back out of speeches, releases and news; drafts checked against the store.

extract_text(text, region=None, year=None, doc_date=None) -> list[Fact]
extract_file(path, region=None, year=None, doc_date=None) -> list[Fact]
"""

from __future__ import annotations

from xingshi.extract.api import extract_file, extract_text
from xingshi.extract.fact import FIELDS, MEASURES, Fact

__all__ = ["FIELDS", "MEASURES", "Fact", "extract_file", "extract_text"]
