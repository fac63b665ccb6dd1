"""The extraction entry points."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from xingshi.extract._context import document_context
from xingshi.extract._engine import Engine
from xingshi.extract._glosses import strip_glosses
from xingshi.extract._text import normalize
from xingshi.extract.fact import Fact


def extract_text(
    text: str,
    *,
    region: str | None = None,
    year: int | None = None,
    doc_date: date | None = None,
) -> list[Fact]:
    """Every figure of ``text``, one :class:`Fact` each, in text order.

    ``region`` (a name or code) is what 全州/我州/全市 mean; detected from the text when absent.
    ``year`` resolves 1-6月/上半年/今年以来; taken from ``doc_date`` or a date in the text.
    """
    glossed = strip_glosses(text)
    if glossed is not None:  # 增長(zhǎng): read without the glosses, quote the original
        clean, where = glossed
        facts = extract_text(clean, region=region, year=year, doc_date=doc_date)
        for f in facts:
            f.start, f.end = where[f.start], where[f.end - 1] + 1
            f.quote = text[f.start : f.end]
            if "figure" in f.extra:  # the highlight span too, or it shifts by each stray comma
                fs, fe = f.extra["figure"]
                f.extra["figure"] = (where[fs], where[fe - 1] + 1)
        return facts
    norm = normalize(text)
    ctx = document_context(norm, region=region, year=year, doc_date=doc_date)
    return Engine(text, norm, ctx).run()


def extract_file(
    path: str | Path,
    *,
    region: str | None = None,
    year: int | None = None,
    doc_date: date | None = None,
) -> list[Fact]:
    """Read a .txt, .docx or .html file (UTF-8 or GB18030) and extract its figures."""
    from xingshi.extract.readers import read_document

    text = read_document(Path(path))
    return extract_text(text, region=region, year=year, doc_date=doc_date)
