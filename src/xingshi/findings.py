"""Findings: data-quality problems, warnings and shortfalls as typed data, not exceptions."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from xingshi.errors import Location

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding: which rule, how severe, a Chinese message, where, and the figures behind it."""

    rule: str
    severity: Severity
    message: str
    where: Location = field(default_factory=Location)
    hint: str | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> str:
        place = self.where.describe()
        text = f"{place}：{self.message}" if place else self.message
        text = f"[{self.rule}] {text}"
        if self.hint:
            text += f"（提示：{self.hint}）"
        return text

    def to_record(self) -> dict[str, Any]:
        rec = asdict(self)
        rec.update({f"where_{k}": v for k, v in rec.pop("where").items()})
        return rec
