"""Rules ``unknown_region`` and ``ambiguous_region``: every row names one region of the catalogue.

Names are resolved within ``--region-scope`` when given; otherwise a name that is ambiguous on
its own is retried under the parent most other rows of the file resolved to, so a county table
needs no option. 全州/全市/全省/合计 rows mean that common parent.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from xingshi.errors import AmbiguousRegion, CatalogError, Location
from xingshi.findings import Finding
from xingshi.ingest.checks.family import check_family, family_of, likely_sibling
from xingshi.ingest.values import normalize_text

_CODE = re.compile(r"^\d{6}$")
_ENGLISH = re.compile(r"(?<=[\u4e00-\u9fff])[A-Za-z][A-Za-z .,&()'-]*$")
_SUB_ITEM = re.compile(r"^(其中|内含|含)[:：]?")
_PARK = re.compile(
    r"(经开区|高新区|开发区|工业园区?|产业园区?|园区|示范区|管理区|试验区|合作区)$|"
    r"^(经开|高新|港区|保税区|综保区)$"  # 嘉兴 lists 经开, 港区 beside its counties
)
_OWN_LEVEL = re.compile(r"(本级|直属|[省市州县区]直)$")
_AGGREGATE = re.compile(
    r"^(市区|城区|主城区|郊区|市辖区|[市县]直|市本级|其他|其它|其他地区|未分地区)$|"
    r"(功能核心区|功能拓展区|发展新区|涵养发展区|涵养区|片区|经济区|经济带|城市群|都市圈|三角洲?)$|"
    # Economic zones named by a province's short name and a compass point: 浙东北, 苏南, 大湘西.
    r"^大?[浙苏皖鲁豫湘鄂赣闽粤桂川黔滇陕甘冀晋辽吉黑蒙]"
    r"(东北|西北|东南|西南|东|西|南|北|中)(部|地区|片区?)?$"
)

# 城关镇, 大王庄乡, 西关街道, 巴音苏木: below the counties, where the catalogue stops.
_TOWN = re.compile(r"..(镇|乡|街道|街道办事处|办事处|苏木)$")


def _not_administrative(name: Any) -> str | None:
    """What kind of non-administrative unit a row names, if it plainly is one."""
    text = normalize_text(name)
    if not text:
        return None
    if _SUB_ITEM.match(text):
        return "上一行地区的细项（其中项）"
    if _PARK.search(text):
        return "园区（非行政区划单位）"
    if _OWN_LEVEL.search(text):
        return "本级（非行政区划单位）"
    if _AGGREGATE.search(text):
        return "几个区的合计（非行政区划单位）"
    if _TOWN.search(text):
        return "乡镇或街道（区划目录只到县级）"
    return None


_DECORATION = re.compile(
    r"^(其中[:：]?|[\d一二三四五六七八九十]+[.、．)）])|[*＊※△▲#]+$|[(（][^)）]*[)）]$"
)


def _code_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize_text(value)


def resolve_one(regions: Any, name: Any, code: Any, within: str | None) -> str:
    """The region code for a name (or code), raising the catalogue's error when it cannot."""
    code_text = _code_text(code)
    if re.fullmatch(r"\d{6}0{6}", code_text):  # 12-digit 统计用区划代码 of a county or above
        code_text = code_text[:6]
    if code_text:
        if code_text not in regions:
            raise CatalogError(f"地区代码“{code_text}”不在区划目录中")
        return code_text
    text = _code_text(name)
    if _CODE.match(text):
        if text not in regions:
            raise CatalogError(f"地区代码“{text}”不在区划目录中")
        return text
    try:
        return regions.resolve(text, within=within).code if within else regions.resolve(text).code
    except CatalogError:
        # Table decorations: 其中：吉首市, 凤凰县*, 吉首市（含经开区）, 1.泸溪县, 北京 Beijing.
        cleaned = _DECORATION.sub("", _ENGLISH.sub("", text))
        if not cleaned or cleaned == text:
            raise
        return resolve_one(regions, cleaned, None, within)


def _shared_short(regions: Any, name: Any, code: str) -> bool:
    """True when ``code`` is a province read from a short name other regions share."""
    if regions.get(code).level != "province":
        return False
    text = normalize_text(name)
    if text in (regions.get(code).name, code):
        return False
    if any(c.level == "prefecture" for c in regions.candidates(text)):
        return True
    names = {text + end for end in _PREFECTURE_ENDS}
    return any(r.name in names for r in regions.children(code))  # 吉林 → 吉林省吉林市


_PREFECTURE_ENDS = ("市", "州", "地区", "盟")


def _parent_code(regions: Any, text: Any) -> str | None:
    """The region a 所属市 / 所属省份 cell names (沈阳1, 广东1: the name and its rank there)."""
    name = re.sub(r"\d+$", "", normalize_text(text))
    found = regions.try_resolve(name) if name else None
    return found.code if found is not None and found.level != "county" else None


def resolve_regions(
    items: list[tuple[Any, Any, bool, Location]],
    regions: Any,
    scope: str | None,
    parents: list[Any] | None = None,
) -> tuple[list[str | None], list[Finding]]:
    """Codes for (name, code, is_parent_alias, location) items, with findings for failures;
    ``parents`` the row's own 所属市 cells, where the table has them."""
    codes: list[str | None] = [None] * len(items)
    pending: dict[int, Exception] = {}
    hinted: set[int] = set()  # rows whose own 所属市 says whose they are
    for i, (name, code, is_parent, _where) in enumerate(items):
        if is_parent:
            continue
        within = scope
        if scope is None and parents and parents[i] is not None:
            within = _parent_code(regions, parents[i])
            if within is not None:
                hinted.add(i)
        try:
            codes[i] = resolve_one(regions, name, code, within)
        except CatalogError as exc:
            pending[i] = exc.with_traceback(None)  # a traceback per row holds its frames
    # 海南, 吉林: a short name a province shares with a prefecture reads as the province on its
    # own; in a table of another province's prefectures (海北, 海西) it is that prefecture.
    shared = {i for i, c in enumerate(codes) if c and _shared_short(regions, items[i][0], c)}
    parents = Counter(regions.get(c).parent for i, c in enumerate(codes) if c and i not in shared)
    parents.pop(None, None)
    common = parents.most_common(1)[0][0] if parents else scope
    if common and scope is None and regions.get(common).level != "country":
        for i in shared:
            text = normalize_text(items[i][0])
            for name in (text, *(text + end for end in _PREFECTURE_ENDS)):
                try:
                    other = resolve_one(regions, name, None, common)
                except CatalogError:
                    continue
                if other != codes[i] and regions.is_within(other, common):
                    codes[i] = other
                    break
    for i, exc in list(pending.items()):
        if isinstance(exc, AmbiguousRegion) and common:
            try:
                codes[i] = resolve_one(regions, items[i][0], None, common)
                del pending[i]
            except CatalogError as retry:
                pending[i] = retry.with_traceback(None)
    findings: list[Finding] = []
    for i, (name, _code, is_parent, where) in enumerate(items):
        if is_parent:
            alias = normalize_text(name)
            if alias.startswith("全国") and "100000" in regions:
                codes[i] = "100000"
            elif alias.startswith(("全省", "省")) and common:
                province = regions.province_of(common)
                codes[i] = province.code if province is not None else common
            elif common:
                codes[i] = common
            else:
                findings.append(
                    Finding(
                        "unknown_region",
                        "error",
                        f"无法确定“{name}”指哪个地区：表中其他地区没有共同的上级",
                        where,
                        hint="改写为地区全称（如“湘西土家族苗族自治州”），或用 --region-scope 指定",
                    )
                )
            continue
        exc = pending.get(i)
        if exc is None:
            continue
        if name is None and _code is None:
            findings.append(
                Finding(
                    "unknown_region",
                    "error",
                    "未注明地区：报表的标题、工作表名和文件名中都找不到地区名称",
                    where,
                    hint="用 --region-scope 指定报表所属地区，如 --region-scope 湘西州",
                )
            )
            continue
        if isinstance(exc, AmbiguousRegion):
            findings.append(
                Finding(
                    "ambiguous_region",
                    "error",
                    f"地区名称“{name}”有歧义，可能是：{_listed(regions, exc.candidates)}",
                    where,
                    hint="改写为带上级的全称或填写地区代码，或用 --region-scope 指定所属地区",
                    data={"candidates": list(map(str, exc.candidates))},
                )
            )
        elif (kind := _not_administrative(name)) is not None:
            # 其中：湘西高新区, 湘西经开区, 州本级: units outside the administrative catalogue
            # (users add them to the workspace); a misspelt county is still an error.
            if any(f.rule == "unknown_region" and f.where.value == where.value for f in findings):
                continue  # one warning per row, not one per indicator
            parent = common or scope
            example = (
                f"X{parent[:5]}1,{normalize_text(name)},{normalize_text(name)},custom,{parent},"
                if parent
                else f"X0000001,{normalize_text(name)},{normalize_text(name)},custom,上级代码,"
            )
            findings.append(
                Finding(
                    "unknown_region",
                    "warning",
                    f"“{name}”是{kind}，不在区划目录中，该行未导入"
                    if where.row is not None or where.column is not None
                    else f"标题所指的“{name}”是{kind}，不是全市，不在区划目录中，整表未导入",
                    where,
                    hint="如需导入园区、市区、本级、乡镇等目录外单位的数据，在工作区的 regions.csv"
                    f"（code,name,short,level,parent,aliases）中加一行，如：{example}",
                    data={"left_out": True},
                )
            )
        else:
            guess = _guess(regions, name, codes)
            findings.append(
                Finding(
                    "unknown_region",
                    "error",
                    exc.message
                    if name is None
                    else f"未知地区“{name}”：{exc.message}"
                    + (f"；是否为“{guess.name}”？" if guess is not None else ""),
                    where,
                    hint="检查地区名称是否有错别字；自定义地区（园区、片区）请先加入工作区目录",
                )
            )
    # A row whose own 所属市 names its city is no stray of the others' family.
    keep = [i for i in range(len(items)) if i not in hinted]
    findings.extend(check_family([items[i] for i in keep], [codes[i] for i in keep], regions))
    return codes, findings


def _guess(regions: Any, name: Any, codes: list[str | None]) -> Any:
    """The sibling a name that resolved nowhere most likely means (吉手市 → 吉首市)."""
    known = [c for c in codes if c is not None and regions.get(c).level != "custom"]
    family = family_of(regions, known)
    if family is None or name is None:
        return None
    return likely_sibling(regions, name, family, set(known))


def _listed(regions: Any, codes: list[Any]) -> str:
    return "、".join(f"{regions.qualified_name(str(c))}（{c}）" for c in codes)


# 1-9 市区历年地区生产总值: the figures of the city's districts together, not the whole city's.
# 县市区, 县(市区), 各市区, 省市区 list kinds of units; 沙市区 is a district's own name.
_URBAN = re.compile(r"(?<![县各省(（、/])(市区|市辖区)(?![县、)）域])")  # 全市区域 is no 市区


def urban_part(regions: Any, text: str | None) -> str | None:
    """``市区`` when a title says its figures are a city's districts together (市区历年…)."""
    if not text:
        return None
    masked = text
    for m in regions.find_all(text):
        masked = masked[: m.start] + "　" * (m.end - m.start) + masked[m.end :]
    found = _URBAN.search(masked)
    return "市区" if found else None


def region_in_text(regions: Any, text: str | None, scope: str | None) -> str | None:
    """The one region a report title names (湘西州2021年1-6月主要经济指标), else ``scope``."""
    if scope:
        return scope
    if not text:
        return None
    matches = list(regions.find_all(text))
    codes = {c for m in matches for c in m.codes[:1] if len(m.codes) == 1}
    # 驻马店市驿城区: a city and one of its districts name one region, the district; a name
    # shared by several (市中区) is the one under a region the text also names.
    for m in matches:
        if len(m.codes) > 1:
            inner = [c for c in m.codes if any(regions.is_within(c, a) for a in codes)]
            if len(inner) == 1:
                codes.add(inner[0])
    if len(codes) > 1:
        deepest = [c for c in codes if all(c == a or regions.is_within(c, a) for a in codes)]
        codes = set(deepest)
    return codes.pop() if len(codes) == 1 else None
