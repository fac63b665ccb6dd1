"""Two rank columns (位次 of the amount beside 位次 of the growth) are both kept, with their basis.

The sheet is shaped as provincial bureaus circulate their 各市州 tables: title, unit note, the
indicator merged over 绝对值 | 位次 | 增速 | 位次, one row per 市州 under the province's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from xingshi.errors import XingshiError
from xingshi.ingest import Catalogs, check_file, import_files

CITIES = ["长沙市", "株洲市", "湘潭市", "衡阳市", "邵阳市", "岳阳市", "常德市"]
CITIES += ["张家界市", "益阳市", "郴州市", "永州市", "怀化市", "娄底市", "湘西州"]
# (GDP 亿元, GDP growth %, 规模工业增加值 growth %) per 市州, 2021年1-6月
FIGURES = [
    (6514.1, 11.5, 13.2),
    (1653.2, 12.1, 14.0),
    (1175.6, 12.6, 13.1),
    (1866.0, 11.9, 12.9),
    (1196.7, 12.9, 14.3),
    (2054.1, 12.0, 13.0),
    (2027.4, 11.8, 12.8),
    (266.8, 13.1, 14.6),
    (928.5, 12.5, 13.6),
    (1250.6, 12.3, 13.4),
    (1079.9, 12.2, 13.3),
    (778.4, 11.6, 12.6),
    (843.2, 12.4, 13.5),
    (356.4, 12.7, 14.1),
]


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs.load()


def competition_ranks(values: list[float]) -> list[int]:
    """Higher first, ties share a rank (1, 2, 2, 4), as bureaus rank."""
    return [1 + sum(v > mine for v in values) for mine in values]


def write_table(path: Path, figures: list[tuple[float, float, float]], level_ranks=None) -> Path:
    levels = [f[0] for f in figures]
    level_ranks = level_ranks or competition_ranks(levels)
    growth_ranks = competition_ranks([f[1] for f in figures])
    industry_ranks = competition_ranks([f[2] for f in figures])
    wb = Workbook()
    ws = wb.active
    ws.title = "1-6月"
    ws.append(["2021年上半年全省各市州主要经济指标"])
    ws.append(["单位：亿元、%"])
    ws.append(["地区", "地区生产总值", None, None, None, "规模工业增加值", None])
    ws.append([None, "绝对值", "位次", "增速", "位次", "增速", "位次"])
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:E3")
    ws.merge_cells("F3:G3")
    ws.append(["全省", round(sum(levels), 1), None, 12.1, None, 13.4, None])
    for i, name in enumerate(CITIES):
        level, growth, industry = figures[i]
        ws.append(
            [name, level, level_ranks[i], growth, growth_ranks[i], industry, industry_ranks[i]]
        )
    wb.save(path)
    return path


def _gdp(ws) -> dict[str, dict]:
    obs = ws.store.observations(indicators=["gdp"])
    names = {c.code: c.name for c in ws.regions.children("430000")}
    names["433100"] = "湘西州"
    return {names.get(r["region_code"], r["region_code"]): r for r in obs.iter_rows(named=True)}


def test_both_rank_columns_import_with_their_basis(workspace, tmp_path):
    """位次 right of 绝对值 is the amount's rank, 位次 right of 增速 the growth's: both stored,
    each with its own cell; re-importing the file changes nothing."""
    path = write_table(tmp_path / "各市州.xlsx", FIGURES)
    first = import_files(workspace, [path])
    got = _gdp(workspace)
    level_ranks = competition_ranks([f[0] for f in FIGURES])
    growth_ranks = competition_ranks([f[1] for f in FIGURES])
    for i, name in enumerate(CITIES):
        row = got[name]
        assert (row["level_rank"], row["rank"]) == (level_ranks[i], growth_ranks[i])
        assert (row["level_rank_cell"], row["rank_cell"]) == (f"C{6 + i}", f"E{6 + i}")
    industry = workspace.store.observations(indicators=["industry_va"], regions=["430100"])
    assert industry.row(0, named=True)["rank"] == competition_ranks([f[2] for f in FIGURES])[0]
    assert industry.row(0, named=True)["level_rank"] is None
    again = import_files(workspace, [path])
    assert not again[0].changed, "re-import of the same file must change nothing"
    assert again[0].unchanged == first[0].inserted


def test_a_revised_amount_rank_is_a_new_vintage_and_as_of_sees_the_old(workspace, tmp_path):
    """The next release swaps two amounts (and their ranks): the latest view shows the new
    ranks, as of the first release the old ones, growth ranks untouched."""
    import_files(workspace, [write_table(tmp_path / "初步.xlsx", FIGURES)])
    revised = list(FIGURES)
    revised[5], revised[6] = (2027.4, *FIGURES[5][1:]), (2054.1, *FIGURES[6][1:])  # 岳阳 ↔ 常德
    result = import_files(workspace, [write_table(tmp_path / "修订.xlsx", revised)])[0]
    assert result.observations_updated == 2
    now, before = _gdp(workspace), workspace.store.observations(indicators=["gdp"], as_of=1)
    old = {r["region_code"]: r for r in before.iter_rows(named=True)}
    yueyang, changde = (
        workspace.regions.resolve("岳阳市").code,
        workspace.regions.resolve("常德市").code,
    )
    assert (now["岳阳市"]["level_rank"], now["常德市"]["level_rank"]) == (3, 2)
    assert (old[yueyang]["level_rank"], old[changde]["level_rank"]) == (2, 3)
    assert now["岳阳市"]["rank"] == old[yueyang]["rank"]


def test_a_wrong_amount_rank_is_checked_against_the_amounts(catalogs, tmp_path):
    """A 位次 of the amount that the amounts contradict is an error at that cell, by 总量."""
    ranks = competition_ranks([f[0] for f in FIGURES])
    ranks[13] = 12  # 湘西州 (356.4 亿元) said twelfth: the amounts make it thirteenth
    checked = check_file(write_table(tmp_path / "错位.xlsx", FIGURES, ranks), catalogs)
    wrong = [f for f in checked.findings if f.rule == "rank_contradiction"]
    assert [(f.where.row, f.where.column) for f in wrong] == [(19, "C")]
    assert "总量" in wrong[0].message and "第13位" in wrong[0].message


def test_a_said_amount_rank_is_compared_with_the_stored_amount_rank(workspace, tmp_path):
    """xingshi check: 总量居全省第N is judged on the amount's rank, 增速 on the growth's."""
    from xingshi.extract.check import check_draft

    import_files(workspace, [write_table(tmp_path / "各市州.xlsx", FIGURES)])
    level = competition_ranks([f[0] for f in FIGURES])[13]
    growth = competition_ranks([f[1] for f in FIGURES])[13]
    draft = tmp_path / "稿.txt"
    draft.write_text(
        f"上半年，全州地区生产总值总量居全省第{level + 1}位，增速居全省第{growth}位。",
        encoding="utf-8",
    )
    result = check_draft(draft, region="湘西州", period="2021年1-6月", workspace=workspace)
    ranks = [
        (v.status, v.fact.value, v.stored) for v in result.verdicts if v.fact.measure == "rank"
    ]
    assert ranks == [
        ("contradicts", float(level + 1), float(level)),
        ("agrees", float(growth), float(growth)),
    ]


def test_a_refused_file_keeps_the_stored_ranks(workspace, tmp_path):
    """A file refused for a wrong rank writes nothing: the stored ranks stay."""
    import_files(workspace, [write_table(tmp_path / "各市州.xlsx", FIGURES)])
    ranks = competition_ranks([f[0] for f in FIGURES])
    ranks[0] = 2
    with pytest.raises(XingshiError):
        import_files(workspace, [write_table(tmp_path / "错位.xlsx", FIGURES, ranks)])
    assert _gdp(workspace)["长沙市"]["level_rank"] == 1
