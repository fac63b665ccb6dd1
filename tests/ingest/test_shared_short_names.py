"""海南, 吉林: short names a province shares with a prefecture, settled inside a file."""

from __future__ import annotations

import pytest

from xingshi.ingest import Catalogs, check_file
from xingshi.workspace import init_workspace

HEAD = "地区,指标,时期,数值,单位,增长%\n"


@pytest.fixture
def ws(tmp_path):
    workspace = init_workspace(tmp_path / "ws")
    yield workspace
    workspace.close()


def _codes(ws, tmp_path, names: list[str], **options) -> list[str]:
    path = tmp_path / "表.csv"
    row = "{},地区生产总值,2021年1-6月,{},亿元,5.0\n"
    rows = "".join(row.format(n, 100 + i) for i, n in enumerate(names))
    path.write_text(HEAD + rows, encoding="utf-8")
    checked = check_file(
        path, Catalogs(ws.regions, ws.indicators), store=ws.store, settings=ws.settings, **options
    )
    assert checked.errors == []
    return checked.normalized.observations["region_code"].to_list()


@pytest.mark.parametrize(
    ("names", "options", "expected"),
    [
        (["海南"], {}, ["460000"]),  # alone: the province
        (["海南", "海北", "海西"], {}, ["632500", "632200", "632800"]),  # 青海's prefectures
        (["海南"], {"region_scope": "青海"}, ["632500"]),
        (["长春", "吉林", "四平"], {}, ["220100", "220200", "220300"]),  # 吉林省吉林市
        (["吉林", "海南", "湖南"], {}, ["220000", "460000", "430000"]),  # a table of provinces
    ],
)
def test_shared_short_names_in_a_file(ws, tmp_path, names, options, expected):
    """A shared short name is the province unless --region-scope or the file's other regions
    (a table of one province's prefectures) say it is the prefecture."""
    assert _codes(ws, tmp_path, names, **options) == expected
