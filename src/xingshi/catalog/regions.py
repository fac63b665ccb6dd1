"""Regions: every province, prefecture and county of China, plus a workspace's own units.

Codes are the six-digit statistical division codes (433100 湘西土家族苗族自治州); a country root
100000 全国 is the provinces' parent. Names resolve from the code, the full name, the short
name (湘西州) or an alias (湘西); ambiguity is an error that lists the candidates.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from xingshi.catalog import _mentions, _regiondata
from xingshi.catalog._mentions import RegionMention
from xingshi.catalog._regiondata import Region
from xingshi.errors import AmbiguousRegion, Location, UnknownRegion

if TYPE_CHECKING:
    import polars as pl

Level = Literal["country", "province", "prefecture", "county", "custom"]
LEVELS: tuple[str, ...] = ("country", "province", "prefecture", "county", "custom")
COUNTRY_CODE = _regiondata.COUNTRY_CODE
__all__ = ["COUNTRY_CODE", "LEVELS", "Region", "RegionCatalog", "RegionMention"]


_MAX_FUZZY_CHARS = 30
_MAX_CACHED = 10_000


class _UnknownRegion(UnknownRegion):
    """UnknownRegion whose hint (close names) is looked up when first read."""

    def __init__(self, name: str, catalog: RegionCatalog):
        self._catalog: RegionCatalog | None = catalog
        self._hint: str | None = None
        super().__init__(f"未知的地区“{name}”", where=Location(value=name))
        self._name = name

    @property  # type: ignore[override]
    def hint(self) -> str | None:
        if self._hint is None and self._catalog is not None:
            self._hint = self._catalog._suggestion_hint(self._name)
            self._catalog = None
        return self._hint

    @hint.setter
    def hint(self, value: str | None) -> None:
        self._hint = value


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", str(text)).split())


class RegionCatalog:
    """Region lookup: resolve names, walk the tree, list peers and groups."""

    def __init__(self, data: _regiondata.RegionData):
        self._regions = data.regions
        self._aliases = data.aliases
        self._preferred = data.preferred
        self._pseudo = data.pseudo
        self._groups = data.groups
        self._text_stopwords = data.text_stopwords
        self._false_friends = data.false_friends
        self._children: dict[str, list[str]] = {}
        for r in self._regions.values():
            if r.parent is not None and r.code not in self._pseudo and r.code not in data.beyond:
                self._children.setdefault(r.parent, []).append(r.code)
        self._by_name: dict[str, list[str]] = {}
        self._by_alias: dict[str, list[str]] = {}
        self._by_preferred: dict[str, list[str]] = {}
        own: dict[str, set[str]] = {}
        for r in self._regions.values():
            if r.code in self._pseudo:
                continue
            # Names in the data files are already in normal form (extras are normalised on read).
            _add(self._by_name, r.name, r.code)
            keys = {r.short, *self._aliases.get(r.code, ())}
            keys.discard(r.name)
            own[r.code] = keys
        # 长沙 means 长沙市, not the 长沙县 inside it: an ancestor's short name shadows.
        above: dict[str | None, set[str]] = {None: set()}

        def shadowed(code: str | None) -> set[str]:
            if code not in above:
                parent = self._regions[code].parent  # type: ignore[index]
                above[code] = shadowed(parent) | own.get(code, set())  # type: ignore[arg-type]
            return above[code]

        for code, keys in own.items():
            for key in keys - shadowed(self._regions[code].parent):
                _add(self._by_alias, key, code)
        # 西安 means 西安市, not the 西安区 of 辽源: a prefecture's short name beats county-level
        # ones, except the districts of 北京, 上海, 天津, 重庆 (朝阳 stays ambiguous).
        # The outranked stay findable under ``within`` (朝阳 within 长春 → 朝阳区).
        self._by_weak: dict[str, list[str]] = {}
        for key, codes in self._by_alias.items():
            if len(codes) > 1 and any(self._regions[c].level == "prefecture" for c in codes):
                self._by_weak[key] = [c for c in codes if self._outranked(c)]
                codes[:] = [c for c in codes if not self._outranked(c)]
        # A province's short name (河北, 河南) beats districts and counties formed alike.
        for r in self._regions.values():
            if r.level == "province":
                _add(self._by_preferred, r.short, r.code)
        for alias, code in self._preferred.items():
            _add(self._by_preferred, alias, code)

    def _outranked(self, code: str) -> bool:
        """True for county-level units that yield a shared short name to a prefecture."""
        region = self._regions[code]
        if region.level not in ("county", "custom"):
            return False
        parent = self._regions[region.parent or COUNTRY_CODE]
        # The districts of 北京, 上海, 天津, 重庆 hold their own against any prefecture.
        return not (parent.level == "province" and parent.name.endswith("市"))

    # -- loading ----------------------------------------------------------------------------
    @classmethod
    def load(cls, extra: str | Path | None = None) -> RegionCatalog:
        """The shipped regions plus, optionally, a workspace's custom units and groups.

        ``extra`` is a CSV of custom units (code,name,short,level,parent[,aliases]) or a
        directory holding ``regions.csv`` and/or ``groups.csv`` (group,code). Cached per path.
        """
        if extra is None:
            return _load_cached(None, 0.0)
        path = Path(extra)
        stamp = _stamp(path)
        return _load_cached(str(path.resolve()), stamp)

    # -- lookup -----------------------------------------------------------------------------
    def get(self, code: str) -> Region:
        """The region with this code; :class:`UnknownRegion` if there is none."""
        region = self._regions.get(str(code).strip())
        if region is None:
            raise UnknownRegion(
                f"没有代码为“{code}”的地区",
                where=Location(value=code),
                hint="区划代码为六位数字，例如 433100（湘西州）",
            )
        return region

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._regions

    def __len__(self) -> int:
        return len(self._regions) - len(self._pseudo)

    def __iter__(self) -> Iterator[Region]:
        """Every region except the source's 市辖区/县 placeholder rows (get() still has them)."""
        return (r for r in self._regions.values() if r.code not in self._pseudo)

    def resolve(self, name: str, within: str | None = None) -> Region:
        """A region from its code, full name, short name or alias.

        Matches under ``within`` (a code or name) win; among the rest an exact full name beats a
        short name or alias. Several equal matches raise :class:`AmbiguousRegion`; none raises
        :class:`UnknownRegion` with close suggestions.
        """
        s = _norm(name)
        if s in self._regions:
            return self._regions[s]
        if (code := _as_code(s)) in self._regions:
            return self._regions[code]
        anchor = self.resolve(within).code if within else None
        tiers = [self._by_preferred, self._by_name, self._by_alias, self._by_weak]
        found = [list(dict.fromkeys(t.get(s, ()))) for t in tiers]
        found[-1] = found[-1] if anchor else []
        if anchor is not None:
            inside = [[c for c in codes if self.is_within(c, anchor)] for codes in found]
            if any(inside):
                found = inside
        for codes in found:
            if len(codes) == 1:
                return self._regions[codes[0]]
            if len(codes) > 1:
                raise self._ambiguous(name, codes)
        compound = self._resolve_compound(s)
        if compound is not None:
            return compound
        raise self._unknown(name)

    def try_resolve(self, name: str, within: str | None = None) -> Region | None:
        """Like :meth:`resolve` but None when the name is unknown or ambiguous."""
        try:
            return self.resolve(name, within)
        except (UnknownRegion, AmbiguousRegion):
            return None

    def candidates(self, name: str) -> list[Region]:
        """Every region a name may mean (code, full name, short name or alias)."""
        s = _norm(name)
        if s in self._regions:
            return [self._regions[s]]
        codes: dict[str, None] = {}
        for t in (self._by_preferred, self._by_name, self._by_alias, self._by_weak):
            codes.update(dict.fromkeys(t.get(s, ())))
        return [self._regions[c] for c in codes]

    def _resolve_compound(self, s: str) -> Region | None:
        # "湖南省湘西州", "湘西州吉首市": a known name followed by a name inside it.
        for cut in range(len(s) - 1, 1, -1):
            head, tail = s[:cut], s[cut:]
            if head in self._by_name or head in self._by_alias or head in self._by_preferred:
                parent = self.try_resolve(head)
                if parent is None:
                    continue
                inner = [c for c in self.candidates(tail) if self.is_within(c.code, parent.code)]
                if len(inner) == 1:
                    return inner[0]
        return None

    def _ambiguous(self, name: str, codes: list[str]) -> AmbiguousRegion:
        listed = "、".join(f"{self.qualified_name(c)}({c})" for c in codes)
        return AmbiguousRegion(
            f"地区名称“{name}”有多个可能：{listed}",
            candidates=codes,
            where=Location(value=name),
            hint="请改写区划代码或全称，或指明上级地区（例如“湖南省长沙市”）",
        )

    def _unknown(self, name: str) -> UnknownRegion:
        # The "是否指" hint is computed only when shown, and once per name: a file of many
        # unknown names costs a dictionary miss per row, not a fuzzy search.
        return _UnknownRegion(name, self)

    def suggestions(self, name: str) -> list[str]:
        """Up to five close catalogue names (fuzzy match), cached per name and bounded."""
        s = _norm(name)
        cache = self.__dict__.setdefault("_suggest_cache", {})
        if s in cache:
            return cache[s]
        # Region names are short; a long text is no misspelt name, and difflib is quadratic.
        close = [] if len(s) > _MAX_FUZZY_CHARS else self._fuzzy(s)
        if len(cache) >= _MAX_CACHED:
            cache.clear()
        cache[s] = close
        return close

    def _fuzzy(self, s: str) -> list[str]:
        keys = list(self._by_name) + list(self._by_alias)
        return difflib.get_close_matches(s, keys, n=5, cutoff=0.5)

    def _suggestion_hint(self, name: str) -> str:
        close = self.suggestions(name)
        if close:
            shown = "、".join(
                f"{k}({'/'.join((self._by_name.get(k) or self._by_alias[k])[:3])})" for k in close
            )
            return f"是否指：{shown}？"
        return "请检查名称，或改写六位区划代码；自定义单位请加入工作区的地区文件"

    # -- tree -------------------------------------------------------------------------------
    def parent(self, code: str) -> Region | None:
        parent = self.get(code).parent
        return self._regions[parent] if parent else None

    def ancestors(self, code: str) -> list[Region]:
        """Parent, grandparent, … up to 全国."""
        out: list[Region] = []
        region = self.get(code)
        while region.parent is not None:
            region = self._regions[region.parent]
            out.append(region)
        return out

    def is_within(self, code: str, ancestor: str) -> bool:
        """True when ``code`` is ``ancestor`` or lies below it."""
        return code == ancestor or any(a.code == ancestor for a in self.ancestors(code))

    def children(
        self, code: str, level: str | None = None, *, include_custom: bool = False
    ) -> list[Region]:
        """Direct administrative children in code order (optionally of one level).

        Workspace custom units (a 高新区 under 湘西州) overlap the counties, so they are left
        out unless ``include_custom`` (or ``level="custom"``) asks for them: children's
        levels must add up to the parent's and ranks count only real peers.
        """
        self.get(code)
        kids = [self._regions[c] for c in sorted(self._children.get(code, ()))]
        if level is not None:
            return [k for k in kids if k.level == level]
        return [k for k in kids if include_custom or k.level != "custom"]

    def descendants(self, code: str) -> list[Region]:
        out: list[Region] = []
        for child in self.children(code, include_custom=True):
            out.append(child)
            out.extend(self.descendants(child.code))
        return out

    def province_of(self, code: str) -> Region | None:
        """The province a region lies in (itself for a province; None for 全国)."""
        region = self.get(code)
        for r in [region, *self.ancestors(code)]:
            if r.level == "province":
                return r
        return None

    def peers(self, code: str, group: str | None = None) -> list[Region]:
        """The region and its peers in code order: its siblings, or a named group.

        Siblings are the parent's children: 湖南's 14 市州, 湘西州's 8 县市, 北京's 16 districts,
        湖北's 13 prefectures with 仙桃, 潜江, 天门 and 神农架. Workspace custom units are peers
        only of each other.
        """
        if group is not None:
            return [self._regions[c] for c in self.group(group)]
        region = self.get(code)
        if region.parent is None:
            return [region]
        if region.level == "custom":
            return self.children(region.parent, level="custom")
        return self.children(region.parent)

    # -- groups -----------------------------------------------------------------------------
    def groups(self) -> list[str]:
        return sorted(self._groups)

    def group(self, name: str) -> list[str]:
        """Member codes of a workspace group (e.g. 武陵山片区)."""
        members = self._groups.get(_norm(name))
        if members is None:
            known = "、".join(self.groups()) or "（无）"
            raise UnknownRegion(
                f"未知的地区分组“{name}”",
                where=Location(value=name),
                hint=f"已定义的分组：{known}；分组写在工作区的 groups.csv（group,code）",
            )
        return list(members)

    # -- presentation -----------------------------------------------------------------------
    def qualified_name(self, code: str) -> str:
        """Province, prefecture and name joined: 北京市朝阳区, 辽宁省朝阳市."""
        region = self.get(code)
        chain = [a for a in reversed(self.ancestors(code)) if a.level != "country"]
        parts = [a.name for a in chain if a.code not in self._pseudo]
        return "".join([*parts, region.name])

    def names(self) -> Iterator[tuple[str, str]]:
        """Every (name, code) pair a text may use, longest name first."""
        pairs: set[tuple[str, str]] = set()
        for table in (self._by_preferred, self._by_name, self._by_alias, self._by_weak):
            for key, codes in table.items():
                pairs.update((key, c) for c in codes)
        yield from sorted(pairs, key=lambda p: (-len(p[0]), p[0], p[1]))

    def find_all(
        self, text: str, min_length: int = 2, within: str | None = None
    ) -> list[RegionMention]:
        """Region mentions in a text, longest match first, never overlapping.

        Counties match by full name (泸溪县) everywhere but by short name (泸溪) only under
        ``within``: bare county stems are everyday words far too often (振兴, 资源, 光明).
        Provinces and prefectures match by short name everywhere (长沙, 湘西).
        """
        anchor = self.resolve(within).code if within else None
        index = self._text_index(min_length, anchor)
        return _mentions.find(text, index, self._false_friends)

    @lru_cache(maxsize=16)  # noqa: B019 - catalogues are few and live as long as the process
    def _text_index(self, min_length: int, anchor: str | None) -> _mentions.TextIndex:
        def keep(key: str, code: str) -> bool:
            region = self._regions[code]
            if len(key) < min_length or key in self._text_stopwords:
                return False
            if region.level in ("county", "custom") and key != region.name:
                return anchor is not None and self.is_within(code, anchor)
            return True

        return _mentions.TextIndex.build(p for p in self.names() if keep(*p))

    def frame(self) -> pl.DataFrame:
        """All regions as a polars frame: code, name, short, level, parent, province.

        Like iteration, it leaves out the 市辖区/县 placeholder rows, so that the parent column
        gives the same children as :meth:`children`.
        """
        import polars as pl  # imported here so that loading the catalogue stays fast

        rows: dict[str, list[Any]] = {
            k: [] for k in ("code", "name", "short", "level", "parent", "province")
        }
        for r in self:
            prov = self.province_of(r.code)
            for k, v in (
                ("code", r.code),
                ("name", r.name),
                ("short", r.short),
                ("level", r.level),
                ("parent", r.parent),
                ("province", prov.code if prov else None),
            ):
                rows[k].append(v)
        return pl.DataFrame(rows, schema={k: pl.String for k in rows})


def _as_code(s: str) -> str | None:
    """43 → 430000, 4331 → 433100, 433100000000 (twelve-digit statistical code) → 433100."""
    if not s.isdigit():
        return None
    if len(s) in (2, 4):
        return s.ljust(6, "0")
    if len(s) in (9, 12) and set(s[6:]) == {"0"}:
        return s[:6]
    return None


def _add(table: dict[str, list[str]], key: str, code: str) -> None:
    codes = table.setdefault(key, [])
    if code not in codes:
        codes.append(code)


def _stamp(path: Path) -> float:
    if path.is_dir():
        files = [path / "regions.csv", path / "groups.csv"]
    else:
        files = [path, path.with_name("groups.csv")]
    return sum(f.stat().st_mtime_ns for f in files if f.exists()) / 1e9


@lru_cache(maxsize=16)
def _load_cached(extra: str | None, stamp: float) -> RegionCatalog:
    data = _regiondata.shipped()
    if extra is not None:
        data = _regiondata.with_extra(data, Path(extra))
    return RegionCatalog(data)
