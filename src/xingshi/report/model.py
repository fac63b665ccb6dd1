"""The briefing as data: text spans tied to their sources, tables and charts, before any file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from xingshi.findings import RULE_NAMES, SEVERITY_NAMES

# Private-use characters mark a figure inside rendered template text: \ue000id\ue001text\ue002.
# Templates print figures through `Fig.__str__`, so the marks survive Jinja2 untouched.
_OPEN, _MID, _CLOSE = "\ue000", "\ue001", "\ue002"
_MARK = re.compile(f"{_OPEN}(\\d+){_MID}(.*?){_CLOSE}", re.S)


@dataclass(frozen=True)
class SourceRef:
    """Where one rendered figure comes from: the cell it was read from, or how it was computed."""

    id: int
    region_code: str
    region: str
    indicator: str
    indicator_name: str
    period: str
    field: str  # level | growth | rank | gap | target | completion | required | count
    value: float | None
    text: str  # the figure as printed in the text
    release_id: int | None = None
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    computed: bool = False
    basis: str = ""  # for computed figures: the inputs and the rule, in Chinese
    note: str | None = None

    @property
    def anchor(self) -> str:
        return f"src-{self.id}"

    def where(self) -> str:
        """The source location in one Chinese phrase (file, sheet, cell)."""
        parts = [p for p in (self.file, self.sheet, self.cell) if p]
        return " / ".join(parts) if parts else "—"


@dataclass(frozen=True)
class Fig:
    """A figure to print in a template: its text and the source it links to."""

    text: str
    ref: int

    def __str__(self) -> str:
        return f"{_OPEN}{self.ref}{_MID}{self.text}{_CLOSE}"


@dataclass(frozen=True)
class Span:
    """A run of text; `ref` is the source id when the run is a figure."""

    text: str
    ref: int | None = None


@dataclass
class Paragraph:
    spans: list[Span]
    kind: Literal["text", "heading"] = "text"

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @classmethod
    def parse(cls, marked: str) -> Paragraph:
        """Split template output with figure marks into spans."""
        spans: list[Span] = []
        pos = 0
        for m in _MARK.finditer(marked):
            if m.start() > pos:
                spans.append(Span(marked[pos : m.start()]))
            spans.append(Span(m.group(2), int(m.group(1))))
            pos = m.end()
        if pos < len(marked):
            spans.append(Span(marked[pos:]))
        return cls(spans)


@dataclass
class Section:
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Cell:
    """A table cell: printed text, the raw value (for xlsx), a light colour and a source."""

    text: str
    value: Any = None
    light: str | None = None  # red | yellow | green
    ref: int | None = None
    number_format: str | None = None


@dataclass
class Table:
    key: str  # stable name: ranks | children | targets
    title: str
    header: list[str]
    rows: list[list[Cell]]
    note: str = ""


@dataclass
class Chart:
    key: str
    title: str
    png: bytes
    svg: str | None = None


@dataclass
class Briefing:
    """Everything a briefing says, ready for the docx, html and xlsx writers."""

    title: str
    subtitle: str
    region_code: str
    region: str
    period: str
    sections: list[Section]
    tables: list[Table]
    sources: list[SourceRef]
    charts: list[Chart] = field(default_factory=list)
    releases: list[int] = field(default_factory=list)
    findings: list[Any] = field(default_factory=list)
    simulated: bool = False

    def text(self) -> str:
        """The body as plain text, one paragraph a line (headings included)."""
        lines: list[str] = []
        for s in self.sections:
            lines.append(s.title)
            lines += [p.text for p in s.paragraphs]
        return "\n".join(lines)

    def finding_rows(self) -> list[tuple[str, str, str]]:
        """(类别, 级别, 内容) of the analysis findings, for the warnings appendix."""
        rows = []
        for f in self.findings:
            kind = RULE_NAMES.get(getattr(f, "rule", ""), "数据质量")
            level = SEVERITY_NAMES.get(getattr(f, "severity", ""), "提示")
            rows.append((kind, level, getattr(f, "message", str(f))))
        return rows

    def source(self, ref: int) -> SourceRef:
        return self.sources[ref - 1]


@dataclass(frozen=True)
class BriefingPaths:
    docx: Path
    html: Path
    xlsx: Path
    appendix: Path | None = None  # briefing-附录.docx: sources and warnings
    charts: tuple[Path, ...] = ()
