"""The project scorer's matching (shared/tools/score_extract.py), per measure, as a module.

A gold fact is found when an extracted, non-derived fact has the same class of measure
(growth in % and in 倍/番 compare as percentages; level and count are both amounts), the same
value and a span that overlaps the gold quote's place in the text.
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


def score(text: str, gold: list[dict], out: list[dict], body: tuple[str, str] | None) -> Score:
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
        found = None
        for i, o in enumerate(out):
            if i in used or o.get("derived") or klass(o) != klass(g):
                continue
            ovs = norm_values(o)
            if not any(math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6) for a in ovs for b in gvs):
                continue
            s, e = o["_span"]
            if not (s < g["_span"][1] and g["_span"][0] < e):
                continue
            found = i
            if ind_match(o.get("indicator"), g.get("indicator")):
                break
        if found is None:
            result.missed.append(g)
            continue
        used.add(found)
        hit[g["measure"]] += 1
        result.indicator_hits += ind_match(out[found].get("indicator"), g.get("indicator"))
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
