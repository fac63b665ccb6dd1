"""Bounds on one imported file, and the cap on findings listed per rule.

The readers refuse a file that is too large, too long, too wide or holds a cell too long (a
:class:`FileFormatError` naming the place and the ``[limits]`` setting); the importer lists at
most ``max_findings_per_rule`` findings of each rule and one more that counts the rest.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from xingshi.errors import Location
from xingshi.findings import Finding


@dataclass(frozen=True)
class ReadLimits:
    """What one file may hold; the defaults are those of ``[limits]`` in ``xingshi.toml``."""

    max_file_mb: float = 200.0
    max_rows: int = 2_000_000
    max_columns: int = 16_384
    max_cell_chars: int = 32_767
    max_findings_per_rule: int = 50

    @classmethod
    def from_settings(cls, settings: Any) -> ReadLimits:
        section = getattr(settings, "limits", None)
        if section is None:
            return cls()
        return cls(**{name: getattr(section, name) for name in cls.__dataclass_fields__})

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


_LONG_MESSAGE = 300
_QUOTED = re.compile(r"“([^”]{61,})”")


def _shorten(m: re.Match[str]) -> str:
    # A cell holding a pasted page is named by its start, not echoed whole.
    return f"“{m.group(1)[:60]}…（共 {len(m.group(1))} 字）”"


class FindingCap:
    """Keeps the first ``cap`` findings of each (rule, severity) and counts the rest.

    Rules may add findings one by one through :meth:`add`; memory stays bounded however many
    rows of a file break the same rule.
    """

    def __init__(self, cap: int) -> None:
        self.cap = max(1, cap)
        self.kept: list[Finding] = []
        self._count: Counter[tuple[str, str]] = Counter()
        # The same finding at one row, raised once per indicator column or per cell of a
        # header: said once, with the columns it concerns.
        self._columns: dict[tuple[Any, ...], list[str]] = {}

    def add(self, finding: Finding) -> None:
        w = finding.where
        same = (finding.rule, finding.severity, finding.message, w.file, w.sheet, w.row)
        columns = self._columns.get(same)
        if columns is not None:
            if w.column is not None and w.column not in columns:
                columns.append(w.column)
            return
        key = (finding.rule, finding.severity)
        self._count[key] += 1
        if self._count[key] <= self.cap:
            self._columns[same] = [w.column] if w.column is not None else []
            if len(finding.message) > _LONG_MESSAGE:
                finding = replace(finding, message=_QUOTED.sub(_shorten, finding.message))
            self.kept.append(finding)

    def extend(self, findings: Any) -> None:
        kept: Counter[tuple[str, str]] = Counter()
        for f in findings:
            self.add(f)
            kept[f.rule, f.severity] += 1
        if isinstance(findings, CappedFindings):  # what it dropped counts here too
            for key, n in findings.seen.items():
                self._count[key] += n - kept[key]

    def total(self, severity: str | None = None) -> int:
        """How many findings were seen (kept or not), of one severity or all."""
        return sum(n for (_, sev), n in self._count.items() if severity in (None, sev))

    def findings(self) -> list[Finding]:
        """The kept findings; each capped rule's last one is followed by "另有 N 个同类…"."""
        last = {(f.rule, f.severity): i for i, f in enumerate(self.kept)}
        out: list[Finding] = []
        for i, f in enumerate(self.kept):
            w = f.where
            columns = self._columns.get((f.rule, f.severity, f.message, w.file, w.sheet, w.row))
            if columns and len(columns) > 1:
                f = replace(f, message=f"{f.message}（{'、'.join(columns)} 列）")
            out.append(f)
            key = (f.rule, f.severity)
            n = self._count[key]
            if last[key] == i and n > self.cap:
                kind = "错误" if f.severity == "error" else "警告"
                out.append(
                    Finding(
                        f.rule,
                        f.severity,
                        f"另有 {n - self.cap} 个同类{kind}未列出（共 {n} 个）",
                        Location(file=f.where.file),
                        hint="先改正上面列出的问题再导入；"
                        "[limits] max_findings_per_rule 可调整列出条数",
                        data={"omitted": n - self.cap, "total": n},
                    )
                )
        return out


class CappedFindings(list):  # type: ignore[type-arg]
    """A findings list that keeps at most ``cap`` per (rule, severity) and counts the rest.

    The dropped ones are only counted (:attr:`seen`); :meth:`FindingCap.extend` carries the
    counts on, and its :meth:`~FindingCap.findings` turns them into "另有 N 个同类…" lines.
    """

    def __init__(self, cap: int) -> None:
        super().__init__()
        self.cap = max(1, cap)
        self.seen: Counter[tuple[str, str]] = Counter()

    def append(self, finding: Finding) -> None:  # type: ignore[override]
        key = (finding.rule, finding.severity)
        self.seen[key] += 1
        if self.seen[key] <= self.cap:
            super().append(finding)

    def extend(self, findings: Any) -> None:  # type: ignore[override]
        for f in findings:
            self.append(f)

    def __iadd__(self, findings: Any) -> CappedFindings:  # type: ignore[override]
        self.extend(findings)
        return self
