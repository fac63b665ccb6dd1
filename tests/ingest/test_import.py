"""Importing real files: examples, re-imports, revised copies and the NBS exports as downloaded."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import polars as pl
import pytest
from openpyxl import load_workbook

from xingshi.ingest import Catalogs, check_file, import_file, import_files

ROOT = Path(__file__).resolve().parents[2]
LAYOUTS = ROOT / "examples" / "layouts"
NBS = Path(__file__).resolve().parent / "data" / "nbs"
EXAMPLES = sorted(p for p in LAYOUTS.iterdir() if p.suffix in (".csv", ".xlsx"))


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs.load()


def test_one_example_per_layout():
    """examples/layouts holds a long, a targets, a wide and an NBS file."""
    names = [p.name for p in EXAMPLES]
    assert len(names) == 4
    assert {n.split("-")[0] for n in names} == {"长表", "目标", "宽表", "国家数据"}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_imports_then_reimport_changes_nothing(store, catalogs, path):
    """Each example imports with no warning; the second import inserts and updates nothing."""
    first = import_file(store, path, catalogs)
    assert first.inserted > 0 and first.updated == 0 and first.findings == []
    second = import_file(store, path, catalogs)
    assert (second.inserted, second.updated, second.unchanged) == (0, 0, first.inserted)
    assert second.release_id == first.release_id + 1


def _changed_copy(path: Path, tmp_path: Path) -> Path:
    """A copy of an example with its first decimal figure raised by one."""
    copy = tmp_path / path.name
    if path.suffix == ".xlsx":
        wb = load_workbook(path)
        ws = wb.active
        cell = next(c for row in ws.iter_rows() for c in row if isinstance(c.value, float))
        cell.value += 1
        wb.save(copy)
        return copy
    head, *rows = path.read_text(encoding="utf-8-sig").split("\n")
    lines = [head]
    done = False
    for line in rows:
        m = None if done or line.startswith("时间") else re.search(r"\b\d+\.\d+\b", line)
        if m:
            line = line[: m.start()] + f"{float(m.group(0)) + 1:.1f}" + line[m.end() :]
            done = True
        lines.append(line)
    copy.write_text("\n".join(lines), encoding="utf-8-sig")
    return copy


def _everything(store, as_of=None) -> list[pl.DataFrame]:
    obs = store.observations(as_of=as_of).drop("release_id", "source_file")
    targets = store.targets(as_of=as_of).drop("release_id", "source_file")
    return [obs.sort(obs.columns[:5]), targets.sort(targets.columns[:4])]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_changed_copy_of_each_example_adds_one_vintage(store, catalogs, path, tmp_path):
    """One figure changed: one record updated; as of the first release all is as before."""
    first = import_file(store, path, catalogs)
    before = _everything(store)
    second = import_file(store, _changed_copy(path, tmp_path), catalogs)
    assert (second.inserted, second.updated) == (0, 1)
    assert second.unchanged == first.inserted - 1
    for old, now in zip(_everything(store, as_of=first.release_id), before, strict=True):
        assert old.equals(now)
    latest = _everything(store)
    assert (
        sum(
            a.height - a.join(b, on=a.columns, how="semi", nulls_equal=True).height
            for a, b in zip(latest, before, strict=True)
        )
        == 1
    )


def test_long_example_values_and_sources(store, catalogs):
    """The long example lands in canonical units with its cells and its simulated-data note."""
    path = LAYOUTS / "长表-湘西州-2021年1-6月.csv"
    result = import_file(store, path, catalogs)
    obs = store.observations(regions=["433101"], indicators=["retail"], years=2021)
    rows = obs.sort("last_month").select(
        "period", "level", "growth_pct", "rank", "level_cell", "growth_cell", "rank_cell", "note"
    )
    assert rows.rows() == [
        ("2021-01/2021-05", 37.09, None, None, "E11", None, None, "示例数据（模拟）"),
        ("2021-01/2021-06", 45.23, 24.6, 3, "E12", "G12", "H12", "示例数据（模拟）"),
    ]
    assert obs["release_id"].to_list() == [result.release_id] * 2
    assert obs["source_file"].unique().to_list() == [path.name]


def test_wide_example_converts_wan_yuan_and_resolves_parent(store, catalogs):
    """In the wide example 全州 is 湘西州 and 万元 figures are stored in 亿元."""
    import_file(store, LAYOUTS / "宽表-湘西州2021年上半年主要经济指标.xlsx", catalogs)
    obs = store.observations(indicators=["retail"], periods=["2021年1-6月"])
    levels = dict(zip(obs["region_code"], obs["level"], strict=True))
    assert levels["433100"] == 120.28
    assert levels["433101"] == 45.23
    assert len(levels) == 9
    gdp = store.observations(regions=["433100"], indicators=["gdp"], periods=["2021年上半年"])
    assert gdp.select("level", "growth_pct", "rank", "source_sheet", "level_cell").row(0) == (
        455.0,
        12.5,
        1,
        "县市区",
        "B5",
    )


def test_targets_example(store, catalogs):
    """The targets example stores growth targets in % and level targets in the canonical unit."""
    import_file(store, LAYOUTS / "目标-湘西州-2021年.csv", catalogs)
    targets = store.targets(year=2021).sort("region_code", "indicator")
    assert targets.select("region_code", "indicator", "target_kind", "value", "unit").rows() == [
        ("433100", "fai", "growth", 10.0, "%"),
        ("433100", "gdp", "growth", 8.0, "%"),
        ("433100", "retail", "level", 260.0, "亿元"),
        ("433101", "gdp", "growth", 8.5, "%"),
    ]


def test_changed_copy_adds_vintage_and_keeps_earlier(store, catalogs, tmp_path):
    """A revised wide file adds a vintage; as of the first release the old figure is returned."""
    original = LAYOUTS / "宽表-湘西州2021年上半年主要经济指标.xlsx"
    first = import_file(store, original, catalogs)
    revised = tmp_path / original.name
    shutil.copy(original, revised)
    wb = load_workbook(revised)
    wb.active["B6"] = 151.0  # 吉首市 GDP revised from 150.2
    wb.save(revised)
    second = import_file(store, revised, catalogs)
    assert (second.inserted, second.updated, second.unchanged) == (0, 1, first.inserted - 1)
    key = {"regions": ["433101"], "indicators": ["gdp"], "periods": ["2021年1-6月"]}
    assert store.observations(**key)["level"].to_list() == [151.0]
    assert store.observations(**key, as_of=first.release_id)["level"].to_list() == [150.2]
    # The growth rate, not in the changed cell, is carried into the new vintage.
    assert store.observations(**key)["growth_pct"].to_list() == [13.1]


def test_all_seven_nbs_exports_import_as_they_are(store, catalogs):
    """The seven 国家数据 exports import unmodified; Hunan's 2021 GDP growth is the index − 100."""
    paths = sorted(NBS.glob("*.csv"))
    assert len(paths) == 7
    results = import_files(store, paths, catalogs)
    assert all(r.inserted + r.updated + r.unchanged > 0 for r in results)
    key = {"regions": ["430000"], "indicators": ["gdp"], "periods": ["2021"]}
    assert store.observations(**key)["growth_pct"].to_list() == [7.6]
    accounts = paths.index(NBS / "分省年度数据2021.csv")
    as_of = results[accounts].release_id
    assert store.observations(**key, as_of=as_of)["level"].to_list() == [45751.9]
    retail = store.observations(regions=["430000"], indicators=["retail"], years=2024)
    assert retail["level"].to_list() == [20463.9]
    fiscal = store.observations(regions=["110000"], indicators=["local_fiscal"], years=2016)
    assert fiscal["level"].to_list() == [5081.26]
    # 2025 is announced in the headers but empty: nothing stored for it.
    assert store.observations(years=2025).is_empty()


def test_nbs_index_as_growth_without_level(catalogs):
    """The GDP index file gives growth = index − 100 and no level, with the cell it came from."""
    checked = check_file(NBS / "地区生产总值指数（近十年）.csv", catalogs)
    hubei_2020 = checked.normalized.observations.filter(
        (pl.col("region_code") == "420000") & (pl.col("year") == 2020)
    )
    assert hubei_2020.select("level", "growth_pct", "growth_cell").row(0) == (None, -5.4, "G20")


def test_indicator_option_overrides_file_name(store, catalogs, tmp_path):
    """--indicator names the indicator of a years-across export whose file name says nothing."""
    path = tmp_path / "下载.csv"
    shutil.copy(NBS / "第一产业.csv", path)
    result = import_files(store, [path], catalogs, indicator="第一产业增加值")[0]
    assert result.inserted == 31 * 4
    got = store.observations(regions=["430000"], indicators=["primary_va"], years=2021)
    assert got["level"].to_list() == [4322.3]


def test_gbk_csv_imports(store, catalogs, tmp_path):
    """A long CSV saved as GBK (as Excel on Chinese Windows does) imports like UTF-8."""
    path = tmp_path / "GBK长表.csv"
    text = "地区,指标,时期,数值,单位,增长%\n吉首市,地区生产总值,2021年1-6月,150.2,亿元,13.1\n"
    path.write_bytes(text.encode("gbk"))
    result = import_file(store, path, catalogs)
    assert result.inserted == 1
    assert store.observations(regions=["433101"])["level"].to_list() == [150.2]


def test_warnings_stored_with_release(store, catalogs, tmp_path):
    """Growth off the levels and children not adding up are warnings kept with the release."""
    path = tmp_path / "社零-2021年1-6月.csv"
    rows = [
        "地区,指标,时期,数值,单位,增长%",
        "吉首市,社会消费品零售总额,2020年1-6月,40.0,亿元,",
        "吉首市,社会消费品零售总额,2021年1-6月,45.0,亿元,20.0",
        "湘西州,地方财政收入,2021年1-6月,30.0,亿元,",
    ]
    counties = ["吉首市", "泸溪县", "凤凰县", "花垣县", "保靖县", "古丈县", "永顺县", "龙山县"]
    rows += [f"{c},地方财政收入,2021年1-6月,5.0,亿元," for c in counties]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = import_file(store, path, catalogs)
    assert [(f.rule, f.severity, f.where.row, f.where.column) for f in result.findings] == [
        ("growth_mismatch", "warning", 3, "F"),
        ("sum_mismatch", "warning", 4, "D"),
    ]
    assert result.findings[0].data["computed"] == 12.5
    stored = store.findings(release_id=result.release_id)
    assert stored["rule"].to_list() == ["growth_mismatch", "sum_mismatch"]
    assert json.loads(stored["data"][1])["children_sum"] == 40.0


def test_comparable_price_growth_never_checked_against_levels(catalogs, tmp_path):
    """GDP growth is at comparable prices: nominal levels never make it a warning."""
    path = tmp_path / "GDP.csv"
    path.write_text(
        "地区,指标,时期,数值,单位,增长%\n"
        "吉首市,地区生产总值,2020年1-6月,100.0,亿元,\n"
        "吉首市,地区生产总值,2021年1-6月,150.0,亿元,13.1\n",
        encoding="utf-8",
    )
    assert check_file(path, catalogs).findings == []
