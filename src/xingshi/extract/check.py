"""A draft's figures held against the store: agrees, contradicts (with the stored value and its
release) or no data.

A figure agrees when the stored value, rounded as the draft rounds it, is the draft's value
(28.6 against 28.63); 超过/以上/余 are lower bounds, 近 an upper bound, 约/左右 within 5%.

What is compared (see :mod:`xingshi.extract._reference`): levels, counts, growth and targets as
stored; a rank against the published rank, else the one the analysis computes among the
parent's children (a rank in any other set is no data); structure ratios, shares, gaps in
points and target completion computed from the stored levels and growth rates, each for the
period the figure itself names.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from xingshi.catalog.periods import Period, parse_period
from xingshi.errors import XingshiError
from xingshi.extract._reference import (
    SAME_PERIOD_LAST_YEAR,
    Answer,
    Reference,
    same_period_last_year,
)
from xingshi.extract.api import extract_text
from xingshi.extract.fact import Fact

Status = Literal["agrees", "contradicts", "no_data"]
STATUS_LABEL = {"agrees": "一致", "contradicts": "矛盾", "no_data": "无数据"}

_MAGNITUDE = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7,
              "百万": 1e6, "十万": 1e5, "万": 1e4, "千": 1e3}  # fmt: skip
_LOWER = ("超过", "以上", "余", "多", "有余", "突破", "逾", "超", "不低于", "不少于", "至少")
_UPPER = ("近", "将近", "接近", "以内", "以下")
_ABOUT = ("约", "左右", "大约", "差不多")


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
        how = f"，{self.note}" if self.note else ""
        return f"库中为 {_fmt(self.stored)}{self.stored_unit or ''}{where}{how}"


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
    period: str | Period,
    workspace: str | Path | Any,
    out_dir: str | Path | None = None,
    as_of: Any = None,
) -> CheckResult:
    """Extract the draft's figures, judge each against the store, write the annotated copies.

    ``workspace`` is a path or an open :class:`~xingshi.workspace.Workspace`; ``period`` a
    :class:`Period` or its text (with a year)."""
    from xingshi.extract.check_report import write_docx, write_html
    from xingshi.extract.readers import read_document
    from xingshi.workspace import Workspace, open_workspace

    path = Path(draft)
    text = read_document(path)
    own = not isinstance(workspace, Workspace)
    ws = open_workspace(workspace) if own else workspace
    try:
        r = ws.regions.resolve(region)
        p = period if isinstance(period, Period) else parse_period(period)
        facts = extract_text(text, region=r.code, year=p.year)
        ref = _reference(ws, r.code, p, facts, as_of)
    finally:
        if own:
            ws.close()
    result = CheckResult(path, r.short or r.name, p, text=text)
    for fact in facts:
        result.verdicts.append(judge_fact(fact, ref, p, r.code))
    target = Path(out_dir) if out_dir is not None else path.parent
    target.mkdir(parents=True, exist_ok=True)
    result.html_path = write_html(result, target / f"{path.stem}.核对.html")
    if path.suffix.lower() == ".docx":
        result.docx_path = write_docx(result, target / f"{path.stem}.核对.docx")
    return result


def _reference(ws: Any, home: str, p: Period, facts: list[Fact], as_of: Any) -> Reference:
    """The store's figures for every region the draft names, their parents and their peers."""
    rc = ws.regions
    codes = {home, *(f.region_code for f in facts if f.region_code)}
    for code in list(codes):
        if code not in rc:
            continue
        parent = rc.parent(code)
        codes |= {c.code for c in rc.children(code)}
        if parent is not None:  # the peers a rank is among, and the parent a gap is to
            codes |= {parent.code, *(c.code for c in rc.children(parent.code))}
        prov = rc.province_of(code)
        if prov is not None:
            codes.add(prov.code)
    years = {p.year - 1, p.year}
    for f in facts:
        if f.period and f.period[:4].isdigit():
            years |= {int(f.period[:4]), int(f.period[:4]) - 1}
    obs = ws.store.observations(regions=sorted(codes), years=sorted(years), as_of=as_of)
    goals = ws.store.targets(regions=sorted(codes), as_of=as_of)
    releases = {row["release_id"]: row for row in ws.store.releases().iter_rows(named=True)}
    return Reference(obs, goals, releases, ws)


def judge_fact(fact: Fact, ref: Reference, period: Period, home: str) -> Verdict:
    """The verdict for one figure (see the module docstring for the tolerance)."""
    if fact.basis is not None:
        return Verdict(fact, "no_data", note=f"“{fact.basis}”口径暂不核对")
    if not (fact.region_code and fact.indicator_code):
        return Verdict(fact, "no_data", note="指标或地区不在目录中")
    key = fact.period or period.key
    try:
        answer, note = _answer(fact, ref, key, period, home)
    except XingshiError as exc:  # a period or name the catalogue cannot read
        return Verdict(fact, "no_data", note=exc.message)
    if answer is None:
        return Verdict(fact, "no_data", note=note or "库中没有该地区、指标、时期的数据")
    value, scale = _draft_in(fact, answer)
    if value is None:
        return Verdict(fact, "no_data", note=f"单位“{fact.unit}”与库中“{answer.unit}”不可比")
    stored = answer.value / scale
    tol = 0.5 * 10 ** -_decimals(fact.value) + 1e-9
    if fact.measure == "growth_multiple":
        tol *= 100  # 1.5倍 is written to a tenth of 100%
    ok = _agrees(value, stored, tol, fact.approx)
    unit = answer.unit  # level, count and target in the draft's unit (stored / scale)
    if fact.measure in ("level", "count") or (fact.measure == "target" and fact.unit != "%"):
        unit = fact.unit
    return Verdict(
        fact,
        "agrees" if ok else "contradicts",
        stored=round(stored, 6),
        stored_unit=unit,
        release_id=answer.release_id,
        source=answer.source,
        note=answer.how,
    )


def _answer(
    fact: Fact, ref: Reference, key: str, period: Period, home: str
) -> tuple[Answer | None, str]:
    """The store's answer to one figure, or None and why not."""
    region, ind, m = fact.region_code or home, fact.indicator_code or "", fact.measure
    if m in ("level", "count", "ratio_pct"):
        return ref.stored(region, ind, key, "level"), ""
    if m in ("growth_pct", "growth_multiple"):
        return ref.stored(region, ind, key, "growth_pct"), ""
    if m == "rank":
        return _rank(fact, ref, key)
    if m == "target":
        goal = ref.target(region, ind, int(key[:4]))
        if goal is None or (fact.unit == "%") != (goal["target_kind"] == "growth"):
            return None, "库中没有该年度的目标"
        unit = "%" if goal["target_kind"] == "growth" else str(goal["unit"] or "")
        release, source = ref.source({**goal, "source_cell": goal.get("source_cell")}, "level")
        return Answer(float(goal["value"]), unit, release, source), ""
    if m == "share_pct":
        return _share(fact, ref, key, home)
    if m == "pp_diff":
        return _gap(fact, ref, key, home)
    if m == "completed" and fact.unit == "%":
        return _completion(fact, ref, key, period)
    return None, "此类数字（完成数、差值）库中无从核对"


def _rank(fact: Fact, ref: Reference, key: str) -> tuple[Answer | None, str]:
    """A rank among the parent's children; any other set the store cannot rank (无数据)."""
    region, ind = fact.region_code or "", fact.indicator_code or ""
    parent = ref.parent_scope(region)
    if not fact.scope:
        return None, "未说明在什么范围内排名"
    scope = ref.region_word(fact.scope, region, region)
    if scope is None or scope != parent:
        return None, f"库中不能在“{fact.scope}”范围内排名"
    words = fact.quote[len(fact.words or "") :] if fact.words else fact.quote
    # the clause of the rank itself: 总量居全省第14位，增速居全省第3位 ranks growth third
    words = re.split("[，,；;。]", words)[-1]
    # 总量/规模居全省第3 ranks the amount (规模工业, 规模以上 are names, not the basis)
    basis = (
        "level"
        if re.search("总量|规模(?!以上|工业)", words)
        else "growth"
        if re.search("增速|增长|增幅", words)
        else None
    )
    if ref.indicators.get(ind).kind == "rate":
        basis = None  # a rate is ranked by its own value, whatever the words
    return ref.rank(region, ind, key, basis), ""


def _share(fact: Fact, ref: Reference, key: str, home: str) -> tuple[Answer | None, str]:
    """占全省的1.9%: the region's level over the whole's (another region, or an indicator)."""
    of = str(fact.of or "")
    ind = fact.indicator_code or ""
    whole_region = ref.region_word(of, fact.region_code or home, home)
    if whole_region is not None:
        part_region = fact.region_code if fact.region_code != whole_region else home
        whole_ind = ind
    else:
        found = ref.indicators.try_resolve(of) if of else None
        if found is None:
            return None, f"“{of}”不是库中的地区或指标"
        part_region = whole_region = fact.region_code or home
        whole_ind = found.code
    part = ref.stored(part_region or home, ind, key, "level")
    whole = ref.stored(whole_region or home, whole_ind, key, "level")
    if part is None or whole is None or not whole.value:
        return None, "库中缺少计算占比所需的总量"
    how = f"由 {_fmt(part.value)}÷{_fmt(whole.value)} 计算"
    return Answer(part.value / whole.value * 100, "%", part.release_id, part.source, how), ""


def _gap(fact: Fact, ref: Reference, key: str, home: str) -> tuple[Answer | None, str]:
    """高于全省2.6个百分点, 高于财政总收入2.6个百分点, 较去年同期下降1.99个百分点."""
    region, ind = fact.region_code or home, fact.indicator_code or ""
    versus = str(fact.versus or "")
    if not versus:
        return None, "未说明与什么相比"
    mine = ref.growth_or_rate(region, ind, key)
    if versus in SAME_PERIOD_LAST_YEAR:
        if ref._kind(ind) == "rate":  # a rate's growth is its change in points
            return ref.stored(region, ind, key, "growth_pct"), ""
        other = ref.growth_or_rate(region, ind, same_period_last_year(key))
        what = "去年同期"
    elif (other_region := ref.region_word(versus, region, home)) is not None:
        other, what = ref.growth_or_rate(other_region, ind, key), versus
    elif (found := ref.indicators.try_resolve(versus)) is not None:
        other, what = ref.growth_or_rate(region, found.code, key), found.name
    else:
        return None, f"“{versus}”不是库中的地区或指标"
    if mine is None or other is None:
        return None, "库中缺少计算差距所需的数"
    how = f"由 {_fmt(mine.value)}−{_fmt(other.value)}（{what}）计算"
    return Answer(mine.value - other.value, "个百分点", mine.release_id, mine.source, how), ""


def _completion(fact: Fact, ref: Reference, key: str, period: Period) -> tuple[Answer | None, str]:
    """完成全年目标的53.3%: the level of the draft's period over the year's target."""
    region, ind = fact.region_code or "", fact.indicator_code or ""
    year = int(key[:4])
    goal = ref.target(region, ind, year)
    if goal is None or goal["target_kind"] == "growth" or not goal["value"]:
        return None, "库中没有该年度的总量目标"
    # 完成全年目标的N%: the figure is of the period the draft speaks of, not the whole year
    at = period.key if period.year == year else key
    level = ref.stored(region, ind, at, "level")
    if level is None:
        return None, "库中没有计算完成率所需的总量"
    how = f"由 {_fmt(level.value)}÷目标{_fmt(float(goal['value']))} 计算"
    return Answer(level.value / float(goal["value"]) * 100, "%", level.release_id, level.source,
                  how), ""  # fmt: skip


def _draft_in(fact: Fact, answer: Answer) -> tuple[float | None, float]:
    """The draft's value in the answer's terms, and the unit scale (stored / scale = draft)."""
    v = float(fact.value)
    if fact.measure == "growth_multiple":
        if fact.unit == "番":
            return (2**v - 1) * 100, 1.0
        if fact.unit.startswith("倍(是"):
            return (v - 1) * 100, 1.0
        return v * 100, 1.0
    if answer.unit in ("%", "位", "个百分点") or fact.measure in ("rank", "pp_diff", "share_pct"):
        return v, 1.0
    if fact.measure == "growth_pct" or (fact.measure == "target" and fact.unit == "%"):
        return v, 1.0
    scale = _scale(fact.unit, answer.unit)
    return (v, scale) if scale is not None else (None, 1.0)


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
