"""Workspaces: init creates everything once, open reads it, the database can be elsewhere."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import create_engine, inspect

from xingshi.errors import WorkspaceError
from xingshi.settings import Settings
from xingshi.store import ImportBatch
from xingshi.workspace import Workspace, init_workspace, open_workspace


def test_init_creates_files_and_migrated_database(workspace: Workspace) -> None:
    """init writes the settings, the catalogue additions and a migrated SQLite file."""
    # While the store is open, WAL mode keeps its -wal and -shm files beside the database.
    names = sorted(
        p.name for p in workspace.path.iterdir() if p.suffix not in (".db-wal", ".db-shm")
    )
    assert names == ["groups.csv", "indicators.toml", "regions.csv", "xingshi.db", "xingshi.toml"]
    assert workspace.created == [
        "xingshi.toml",
        "regions.csv",
        "groups.csv",
        "indicators.toml",
        "xingshi.db",
    ]
    assert (workspace.path / "xingshi.toml").read_text(encoding="utf-8") == Settings.default_toml()
    assert (workspace.path / "groups.csv").read_text(encoding="utf-8") == "group,code\n"
    engine = create_engine(f"sqlite:///{workspace.path / 'xingshi.db'}")
    assert "observations" in inspect(engine).get_table_names()
    engine.dispose()


def test_init_twice_keeps_user_files_and_data(workspace: Workspace) -> None:
    """A second init adds nothing, keeps edited settings and stored figures."""
    settings = workspace.path / "xingshi.toml"
    settings.write_text('[workspace]\nregion = "湘西州"\n', encoding="utf-8")
    frame = pl.DataFrame(
        {
            "region_code": ["433100"],
            "indicator": ["gdp"],
            "year": [2021],
            "first_month": [1],
            "last_month": [6],
            "level": [512.3],
            "unit": ["亿元"],
        }
    )
    workspace.store.write_release(ImportBatch("湘西州.xlsx", observations=frame))
    workspace.close()
    again = init_workspace(workspace.path)
    assert again.created == []
    assert again.settings.workspace.region == "湘西州"
    assert again.store.observations()["level"].to_list() == [512.3]
    again.close()


def test_open_reads_settings_and_catalogues(workspace: Workspace) -> None:
    """open_workspace gives the settings, the store and the region catalogue with extras."""
    (workspace.path / "regions.csv").write_text(
        "code,name,short,level,parent,aliases\nX433101,湘西高新技术产业开发区,湘西高新区,custom,433100,\n",
        encoding="utf-8",
    )
    ws = open_workspace(workspace.path)
    assert ws.settings == Settings()
    assert ws.regions.resolve("湘西州").code == "433100"
    assert ws.regions.resolve("湘西高新区").code == "X433101"
    assert ws.store.releases().height == 0
    ws.close()


def test_open_without_init_says_run_init(tmp_path: Path) -> None:
    """Opening a directory that is not a workspace is a WorkspaceError telling to run init."""
    for path in (tmp_path, tmp_path / "不存在"):
        with pytest.raises(WorkspaceError) as err:
            open_workspace(path)
        assert "xingshi init" in err.value.hint
        assert err.value.where.file == str(path)


def test_database_url_env_selects_another_database(
    tmp_path: Path, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """XINGSHI_DATABASE_URL puts the store elsewhere and no SQLite file is made."""
    monkeypatch.setenv("XINGSHI_DATABASE_URL", db_url)
    ws = init_workspace(tmp_path / "ws")
    assert ws.database_url == db_url
    assert not (tmp_path / "ws" / "xingshi.db").exists()
    assert "xingshi.db" not in ws.created
    assert ws.store.dialect == db_url.split(":")[0].split("+")[0]
    ws.close()


def test_bad_database_url_is_a_workspace_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unusable database URL is reported in Chinese with a hint, not a traceback."""
    monkeypatch.setenv("XINGSHI_DATABASE_URL", "nosuchdb://somewhere/x")
    with pytest.raises(WorkspaceError) as err:
        init_workspace(tmp_path / "ws")
    assert "无法使用数据库地址" in err.value.message
    assert "postgresql+psycopg" in err.value.hint


def test_workspace_indicators_add_to_the_catalogue(workspace: Workspace) -> None:
    """An indicator written in the workspace's indicators.toml resolves by name and alias."""
    path = workspace.path / "indicators.toml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + '\n[[indicator]]\ncode = "park_revenue"\nname = "园区技工贸总收入"\n'
        'aliases = ["技工贸收入"]\nkind = "flow"\nunit = "亿元"\nfrequency = "monthly"\n'
        'growth_rule = "nominal"\nadditive = true\n',
        encoding="utf-8",
    )
    ws = open_workspace(workspace.path)
    assert ws.indicators.resolve("技工贸收入").code == "park_revenue"
    assert ws.indicators.get("park_revenue").unit == "亿元"
    assert ws.indicators.resolve("规模工业增加值").code == "industry_va"
