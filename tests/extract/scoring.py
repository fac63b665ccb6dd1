"""The project scorer's matching (shared/tools/score_extract.py), per measure, as a module.

A gold fact is found when an extracted, non-derived fact has the same class of measure
(growth in % and in 倍/番 compare as percentages; level and count are both amounts), the same
value and a span that overlaps the gold quote's place in the text.

Of the gold facts found, the scorer also counts how many carry the right period (where the gold
states one), the right region (a gold fact without ``region`` is the document's own region, which
the output may also name relatively, 全市/我县) and the right indicator (where the gold names one).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

CLASS = {
    "growth_pct": "growth", "growth_multiple": "growth", "level": "amount", "count": "amount",
    "completed": "completed", "target": "target", "rank": "rank", "pp_diff": "pp",
    "share_pct": "ratio", "ratio_pct": "ratio",
}  # fmt: skip


def norm_values(f: dict[str, Any]) -> set[float]:
    m, u = f.get("measure"), f.get("unit") or ""
    try:
        v = float(f.get("value"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return set()
    if m == "growth_multiple":
        if "番" in u:
            return {round((2**v - 1) * 100.0, 6)}
        if "是" in u:
            return {round((v - 1) * 100.0, 6)}
        return {round(v * 100.0, 6), round((v - 1) * 100.0, 6)}
    return {round(v, 6)}


def klass(f: dict[str, Any]) -> str:
    c = CLASS.get(f.get("measure") or "", f.get("measure") or "")
    if c == "amount" and "百分点" in (f.get("unit") or ""):
        return "pp"
    return c


def _norm_ind(s: str | None) -> str:
    s = (s or "").replace("规模以上", "规模").replace("（", "(").replace("）", ")")
    s = s.replace("地区生产总值", "GDP").replace("国内生产总值", "GDP")
    return re.sub(r"[\s()（）]", "", s)


def ind_match(a: str | None, b: str | None) -> bool:
    x, y = _norm_ind(a), _norm_ind(b)
    return bool(x) and bool(y) and (x == y or x in y or y in x)


def _spans(text: str, quote: str) -> list[tuple[int, int]]:
    out, i = [], text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


@dataclass
class Score:
    recall: dict[str, tuple[int, int]] = field(default_factory=dict)  # gold measure → hit/total
    precision: dict[str, tuple[int, int]] = field(default_factory=dict)  # out measure → ok/total
    missed: list[dict[str, Any]] = field(default_factory=list)
    extra: list[dict[str, Any]] = field(default_factory=list)
    indicator_hits: int = 0
    # (right, judged) among the gold facts found, and the found pairs that are wrong
    period: tuple[int, int] = (0, 0)
    region: tuple[int, int] = (0, 0)
    indicator: tuple[int, int] = (0, 0)
    wrong: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = field(default_factory=dict)

    def totals(self) -> dict[str, tuple[int, int]]:
        """Pooled (hit, total) for recall and precision, (right, judged) for the attributes."""
        return {
            "recall": _sum(self.recall.values()),
            "precision": _sum(self.precision.values()),
            "period": self.period,
            "region": self.region,
            "indicator": self.indicator,
        }


def _sum(pairs: Any) -> tuple[int, int]:
    pairs = list(pairs)
    return sum(a for a, _ in pairs), sum(b for _, b in pairs)


def pool(scores: list[Score]) -> dict[str, tuple[int, int]]:
    """The totals of several texts added up (pooled, not averaged)."""
    out: dict[str, tuple[int, int]] = {}
    for sc in scores:
        for key, (a, b) in sc.totals().items():
            x, y = out.get(key, (0, 0))
            out[key] = (x + a, y + b)
    return out


def share(pair: tuple[int, int]) -> float:
    return pair[0] / pair[1] if pair[1] else 1.0


# A text's words for its own region (全市 in a city's report): right when the gold is that region.
SELF_WORDS = frozenset(
    ["全市", "全州", "全县", "全区", "全盟", "全旗", "我市", "我州", "我县", "我区", "本市", "本县",
     "市", "州", "县", "区"]
)  # fmt: skip
_ETHNIC = re.compile(
    r"(?:土家族|苗族|布依族|侗族|彝族|藏族|羌族|回族|壮族|蒙古族|哈尼族|傣族|白族|景颇族|傈僳族|"
    r"朝鲜族|哈萨克族|柯尔克孜族|黎族|瑶族|满族|仡佬族|水族|纳西族|拉祜族|佤族|畲族|土族|各族)+自治"
)


# Short names of the provinces: a prefecture whose short name is one keeps its 州 (海南藏族自治州
# and 海南州 are 海南州, 海南省 is 海南).
_PROVINCES = frozenset(
    ["北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江",
     "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川",
     "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾", "香港", "澳门"]
)  # fmt: skip


def norm_region(name: str | None) -> str:
    """湘西土家族苗族自治州 and 湘西州 → 湘西; 长沙市 → 长沙; 海南藏族自治州 → 海南州."""
    s = _ETHNIC.sub("", name or "")
    s = re.sub(r"(?:维吾尔|壮族|回族)?自治区$", "", s)
    if len(s) > 2:
        stripped = re.sub(r"(?:特别行政区|省|市|州|县|区|盟|旗|地区)$", "", s)
        if s.endswith("州") and stripped in _PROVINCES:
            return stripped + "州"
        s = stripped
    return s


def region_match(out: str | None, gold: str | None, doc_region: str | None) -> bool:
    expected = gold or doc_region
    if not expected:
        return True
    if (out is None or out in SELF_WORDS) and doc_region:
        return norm_region(expected) == norm_region(doc_region)
    return norm_region(out) == norm_region(expected)


def score(
    text: str,
    gold: list[dict],
    out: list[dict],
    body: tuple[str, str] | None,
    doc_region: str | None = None,
) -> Score:
    """Match ``out`` against ``gold`` inside ``body`` (its first and last words, or all)."""
    b0, b1 = 0, len(text)
    if body:
        b0 = max(text.find(body[0]), 0)
        b1 = text.find(body[1]) if text.find(body[1]) >= 0 else len(text)
    for o in out:
        o["_span"] = (o["start"], o["end"])
    for g in gold:
        sp = [x for x in _spans(text, g["quote"]) if b0 <= x[0] < b1] or _spans(text, g["quote"])
        g["_span"] = sp[0] if sp else (-1, -1)
    used: set[int] = set()
    hit: Counter[str] = Counter()
    tot: Counter[str] = Counter()
    result = Score()
    for g in gold:
        tot[g["measure"]] += 1
        gvs = norm_values(g)
        found: int | None = None
        best = (False, False)
        for i, o in enumerate(out):
            if i in used or o.get("derived") or klass(o) != klass(g):
                continue
            ovs = norm_values(o)
            if not any(math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6) for a in ovs for b in gvs):
                continue
            s, e = o["_span"]
            if not (s < g["_span"][1] and g["_span"][0] < e):
                continue
            # the candidate naming the right indicator (the first such), then the right region
            rank = (
                ind_match(o.get("indicator"), g.get("indicator")),
                region_match(o.get("region"), g.get("region"), doc_region),
            )
            if found is None or rank > best or (rank == best and not rank[0]):
                found, best = i, rank
            if rank == (True, True):
                break
        if found is None:
            result.missed.append(g)
            continue
        used.add(found)
        hit[g["measure"]] += 1
        o = out[found]
        result.indicator_hits += ind_match(o.get("indicator"), g.get("indicator"))
        checks = {"indicator": None, "period": None, "region": None}
        if g.get("indicator"):
            checks["indicator"] = ind_match(o.get("indicator"), g.get("indicator"))
        if g.get("period"):
            checks["period"] = o.get("period") == g["period"]
        if g.get("region") or doc_region:
            checks["region"] = region_match(o.get("region"), g.get("region"), doc_region)
        for key, ok_ in checks.items():
            if ok_ is None:
                continue
            right, judged = getattr(result, key)
            setattr(result, key, (right + bool(ok_), judged + 1))
            if not ok_:
                result.wrong.setdefault(key, []).append((g, o))
    ok: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for i, o in enumerate(out):
        if o.get("derived") or not (b0 <= o["_span"][0] < b1):
            continue
        seen[o["measure"]] += 1
        if i in used:
            ok[o["measure"]] += 1
        else:
            result.extra.append(o)
    result.recall = {m: (hit[m], tot[m]) for m in tot}
    result.precision = {m: (ok[m], seen[m]) for m in seen}
    return result
