"""A workspace: a directory with settings, catalogue additions and (by default) the database.

xingshi-data/
  xingshi.toml      settings (commented defaults, see xingshi.settings)
  regions.csv       custom units: code,name,short,level,parent,aliases (e.g. a 高新区)
  groups.csv        peer groups: group,code (e.g. 武陵山片区)
  indicators.toml   local indicators, same format as the shipped catalogue
  xingshi.db        the SQLite store, unless XINGSHI_DATABASE_URL names another database
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from xingshi.errors import Location, WorkspaceError
from xingshi.settings import SETTINGS_FILE, Settings
from xingshi.store import DATABASE_FILE, Store, database_url_for

if TYPE_CHECKING:
    from xingshi.catalog.indicators import IndicatorCatalog
    from xingshi.catalog.regions import RegionCatalog

REGIONS_FILE = "regions.csv"
GROUPS_FILE = "groups.csv"
INDICATORS_FILE = "indicators.toml"

_REGIONS_HEADER = "code,name,short,level,parent,aliases\n"
_GROUPS_HEADER = "group,code\n"
_INDICATORS_TEXT = """\
# 本工作区自定义的指标，格式与 xingshi 自带的指标目录相同，例如：
#
# [[indicator]]
# code = "park_revenue"
# name = "园区技工贸总收入"
# aliases = ["技工贸收入"]
# kind = "flow"
# unit = "亿元"
# frequency = "monthly"
# growth_rule = "nominal"
# additive = true
"""


@dataclass
class Workspace:
    """An opened workspace; the store and catalogues are opened on first use."""

    path: Path
    settings: Settings
    database_url: str
    created: list[str] = field(default_factory=list)

    @cached_property
    def store(self) -> Store:
        """The workspace's store, migrated to the newest schema."""
        return Store.open(self.database_url)

    @cached_property
    def regions(self) -> RegionCatalog:
        """Shipped regions plus this workspace's regions.csv and groups.csv."""
        from xingshi.catalog.regions import RegionCatalog

        return RegionCatalog.load(extra=self.path)

    @cached_property
    def indicators(self) -> IndicatorCatalog:
        """Shipped indicators plus this workspace's indicators.toml."""
        from xingshi.catalog.indicators import IndicatorCatalog

        return IndicatorCatalog.load(extra=self.path / INDICATORS_FILE)

    @property
    def uses_own_database(self) -> bool:
        """True when the database is the workspace's SQLite file (no XINGSHI_DATABASE_URL)."""
        return self.database_url == _sqlite_url(self.path)

    def close(self) -> None:
        """Close the store's connections if it was opened."""
        if "store" in self.__dict__:
            self.store.close()
            del self.__dict__["store"]


def _write_atomically(target: Path, text: str) -> None:
    # A kill mid-write must not leave half a settings file that every later command refuses.
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve() / DATABASE_FILE}"


def init_workspace(path: str | Path, *, database_url: str | None = None) -> Workspace:
    """Create (or complete) a workspace at `path` and migrate its database to head.

    Existing files are kept as they are, so running init twice is harmless; `created` lists
    what this call added.
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise WorkspaceError(
            "工作区路径已存在且不是目录", where=Location(file=str(path)), hint="请换一个目录"
        )
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkspaceError(
            f"无法创建工作区目录：{exc.strerror}",
            where=Location(file=str(path)),
            hint="检查路径和写入权限",
        ) from None
    created: list[str] = []
    files = {
        SETTINGS_FILE: Settings.default_toml(),
        REGIONS_FILE: _REGIONS_HEADER,
        GROUPS_FILE: _GROUPS_HEADER,
        INDICATORS_FILE: _INDICATORS_TEXT,
    }
    for name, text in files.items():
        target = path / name
        if not target.exists():
            _write_atomically(target, text)
            created.append(name)
    url = database_url or database_url_for(path)
    db_existed = (path / DATABASE_FILE).exists()
    ws = Workspace(path=path, settings=Settings.load(path), database_url=url)
    ws.store  # noqa: B018 - opening runs the migrations now, so init fails early on a bad URL
    if url == _sqlite_url(path) and not db_existed:
        created.append(DATABASE_FILE)
    ws.created = created
    return ws


def open_workspace(path: str | Path, *, database_url: str | None = None) -> Workspace:
    """Open an existing workspace; XINGSHI_DATABASE_URL (or `database_url`) picks the database."""
    path = Path(path)
    if not (path / SETTINGS_FILE).is_file():
        raise WorkspaceError(
            "这里还没有工作区" if path.is_dir() else "工作区目录不存在",
            where=Location(file=str(path)),
            hint="先运行 xingshi init（或用 --workspace 指定已有的工作区）",
        )
    return Workspace(
        path=path,
        settings=Settings.load(path),
        database_url=database_url or database_url_for(path),
    )
