"""Regions: resolution by code and names, ambiguity, the tree, peers and workspace additions."""

import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xingshi.catalog.regions import RegionCatalog
from xingshi.errors import AmbiguousRegion, CatalogError, UnknownRegion


@pytest.fixture(scope="module")
def rc():
    return RegionCatalog.load()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("湘西州", "433100"),
        ("湘西", "433100"),
        ("湘西土家族苗族自治州", "433100"),
        ("433100", "433100"),
        ("4331", "433100"),
        ("43", "430000"),
        ("433101000000", "433101"),
        ("长沙", "430100"),
        ("长沙市", "430100"),
        ("长沙县", "430121"),
        ("吉首", "433101"),
        ("泸溪", "433122"),
        ("泸溪县", "433122"),
        ("湖南", "430000"),
        ("湖南省", "430000"),
        ("内蒙古", "150000"),
        ("广西", "450000"),
        ("新疆", "650000"),
        ("宁夏回族自治区", "640000"),
        ("恩施州", "422800"),
        ("恩施", "422800"),
        ("麻阳", "431226"),
        ("全国", "100000"),
        ("湖南省长沙市", "430100"),
        ("湘西州吉首市", "433101"),
        ("东莞", "441900"),
        (" 湘西州 ", "433100"),
        ("湘西自治州", "433100"),
        ("麻阳自治县", "431226"),
        ("锡林郭勒", "152500"),
        ("河北", "130000"),
        ("河北区", "120105"),
        ("吉林", "220000"),
        ("吉林市", "220200"),
        ("海南", "460000"),
        ("海南州", "632500"),
        ("西安", "610100"),
        ("中山", "442000"),
    ],
)
def test_resolve_names(rc, name, code):
    """Codes, full names, short names and aliases resolve to the right code."""
    assert rc.resolve(name).code == code


def test_region_fields_match_contract(rc):
    """湘西州 carries the short name, level and parent the architecture states."""
    r = rc.resolve("湘西州")
    assert (r.code, r.name, r.short, r.level, r.parent) == (
        "433100",
        "湘西土家族苗族自治州",
        "湘西州",
        "prefecture",
        "430000",
    )
    assert rc.get("430000").parent == "100000"
    assert rc.get("100000").level == "country"


def test_ambiguous_name_lists_candidates_with_parents(rc):
    """朝阳 is a city in 辽宁 and a district of 北京: the error lists both with parents."""
    with pytest.raises(AmbiguousRegion) as info:
        rc.resolve("朝阳")
    err = info.value
    assert "北京市朝阳区(110105)" in err.message
    assert "辽宁省朝阳市(211300)" in err.message
    assert err.candidates == ["211300", "110105"]  # 长春's 朝阳区 yields to the 朝阳市
    assert "上级" in err.hint


def test_within_prefers_matches_under_a_region(rc):
    """within narrows an ambiguous name to the one under the given region."""
    assert rc.resolve("朝阳", within="北京").code == "110105"
    assert rc.resolve("朝阳区", within="220000").code == "220104"
    assert rc.resolve("朝阳", within="长春").code == "220104"
    assert rc.resolve("吉首", within="433100").code == "433101"
    assert rc.resolve("海南", within="青海").code == "632500"


def test_unknown_name_suggests_close_names(rc):
    """A misspelt name raises UnknownRegion whose hint suggests the right one."""
    with pytest.raises(UnknownRegion) as info:
        rc.resolve("湘西洲")
    assert "湘西洲" in info.value.message
    assert "433100" in info.value.hint


def test_tree_walks(rc):
    """children, parent, ancestors and province_of follow the division tree."""
    kids = [r.short for r in rc.children("433100")]
    assert kids == ["吉首", "泸溪", "凤凰", "花垣", "保靖", "古丈", "永顺", "龙山"]
    assert rc.parent("433101").code == "433100"
    assert [a.code for a in rc.ancestors("433122")] == ["433100", "430000", "100000"]
    assert rc.province_of("433122").name == "湖南省"
    assert rc.province_of("100000") is None
    assert len(rc.children("430000")) == 14
    assert len(rc.children("100000")) == 31


def test_peers_are_same_level_siblings(rc):
    """湘西州's peers are the 14 市州 of 湖南; 吉首's are the 8 县市 of 湘西州."""
    assert len(rc.peers("433100")) == 14
    assert "433100" in [r.code for r in rc.peers("433100")]
    assert len(rc.peers("433101")) == 8


def test_municipality_districts_are_peers_across_pseudo_rows(rc):
    """重庆's districts (市辖区 row) and counties (县 row) are all children of 重庆市."""
    peers = {r.code for r in rc.peers("500101")}
    assert "500229" in peers  # 城口县, under the 县 row in the source file
    assert len(peers) == 38
    assert rc.resolve("渝中区").parent == "500000"
    assert len(rc.children("110000")) == 16
    assert rc.get("110100").name == "市辖区"  # the source row is kept, but is nobody's parent


def test_province_direct_units_are_peers_of_prefectures(rc):
    """湖北's 仙桃, 潜江, 天门 and 神农架 rank with its 13 prefectures: 17 市州."""
    assert len(rc.peers("420100")) == 17
    assert rc.parent("429004").code == "420000"
    assert rc.qualified_name("429004") == "湖北省仙桃市"


def test_frame_columns(rc):
    """frame() is a polars frame with the contract's columns and every region."""
    df = rc.frame()
    assert df.columns == ["code", "name", "short", "level", "parent", "province"]
    assert df.height == len(rc)
    row = df.filter(df["code"] == "433122").row(0, named=True)
    assert row["province"] == "430000" and row["short"] == "泸溪"
    assert df.filter(df["parent"] == "110000").height == 16  # no 市辖区 placeholder row
    assert df.filter(df["parent"] == "433100").height == 8


def test_find_all_mentions_in_text(rc):
    """find_all finds region names in speech text, longest first, skipping 全州."""
    text = "1-6月，全州实现地区生产总值512.3亿元，吉首市、泸溪县增速高于全州，湖南省排名第一。"
    found = [(m.text, m.codes) for m in rc.find_all(text)]
    assert found == [("吉首市", ("433101",)), ("泸溪县", ("433122",)), ("湖南省", ("430000",))]
    assert [m.start for m in rc.find_all("范县和示范县")] == [0]
    speech = "吉首、泸溪振兴乡村，长沙资源丰富"
    assert [m.text for m in rc.find_all(speech)] == ["长沙"]
    assert [m.codes for m in rc.find_all(speech, within="湘西州")] == [
        ("433101",),
        ("433122",),
        ("430100",),
    ]
    names = list(rc.names())
    assert len(names[0][0]) >= len(names[-1][0])
    assert ("湘西州", "433100") in names


def test_loading_is_fast():
    """A second load is served from the cache in well under 50 ms."""
    RegionCatalog.load()
    start = time.perf_counter()
    RegionCatalog.load()
    assert time.perf_counter() - start < 0.05


def test_workspace_custom_units_and_groups(tmp_path):
    """A workspace adds a 高新区 under 湘西州 and a 武陵山片区 group."""
    (tmp_path / "regions.csv").write_text(
        "code,name,short,level,parent\n433199,湘西高新区,湘西高新区,custom,433100\n",
        encoding="utf-8",
    )
    (tmp_path / "groups.csv").write_text(
        "group,code\n武陵山片区,433100\n武陵山片区,431200\n武陵山片区,422800\n",
        encoding="utf-8",
    )
    rc = RegionCatalog.load(tmp_path)
    park = rc.resolve("湘西高新区")
    assert (park.code, park.level, park.parent) == ("433199", "custom", "433100")
    assert [r.code for r in rc.peers("433100", group="武陵山片区")] == [
        "433100",
        "431200",
        "422800",
    ]
    assert len(rc.peers("433101")) == 8  # the park is not a county's peer
    assert "433199" not in [r.code for r in rc.children("433100")]
    assert [r.code for r in rc.children("433100", level="custom")] == ["433199"]
    assert "433199" in [r.code for r in rc.children("433100", include_custom=True)]
    with pytest.raises(UnknownRegion):
        rc.group("大湘西片区")


def test_workspace_unit_with_unknown_parent_is_an_error(tmp_path):
    """A custom unit whose parent code does not exist is a CatalogError naming the row."""
    path = tmp_path / "regions.csv"
    path.write_text("code,name,short,level,parent\n999901,某园区,某园区,custom,999900\n", "utf-8")
    with pytest.raises(CatalogError) as info:
        RegionCatalog.load(path)
    assert info.value.where.row == 2
    assert "999900" in info.value.message


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(alphabet="湘西州长沙吉首市县区省自治朝阳北京0123456789 ", max_size=10))
def test_any_name_resolves_or_raises_a_region_error(rc, text):
    """Arbitrary text resolves to a region or raises UnknownRegion/AmbiguousRegion, nothing else."""
    try:
        region = rc.resolve(text)
    except (UnknownRegion, AmbiguousRegion) as exc:
        assert exc.hint
        return
    assert region.code in rc


def test_workspace_edits_are_seen_on_next_load(tmp_path):
    """Editing the workspace regions.csv invalidates the cached catalogue."""
    path = tmp_path / "regions.csv"
    path.write_text(
        "code,name,short,level,parent\n433199,湘西高新区,高新区,custom,433100\n", "utf-8"
    )
    assert RegionCatalog.load(tmp_path).get("433199").short == "高新区"
    path.write_text(
        "code,name,short,level,parent\n433199,湘西高新区,湘西高新,custom,433100\n", "utf-8"
    )
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert RegionCatalog.load(tmp_path).get("433199").short == "湘西高新"


def test_taiwan_hong_kong_macao_resolve_beside_the_provinces(rc):
    """台湾, 香港, 澳门 (GB/T 2260 710000, 810000, 820000) resolve by every usual name; they sit
    under 全国 but are not among the 31 provinces its children are."""
    for names, code in (
        (("台湾", "台湾省", "中国台湾"), "710000"),
        (("香港", "香港特区", "香港特别行政区", "中国香港"), "810000"),
        (("澳门", "澳门特区", "澳门特别行政区", "中国澳门"), "820000"),
    ):
        assert {rc.resolve(n).code for n in names} == {code}
        assert [a.code for a in rc.ancestors(code)] == ["100000"]
        assert rc.get(code).level == "province"
        assert code not in {r.code for r in rc.children("100000")}
