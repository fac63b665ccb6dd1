"""A table written in traditional characters reads as its simplified original does."""

from __future__ import annotations

from pathlib import Path

import opencc
import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell

from xingshi.ingest import check_file

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "sample" / "2021年1-6月湘西州各县市区主要经济指标.xlsx"
PUBLISHED = Path(__file__).resolve().parent / "data" / "published"


def _traditional(src: Path, dst: Path) -> Path:
    """The workbook with every text cell converted to traditional characters (s2t)."""
    convert = opencc.OpenCC("s2t").convert
    wb = load_workbook(src)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell, MergedCell) and isinstance(cell.value, str):
                    cell.value = convert(cell.value)
    wb.save(dst)
    return dst


def _figures(checked) -> list[tuple]:
    frame = checked.normalized.observations
    cols = ["region_code", "indicator", "period", "level", "unit", "growth_pct", "rank"]
    return sorted(tuple(r[c] for c in cols) for r in frame.iter_rows(named=True))


@pytest.mark.parametrize(
    "source",
    [
        SAMPLE,
        PUBLISHED / "66-转载排行-2015年贵州各市GDP和人均GDP排名.xlsx",
        PUBLISHED / "65-绵阳市统计局-2020年1-6月主要经济指标.xlsx",
        PUBLISHED / "86-转载排行-2021年长治各区县GDP排行.xlsx",
    ],
    ids=["sample", "66", "65", "86"],
)
def test_traditional_copy_reads_as_the_original(source, catalogs, tmp_path):
    """瀘溪縣, 地區生產總值, 億元: the same figures land on the same regions, and one warning
    says the table was read as simplified."""
    original = check_file(source, catalogs)
    copy = check_file(_traditional(source, tmp_path / source.name), catalogs)
    assert copy.errors == []
    assert _figures(copy) == _figures(original)
    assert len(_figures(copy)) >= 4
    extra = [f for f in copy.findings if f.rule == "traditional_script"]
    assert len(extra) == 1 and "已按简体字读取" in extra[0].message
    assert len(copy.findings) == len(original.findings) + 1


def test_simplified_table_is_not_converted(catalogs):
    """The sample in simplified characters reads with no finding at all, as before."""
    assert check_file(SAMPLE, catalogs).findings == []
