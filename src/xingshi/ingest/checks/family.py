"""Rules ``outside_family`` and ``missing_child``: a file's regions are one family.

A county sheet of 湘西州 lists 湘西州's counties. A name that resolves to a county somewhere
else (泸西县 in 云南 where 泸溪县 was meant) lands figures on the wrong region without any other
rule noticing; it is an error naming the sibling the writer most likely meant, found by edit
distance and by pinyin (泸西 and 泸溪 are both lu xi). A child of the family missing from a file
that gives the family's total is a warning: the additivity rule cannot check that total.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from xingshi.errors import Location
from xingshi.findings import Finding
from xingshi.ingest.values import normalize_text

# A family is the parent most of a file's distinct regions share; a province-wide county table
# (parents spread over many prefectures) has none and is not checked.
_FAMILY_SHARE = 0.6
_FAMILY_MIN = 3
# A small sheet (two counties and a total) is a weaker family: only a name that sounds like or
# is one character from a missing sibling is reported there.
_WEAK_FAMILY_MIN = 2
_SUFFIXES = (
    "土家族苗族自治州",
    "自治州",
    "自治县",
    "特区",
    "林区",
    "新区",
    "市",
    "县",
    "区",
    "州",
    "旗",
)


def _stem(name: str) -> str:
    text = normalize_text(name)
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix)]
    return text


def _pinyin(text: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    return tuple(lazy_pinyin(text))


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (names are a few characters: the plain table is enough)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def likely_sibling(regions: Any, name: Any, family: str, exclude: set[str]) -> Any:
    """The child of ``family`` a misspelt ``name`` most likely means, or None.

    Same pinyin, or one character apart, among the children not already in the file.
    """
    stem = _stem(str(name))
    if not stem:
        return None
    sound = _pinyin(stem)
    best: tuple[tuple[int, int], Any] | None = None
    for child in regions.children(family):
        if child.code in exclude:
            continue
        other = _stem(child.name)
        dist = _distance(stem, other)
        same_sound = _pinyin(other) == sound
        if not same_sound and dist > 1:
            continue
        score = (0 if same_sound else 1, dist)
        if best is None or score < best[0]:
            best = (score, child)
    return best[1] if best else None


def family_of(
    regions: Any, codes: list[str], minimum: int = _FAMILY_MIN, total_votes: bool = False
) -> str | None:
    """The parent shared by most of the distinct regions (not counting totals), if any.

    With ``total_votes`` a total in the file (全州) counts as one more vote for itself."""
    distinct = set(codes)
    above = {a.code for c in distinct for a in regions.ancestors(c)}
    members = [c for c in distinct if c not in above]  # totals (全州) are no members
    parents = Counter(regions.get(c).parent for c in members)
    parents.pop(None, None)
    if not parents:
        return None
    for total in distinct & above if total_votes else ():
        if total in parents:
            parents[total] += 1
    parent, count = parents.most_common(1)[0]
    voted = total_votes and parent in distinct
    if count < minimum or count < _FAMILY_SHARE * (len(members) + voted):
        return None
    return parent


def check_family(
    items: list[tuple[Any, Any, bool, Location]], codes: list[str | None], regions: Any
) -> list[Finding]:
    """Findings for regions outside the file's family and children missing from it."""
    first: dict[str, int] = {}
    for i, c in enumerate(codes):
        if c is not None and c not in first:
            first[c] = i  # each region once: a sheet names it once per indicator
    resolved = list((i, c) for c, i in first.items())
    levels = {c: regions.get(c).level for c in first}
    admin = [c for c in first if levels[c] != "custom"]
    family = family_of(regions, admin)
    weak = family is None
    if weak:
        family = family_of(regions, admin, minimum=_WEAK_FAMILY_MIN, total_votes=True)
    if family is None:
        return []
    present = set(admin)
    member_level = Counter(
        levels[c] for c in present if regions.get(c).parent == family
    ).most_common(1)[0][0]
    findings: list[Finding] = []
    reported: set[str] = set()
    for i, code in resolved:
        if code in reported or levels[code] != member_level:
            continue  # 北京市 beside 河北's cities: a province of its own, not a misspelling
        if regions.is_within(code, family) or regions.is_within(family, code):
            continue
        if regions.get(code).parent in present:
            continue  # 思明区 under 厦门市, both listed beside 福州's: a family of its own
        reported.add(code)
        name, _code, _parent, where = items[i]
        family_name = regions.get(family).short or regions.get(family).name
        guess = likely_sibling(regions, name, family, present)
        landed = regions.qualified_name(code)
        if guess is None and weak:
            continue  # two regions are too few to call a third one foreign
        if guess is not None:
            findings.append(
                Finding(
                    "outside_family",
                    "error",
                    f"“{name}”是{landed}，不在表中其他地区所属的{family_name}之内："
                    f"是否为“{guess.name}”？",
                    where,
                    hint=f"改为“{guess.name}”；如确是{landed}，请分开导入或填写地区代码",
                    data={"resolved": code, "family": family, "suggestion": guess.code},
                )
            )
        else:
            findings.append(
                Finding(
                    "outside_family",
                    "warning",
                    f"“{name}”是{landed}，不在表中其他地区所属的{family_name}之内",
                    where,
                    hint="请核对地区名称；确为外地的对比数据可忽略本提示",
                    data={"resolved": code, "family": family},
                )
            )
    if family in present and not weak:
        missing = [
            c for c in regions.children(family) if c.code not in present and c.level != "custom"
        ]
        if missing and len(missing) < len(regions.children(family)):
            i = next(i for i, c in resolved if c == family)
            where = items[i][3]
            names = "、".join(c.name for c in missing)
            findings.append(
                Finding(
                    "missing_child",
                    "warning",
                    f"表中有{regions.get(family).name}的合计，但缺少下辖的{names}",
                    Location(file=where.file, sheet=where.sheet),
                    hint="下级之和与合计的核对对该表跳过；如漏行请补上，名称写错请改正",
                    data={"family": family, "missing": [c.code for c in missing]},
                )
            )
    return findings
