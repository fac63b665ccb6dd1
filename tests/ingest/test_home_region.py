"""A bureau's own release names no region: the workspace's 本地区 is its region, with a warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from xingshi.ingest import Catalogs, check_file
from xingshi.settings import Settings

PUBLISHED = Path(__file__).resolve().parent / "data" / "published"
# 上海市统计局's retail release: no region in its title, sheet or cells.
SHANGHAI = PUBLISHED / "03-上海市统计局-2022年9月社会消费品零售总额.xlsx"


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs.load()


def _plain_copy(tmp_path: Path) -> Path:
    # As a user saves it: the file name says nothing of the publisher.
    return Path(shutil.copy(SHANGHAI, tmp_path / "2022年9月社会消费品零售总额.xlsx"))


def test_report_without_region_takes_the_home_region_with_a_warning(tmp_path, catalogs):
    settings = Settings.from_toml('[workspace]\nregion = "上海市"\n')
    checked = check_file(_plain_copy(tmp_path), catalogs, settings=settings)
    assert checked.errors == []
    obs = checked.normalized.observations
    assert set(obs["region_code"]) == {"310000"}
    assert obs.height == 2  # 社会消费品零售总额, 本月 and 1-9月
    said = [f for f in checked.findings if "按工作区的本地区“上海市”导入" in f.message]
    assert len(said) == 1 and said[0].severity == "warning"


def test_without_a_home_region_the_report_is_refused_naming_the_option(tmp_path, catalogs):
    checked = check_file(_plain_copy(tmp_path), catalogs, settings=Settings())
    assert [f.hint for f in checked.errors if "未注明地区" in f.message] == [
        "用 --region-scope 指定报表所属地区，如 --region-scope 湘西州"
    ]


def test_a_report_naming_its_region_ignores_the_home_region(catalogs):
    """A 湘西州 workspace importing 上海's table (the file name says 上海): 上海市, no warning."""
    settings = Settings.from_toml('[workspace]\nregion = "湘西州"\n')
    checked = check_file(SHANGHAI, catalogs, settings=settings)
    assert set(checked.normalized.observations["region_code"]) == {"310000"}
    assert not any("本地区" in f.message for f in checked.findings)
