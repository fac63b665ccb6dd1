"""Figures read back out of speeches, releases and news; drafts checked against the store.

    extract_text(text, region=None, year=None, doc_date=None) -> list[Fact]
    extract_file(path, region=None, year=None, doc_date=None) -> list[Fact]
    check_draft(draft, region=..., period=..., workspace=...) -> CheckResult

The clause grammar (units, cue words, approximation marks, non-figures) is data:
``extract/data/rules.toml``; the traditional → simplified table is ``extract/data/t2s.txt``.
"""

from __future__ import annotations

from typing import Any

from xingshi.extract.api import extract_file, extract_text
from xingshi.extract.fact import FIELDS, MEASURES, Fact

__all__ = ["FIELDS", "MEASURES", "Fact", "check_draft", "extract_file", "extract_text"]


def __getattr__(name: str) -> Any:
    # check_draft needs the store; imported on first use so extraction stays light.
    if name == "check_draft":
        from xingshi.extract.check import check_draft

        return check_draft
    raise AttributeError(name)
