"""A draft's figures held against the store: agrees, contradicts (with the stored value and its
release) or no data.

A figure agrees when the stored value, rounded as the draft rounds it, is the draft's value
(28.6 against 28.63); 超过/以上/余 are lower bounds, 近 an upper bound, 约/左右 within 5%.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from xingshi.catalog.periods import Period, parse_period
from xingshi.extract.api import extract_text
from xingshi.extract.fact import Fact

Status = Literal["agrees", "contradicts", "no_data"]
STATUS_LABEL = {"agrees": "一致", "contradicts": "矛盾", "no_data": "无数据"}

_MAGNITUDE = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7,
              "百万": 1e6, "十万": 1e5, "万": 1e4, "千": 1e3}  # fmt: skip
_LOWER = ("超过", "以上", "余", "多", "有余", "突破", "逾", "超", "不低于", "不少于", "至少")
_UPPER = ("近", "将近", "接近", "以内", "以下")
_ABOUT = ("约", "左右", "大约", "差不多")
# Measures held against the store, and the stored column each one reads.
_COLUMN = {"level": "level", "count": "level", "ratio_pct": "level", "growth_pct": "growth_pct",
           "growth_multiple": "growth_pct", "rank": "rank"}  # fmt: skip


@dataclass
class Verdict:
    """One figure of the draft and what the store says about it."""

    fact: Fact
    status: Status
    stored: float | None = None
    stored_unit: str | None = None
    release_id: int | None = None
    source: str | None = None  # file, sheet and cell of the stored value
    note: str = ""

    def describe(self) -> str:
        if self.status == "no_data":
            return self.note or "库中没有可对照的数据"
        where = f"（版本 #{self.release_id}，{self.source}）" if self.source else ""
        if self.release_id is not None and not self.source:
            where = f"（版本 #{self.release_id}）"
        return f"库中为 {_fmt(self.stored)}{self.stored_unit or ''}{where}"


@dataclass
class CheckResult:
    draft: Path
    region: str
    period: Period
    verdicts: list[Verdict] = field(default_factory=list)
    html_path: Path | None = None
    docx_path: Path | None = None
    text: str = ""

    @property
    def contradictions(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.status == "contradicts"]

    def count(self, status: Status) -> int:
        return sum(1 for v in self.verdicts if v.status == status)


def check_draft(
    draft: str | Path,
    *,
    region: str,
    period: str,
    workspace: str | Path,
    out_dir: str | Path | None = None,
    as_of: Any = None,
) -> CheckResult:
    """Extract the draft's figures, judge each against the store, write the annotated copies."""
    from xingshi.extract.check_report import write_docx, write_html
    from xingshi.extract.readers import read_document
    from xingshi.workspace import open_workspace

    path = Path(draft)
    text = read_document(path)
    ws = open_workspace(workspace)
    try:
        r = ws.regions.resolve(region)
        p = parse_period(period)
        facts = extract_text(text, region=r.code, year=p.year)
        codes = sorted({f.region_code for f in facts if f.region_code})
        obs = ws.store.observations(regions=codes or [r.code], years=[p.year - 1, p.year],
                                    as_of=as_of)  # fmt: skip
        goals = ws.store.targets(regions=codes or [r.code], year=p.year, as_of=as_of)
        releases = {row["release_id"]: row for row in ws.store.releases().iter_rows(named=True)}
    finally:
        ws.close()
    table = _index(obs)
    for row in goals.iter_rows(named=True):  # targets join the table under a year key
        kind = {"growth": "growth_pct"}.get(row["target_kind"], "level")
        table[(row["region_code"], row["indicator"], f"target:{row['year']}")] = {
            **row,
            kind: row["value"],
            "period": f"target:{row['year']}",
        }
    result = CheckResult(path, region, p, text=text)
    for fact in facts:
        result.verdicts.append(judge(fact, table, releases, p))
    target = Path(out_dir) if out_dir is not None else path.parent
    target.mkdir(parents=True, exist_ok=True)
    result.html_path = write_html(result, target / f"{path.stem}.核对.html")
    if path.suffix.lower() == ".docx":
        result.docx_path = write_docx(result, target / f"{path.stem}.核对.docx")
    return result


def _index(obs: Any) -> dict[tuple[str, str, str], dict[str, Any]]:
    rows = obs.iter_rows(named=True)
    return {(row["region_code"], row["indicator"], row["period"]): row for row in rows}


def judge(
    fact: Fact,
    table: dict[tuple[str, str, str], dict[str, Any]],
    releases: dict[int, dict[str, Any]],
    period: Period,
) -> Verdict:
    """The verdict for one figure (see the module docstring for the tolerance)."""
    column = _COLUMN.get(fact.measure)
    if fact.measure == "target":
        column = "growth_pct" if fact.unit == "%" else "level"
    if column is None:
        return Verdict(fact, "no_data", note="此类数字（差值、占比、完成数）暂不核对")
    if fact.basis is not None:
        return Verdict(fact, "no_data", note=f"“{fact.basis}”口径暂不核对")
    if not (fact.region_code and fact.indicator_code):
        return Verdict(fact, "no_data", note="指标或地区不在目录中")
    key = (fact.region_code, fact.indicator_code, fact.period or period.key)
    if fact.measure == "target":
        key = (fact.region_code, fact.indicator_code, f"target:{(fact.period or period.key)[:4]}")
    row = table.get(key)
    if row is None or row.get(column) is None:
        return Verdict(fact, "no_data", note="库中没有该地区、指标、时期的数据")
    stored = float(row[column])
    value, unit, scale = _draft_value(fact, row)
    if value is None:
        return Verdict(fact, "no_data", note=f"单位“{fact.unit}”与库中“{row['unit']}”不可比")
    stored_in_draft_unit = stored / scale
    tol = 0.5 * 10 ** -_decimals(fact.value) + 1e-9
    if fact.measure == "growth_multiple":
        tol *= 100  # 1.5倍 is written to a tenth of 100%
    ok = _agrees(value, stored_in_draft_unit, tol, fact.approx)
    release = releases.get(row["release_id"], {})
    source = row.get("source_file") or release.get("source_file")
    cell = row.get("source_cell") or row.get(
        {"level": "level_cell", "growth_pct": "growth_cell", "rank": "rank_cell"}[column]
    )
    if source:
        source = Path(str(source)).name + (
            f" {row['source_sheet']}" if row.get("source_sheet") else ""
        )
        source += f" {cell}" if cell else ""
    shown_unit = {"growth_pct": "%", "rank": "位"}.get(column, unit)
    return Verdict(
        fact,
        "agrees" if ok else "contradicts",
        stored=round(stored_in_draft_unit, 6) if column == "level" else stored,
        stored_unit=shown_unit,
        release_id=row["release_id"],
        source=source,
    )


def _draft_value(fact: Fact, row: dict[str, Any]) -> tuple[float | None, str, float]:
    """The draft's value in the stored column's terms, its unit, and the unit scale."""
    v = float(fact.value)
    if fact.measure == "growth_multiple":
        if fact.unit == "番":
            return (2**v - 1) * 100, "%", 1.0
        if fact.unit.startswith("倍(是"):
            return (v - 1) * 100, "%", 1.0
        return v * 100, "%", 1.0
    if fact.measure in ("growth_pct", "rank") or (fact.measure == "target" and fact.unit == "%"):
        return v, fact.unit, 1.0
    scale = _scale(fact.unit, str(row.get("unit") or ""))
    return (v, fact.unit, scale) if scale is not None else (None, fact.unit, 1.0)


def _split_unit(unit: str) -> tuple[float, str]:
    for mag in sorted(_MAGNITUDE, key=len, reverse=True):
        if unit.startswith(mag) and len(unit) > len(mag):
            return _MAGNITUDE[mag], unit[len(mag) :]
    return 1.0, unit


def _scale(draft_unit: str, stored_unit: str) -> float | None:
    """stored / scale is in the draft's unit; None when the units measure different things."""
    dm, du = _split_unit(draft_unit)
    sm, su = _split_unit(stored_unit)
    if du != su and {du, su} != {"个", "家"}:
        return None
    return dm / sm


def _decimals(value: float | int) -> int:
    text = repr(float(value)) if not isinstance(value, int) else str(value)
    return len(text.split(".")[1]) if "." in text and not isinstance(value, int) else 0


def _agrees(draft: float, stored: float, tol: float, approx: str | None) -> bool:
    if approx in _LOWER:
        return stored >= draft - tol
    if approx in _UPPER:
        return draft * 0.85 - tol <= stored <= draft + tol
    if approx in _ABOUT:
        return math.isclose(stored, draft, rel_tol=0.05) or abs(stored - draft) <= tol
    return abs(stored - draft) <= tol


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.4f}".rstrip("0").rstrip(".")
