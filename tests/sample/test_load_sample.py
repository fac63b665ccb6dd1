"""load_sample imports the sample through the ingest package into a real workspace store."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from xingshi.ingest import import_files
from xingshi.sample import WORKBOOK_FILE, load_sample, sample_dir, sample_files
from xingshi.workspace import open_workspace

XX = "433100"
H1 = "2021-01/2021-06"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> tuple[Path, list, float]:
    path = tmp_path_factory.mktemp("ws") / "xingshi-data"
    start = time.perf_counter()
    results = load_sample(path)
    return path, results, time.perf_counter() - start


def data_rows(name: str) -> list[list[str]]:
    lines = (sample_dir() / name).read_text(encoding="utf-8").splitlines()
    return [line.split(",") for line in lines[1:]]


def test_load_sample_imports_every_row(loaded):
    """Each file is one release; every row inserted once (湘西州's shared rows unchanged)."""
    _path, results, seconds = loaded
    xiangxi, hunan = data_rows("xiangxi_2020-2021.csv"), data_rows("hunan_2020-2021.csv")
    shared = [r for r in hunan if r[1] == XX]
    assert [r.inserted for r in results] == [
        len(xiangxi),
        len(hunan) - len(shared),
        len(data_rows("targets_2021.csv")),
    ]
    assert [r.unchanged for r in results] == [0, len(shared), 0]
    assert all(r.findings == [] for r in results)
    assert seconds < 15  # about 5 s on the 2-core build machine


def test_store_holds_speech_figures(loaded):
    """The store returns the speech's figures for 湘西州, 2021年1-6月, by indicator code."""
    path, _results, _s = loaded
    ws = open_workspace(path)
    try:
        obs = ws.store.observations(regions=[XX], periods=[H1])
    finally:
        ws.close()
    got = {r["indicator"]: (r["level"], r["growth_pct"]) for r in obs.iter_rows(named=True)}
    assert got["tax"][1] == 28.6
    assert got["fiscal_total"][1] == 26.0
    assert got["local_fiscal"][1] == 21.9
    assert got["industrial_tax"][1] == 122.9
    assert got["chain_output"][1] == 41.4
    assert got["industry_output"][1] == 34.7
    assert got["investment_attraction"] == (80.0, 39.9)
    assert got["tourists"] == (3722.1, 150.0)
    assert got["tourism_revenue"] == (304.4, 130.0)
    assert got["retail"][1] == 23.9
    assert got["urban_income"][1] == 9.2
    assert got["rural_income"][1] == 13.7
    assert got["air_quality"][0] == 97.8
    assert got["above_scale_firms"][0] == 869
    assert got["new_industrial_firms"][0] == 26
    assert got["industry_va"][0] is None  # comparable prices: growth only
    assert got["labor_transfer"][0] == 88.4
    assert got["water_quality"][0] == 100.0
    may = ws_observations(path, "2021-01/2021-05")
    assert may["new_enterprises"][1] == 19.4
    assert may["tax_cut"][0] == 2.56


def ws_observations(path: Path, period: str) -> dict[str, tuple]:
    ws = open_workspace(path)
    try:
        obs = ws.store.observations(regions=[XX], periods=[period])
    finally:
        ws.close()
    return {r["indicator"]: (r["level"], r["growth_pct"]) for r in obs.iter_rows(named=True)}


def test_store_holds_targets(loaded):
    """湘西州's 2021 count target for 新增入规企业 is 160 家."""
    path, _results, _s = loaded
    ws = open_workspace(path)
    try:
        targets = ws.store.targets(regions=[XX], year=2021)
    finally:
        ws.close()
    rows = {(r["indicator"], r["target_kind"]): r["value"] for r in targets.iter_rows(named=True)}
    assert rows[("new_industrial_firms", "count")] == 160
    assert rows[("investment_attraction", "level")] == 150
    assert rows[("gdp", "growth")] == 8.0


def test_reload_and_workbook_change_nothing(loaded):
    """Loading again, then importing the wide workbook, inserts and updates nothing."""
    path, first, _s = loaded
    again = load_sample(path)
    assert [(r.inserted, r.updated) for r in again] == [(0, 0)] * 3
    assert [r.unchanged for r in again] == [r.inserted + r.unchanged for r in first]
    (wide,) = import_files(path, [sample_dir() / WORKBOOK_FILE])
    assert (wide.inserted, wide.updated, wide.unchanged) == (0, 0, 99)


def test_sample_files_in_import_order():
    """The long files come first and exist; the workbook is optional and last."""
    names = [p.name for p in sample_files(workbook=True)]
    assert names[:3] == ["xiangxi_2020-2021.csv", "hunan_2020-2021.csv", "targets_2021.csv"]
    assert names[3] == WORKBOOK_FILE
    assert all(p.is_file() for p in sample_files(workbook=True))


def test_analysis_reproduces_speech_ranks(loaded):
    """From the store, the analysis gives the speech's ranks and lagging counties for 湘西州."""
    from xingshi.analysis import analyze
    from xingshi.catalog.periods import parse_period

    path, _results, _s = loaded
    ws = open_workspace(path)
    try:
        analysis = analyze(
            ws.store.observations(years=[2020, 2021]),
            ws.store.targets(),
            ws.regions.frame(),
            ws.indicators.frame(),
            region=XX,
            period=parse_period("2021年1-6月"),
        )
    finally:
        ws.close()
    table = analysis.table
    own = {
        r["indicator"]: r["rank"]
        for r in table.filter(table["role"] == "self").iter_rows(named=True)
    }
    assert {
        k: own[k] for k in ("gdp", "industry_va", "domestic_capital", "investment_attraction")
    } == {
        "gdp": 1,
        "industry_va": 1,
        "domestic_capital": 1,
        "investment_attraction": 1,
    }
    assert (own["tax"], own["loans"], own["fai"]) == (2, 2, 4)
    assert (own["tourists"], own["tourism_revenue"], own["air_quality"]) == (2, 2, 2)
    counties = table.filter((table["role"] == "child") & (table["indicator"] == "gdp"))
    below = sorted(r["region"] for r in counties.iter_rows(named=True) if r["gap_to_parent_pp"] < 0)
    assert below == sorted(["永顺", "保靖", "龙山", "凤凰", "古丈"])


def test_sample_dir_follows_environment(tmp_path, monkeypatch):
    """XINGSHI_SAMPLE_DIR wins when it holds the sample files, as for an installed package."""
    for p in sample_files():
        (tmp_path / p.name).write_bytes(p.read_bytes())
    monkeypatch.setenv("XINGSHI_SAMPLE_DIR", str(tmp_path))
    assert sample_dir() == tmp_path


def test_load_sample_on_each_backend(db_url, tmp_path):
    """On PostgreSQL too, the sample loads, holds the speech's figures and reloads unchanged."""
    if db_url.startswith("sqlite"):
        pytest.skip("SQLite is covered by the module's loaded workspace")
    from xingshi.workspace import init_workspace

    ws = init_workspace(tmp_path / "ws", database_url=db_url)
    try:
        first = load_sample(ws)
        again = load_sample(ws)
        obs = ws.store.observations(regions=[XX], periods=[H1])
    finally:
        ws.close()
    assert [(r.inserted, r.updated) for r in again] == [(0, 0)] * 3
    assert [r.unchanged for r in again] == [r.inserted + r.unchanged for r in first]
    got = {r["indicator"]: (r["level"], r["growth_pct"]) for r in obs.iter_rows(named=True)}
    assert got["tourists"] == (3722.1, 150.0)
    assert got["investment_attraction"] == (80.0, 39.9)
    assert got["tax"][1] == 28.6
