"""Reading the region files: shipped division codes, naming rules, workspace additions."""

from __future__ import annotations

import csv
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from xingshi.errors import CatalogError, Location

DATA_DIR = Path(__file__).parent / "data" / "regions"
COUNTRY_CODE = "100000"
_LEVELS = ("country", "province", "prefecture", "county", "custom")


@dataclass(frozen=True)
class Region:
    """One region: six-digit (or workspace custom) code, full and short name, level, parent."""

    code: str
    name: str
    short: str
    level: str
    parent: str | None


@dataclass
class RegionData:
    regions: dict[str, Region]
    aliases: dict[str, list[str]]  # code -> extra names
    preferred: dict[str, str]  # alias -> code, wins over names formed by rules
    pseudo: frozenset[str]  # 市辖区/县 rows: kept for get(), but nobody's parent
    groups: dict[str, list[str]] = field(default_factory=dict)
    text_stopwords: frozenset[str] = frozenset()
    false_friends: tuple[str, ...] = ()
    beyond: frozenset[str] = frozenset()  # 台湾, 香港, 澳门: under 全国, not among its children


class _Naming:
    """Short-name rules from naming.toml."""

    def __init__(self, spec: dict):
        self.pseudo_names = set(spec["pseudo_prefectures"])
        self.text_stopwords = frozenset(spec.get("text_stopwords", ()))
        self.false_friends = tuple(spec.get("text_false_friends", ()))
        groups = sorted(spec["ethnic_groups"], key=len, reverse=True)
        multi = [g for g in groups if len(g) > 1]
        # Multi-character groups may appear without 族 (博尔塔拉蒙古自治州); single ones need it.
        alt = "|".join([f"{g}族?" for g in multi] + [f"{g}族" for g in groups if len(g) == 1])
        self.ethnic_tail = re.compile(f"(?:{alt})$")
        self.rules: dict[str, list[tuple[str, str, list[str]]]] = {}
        for block in spec["suffix"]:
            for level in block["levels"]:
                self.rules[level] = [(s, t, list(a)) for s, t, a in block["rules"]]

    def strip_ethnic(self, stem: str) -> str:
        while True:
            m = self.ethnic_tail.search(stem)
            if not m or m.start() < 2:
                return stem
            stem = stem[: m.start()]

    def short(self, name: str, level: str, taken: set[str]) -> tuple[str, list[str]]:
        """(short name, extra aliases) for an official name."""
        for suffix, template, alias_templates in self.rules.get(level, []):
            if not name.endswith(suffix) or len(name) <= len(suffix):
                continue
            stem = name[: -len(suffix)]
            if "自治" in suffix or level == "province":
                stem = self.strip_ethnic(stem)
            if len(stem) < 2:
                return name, []
            short = template.format(x=stem, name=name)
            # 麻阳苗族自治县 → 麻阳县, unless a real 麻阳县 exists elsewhere.
            if short != name and short in taken:
                short = name
            aliases = [a.format(x=stem, name=name) for a in alias_templates]
            return short, [a for a in dict.fromkeys(aliases) if a not in (short, name)]
        return name, []


@lru_cache(maxsize=1)
def _naming() -> _Naming:
    with open(DATA_DIR / "naming.toml", "rb") as f:
        return _Naming(tomllib.load(f))


def _rows(name: str) -> list[dict[str, str]]:
    # csv.reader on the whole text is several times faster than DictReader line by line.
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    header, *rows = csv.reader(text.splitlines())
    return [dict(zip(header, row, strict=True)) for row in rows if row]


@lru_cache(maxsize=1)
def _shipped() -> RegionData:
    naming = _naming()
    raw: list[tuple[str, str, str, str]] = []  # code, name, level, parent
    for r in _rows("provinces.csv"):
        raw.append((r["code"] + "0000", r["name"], "province", COUNTRY_CODE))
    beyond = frozenset(r["code"] + "0000" for r in _rows("beyond.csv"))
    for r in _rows("beyond.csv"):
        raw.append((r["code"] + "0000", r["name"], "province", COUNTRY_CODE))
    for r in _rows("cities.csv"):
        raw.append((r["code"] + "00", r["name"], "prefecture", r["provinceCode"] + "0000"))
    prefectures = {code for code, _, _, _ in raw}
    for r in _rows("areas.csv"):
        # 东莞市 441900 has no counties: its area row repeats the prefecture; keep one.
        if r["code"] not in prefectures:
            raw.append((r["code"], r["name"], "county", r["cityCode"] + "00"))
    # Counties under a 市辖区/县/省直辖县级行政区划 row hang from the province itself: 朝阳区
    # is one of 北京's 16 districts, 仙桃 one of 湖北's 17 市州-level units.
    province_of_pseudo = {
        code: parent
        for code, name, level, parent in raw
        if level == "prefecture" and name in naming.pseudo_names
    }
    raw = [(c, n, lv, province_of_pseudo.get(p, p)) for c, n, lv, p in raw]
    taken = {name for _, name, _, _ in raw}
    regions = {COUNTRY_CODE: Region(COUNTRY_CODE, "全国", "全国", "country", None)}
    aliases: dict[str, list[str]] = {}
    pseudo: set[str] = set()
    for code, name, level, parent in raw:
        if level == "prefecture" and name in naming.pseudo_names:
            pseudo.add(code)
            regions[code] = Region(code, name, name, level, parent)
            continue
        short, extra = naming.short(name, level, taken)
        regions[code] = Region(code, name, short, level, parent)
        if extra:
            aliases[code] = extra
    preferred: dict[str, str] = {}
    for r in _rows("aliases.csv"):
        if r["preferred"].strip() == "1":
            preferred[r["alias"]] = r["code"]
        else:
            aliases.setdefault(r["code"], []).append(r["alias"])
    return RegionData(
        regions,
        aliases,
        preferred,
        frozenset(pseudo),
        {},
        naming.text_stopwords,
        naming.false_friends,
        beyond,
    )


def shipped() -> RegionData:
    """A fresh copy of the shipped data (callers may add to it)."""
    base = _shipped()
    return RegionData(
        dict(base.regions),
        {k: list(v) for k, v in base.aliases.items()},
        dict(base.preferred),
        base.pseudo,
        {},
        base.text_stopwords,
        base.false_friends,
        base.beyond,
    )


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _read_csv(path: Path) -> list[dict[str, str]]:
    for encoding in ("utf-8-sig", "gbk"):
        try:
            with open(path, encoding=encoding, newline="") as f:
                return [
                    {k.strip(): (v or "").strip() for k, v in row.items() if k}
                    for row in csv.DictReader(f)
                ]
        except UnicodeDecodeError:
            continue
    raise CatalogError(
        "地区文件编码无法识别", where=Location(file=str(path)), hint="请另存为 UTF-8 编码的 CSV"
    )


def with_extra(data: RegionData, path: Path) -> RegionData:
    """Add a workspace's custom units (regions.csv) and groups (groups.csv)."""
    if path.is_dir():
        units, groups = path / "regions.csv", path / "groups.csv"
    else:
        units, groups = path, path.with_name("groups.csv")
    if units.exists() and units != groups:
        _add_units(data, units)
    if groups.exists():
        _add_groups(data, groups)
    return data


def _add_units(data: RegionData, path: Path) -> None:
    for i, row in enumerate(_read_csv(path), start=2):
        where = Location(file=str(path), row=i)
        missing = [k for k in ("code", "name", "parent") if not row.get(k)]
        if missing:
            raise CatalogError(
                f"地区文件缺少字段：{'、'.join(missing)}",
                where=where,
                hint="列应为 code,name,short,level,parent（可选 aliases，用“|”分隔）",
            )
        code, level, parent = row["code"], row.get("level") or "custom", row["parent"]
        if level not in _LEVELS:
            raise CatalogError(
                f"未知的地区级别“{level}”",
                where=replace(where, column="level", value=level),
                hint=f"级别应为：{'、'.join(_LEVELS)}",
            )
        if code in data.regions and data.regions[code].name != row["name"]:
            raise CatalogError(
                f"代码 {code} 已属于“{data.regions[code].name}”",
                where=replace(where, column="code", value=code),
                hint="自定义单位请使用未被占用的代码",
            )
        if parent not in data.regions:
            raise CatalogError(
                f"上级地区代码“{parent}”不存在",
                where=replace(where, column="parent", value=parent),
                hint="parent 应为六位区划代码或已定义的自定义单位代码",
            )
        name = _norm(row["name"])
        short = _norm(row.get("short") or name)
        data.regions[code] = Region(code, name, short, level, parent)
        extra = [_norm(a) for a in re.split(r"[|、;；]", row.get("aliases", "")) if a.strip()]
        if extra:
            data.aliases.setdefault(code, []).extend(extra)


def _add_groups(data: RegionData, path: Path) -> None:
    by_name: dict[str, list[str]] = {}
    for r in data.regions.values():
        for n in {r.name, r.short, *data.aliases.get(r.code, ())}:
            by_name.setdefault(n, []).append(r.code)
    for i, row in enumerate(_read_csv(path), start=2):
        group, ref = row.get("group", ""), row.get("code", "")
        where = Location(file=str(path), row=i, value=ref)
        if not group or not ref:
            raise CatalogError("分组文件缺少 group 或 code", where=where, hint="列应为 group,code")
        codes = [ref] if ref in data.regions else by_name.get(ref, [])
        if len(codes) != 1:
            raise CatalogError(
                f"分组“{group}”的成员“{ref}”无法确定",
                where=where,
                hint="成员请写六位区划代码",
            )
        members = data.groups.setdefault(group, [])
        if codes[0] not in members:
            members.append(codes[0])
