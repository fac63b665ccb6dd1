"""Indicators: catalogue validity, resolution of names and NBS headers, workspace additions."""

import csv
from pathlib import Path

import pytest

from xingshi.catalog.indicators import (
    ADDITIVE,
    FREQUENCIES,
    GROWTH_RULES,
    KINDS,
    IndicatorCatalog,
    normalise_name,
)
from xingshi.catalog.units import parse_unit
from xingshi.errors import CatalogError, UnknownIndicator

# A real 国家数据 export (分省年度数据, 2021), kept as downloaded.
NBS_FILE = Path(__file__).parent / "data" / "分省年度数据2021.csv"


@pytest.fixture(scope="module")
def ic():
    return IndicatorCatalog.load()


def test_catalogue_has_enough_valid_indicators(ic):
    """At least 45 indicators, each with valid kind, unit, frequency, rule and components."""
    assert len(ic) >= 45
    for i in ic.all():
        assert i.kind in KINDS and i.frequency in FREQUENCIES
        assert i.growth_rule in GROWTH_RULES and i.additive in ADDITIVE
        assert parse_unit(i.unit).symbol == i.unit
        assert all(c in ic for c in i.components)
        if i.kind == "rate":
            assert i.growth_rule == "pp" and i.unit == "%"


def test_aliases_are_unique_across_indicators(ic):
    """No name or alias points at two indicators."""
    owner: dict[str, str] = {}
    for i in ic.all():
        for n in {normalise_name(x) for x in (i.name, *i.aliases)}:
            assert owner.setdefault(n, i.code) == i.code, n


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("地区生产总值", "gdp"),
        ("GDP", "gdp"),
        ("规模工业增加值", "industry_va"),
        ("规上工业增加值", "industry_va"),
        ("规模工业产值", "industry_output"),
        ("固投", "fai"),
        ("社零", "retail"),
        ("社会消费品总额", "retail"),
        ("地方一般公共预算收入", "local_fiscal"),
        ("税收", "tax"),
        ("工业税收（不含烟）", "industrial_tax"),
        ("贷款余额", "loans"),
        ("接待国内外游客", "tourists"),
        ("旅游总收入", "tourism_revenue"),
        ("实际到位内资", "domestic_capital"),
        ("外贸进出口", "exports"),
        ("“四上”企业", "above_scale_firms"),
        ("四上企业", "above_scale_firms"),
        ("新入规企业", "new_industrial_firms"),
        ("优势产业链产值", "chain_output"),
        ("农村劳动力转移就业", "labor_transfer"),
        ("减税降费", "tax_cut"),
        ("新增企业", "new_enterprises"),
        ("招商引资到位资金", "investment_attraction"),
        ("城镇居民人均可支配收入", "urban_income"),
        ("非税收入", "nontax"),
        (" 规模 工业 增加值 ", "industry_va"),
        ("industry_va", "industry_va"),
        ("其中：规模工业增加值", "industry_va"),
        ("1.地区生产总值(亿元)", "gdp"),
        ("（三）固定资产投资", "fai"),
        ("二、社会消费品零售总额", "retail"),
        ("#税收收入", "tax"),
        ("空气质量优良率（%）", "air_quality"),
    ],
)
def test_resolve_names_and_aliases(ic, name, code):
    """Names from the seed speech and DOMAIN.md resolve, ignoring spaces, quotes and brackets."""
    assert ic.resolve(name).code == code


def _nbs_headers():
    with open(NBS_FILE, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    return [c.strip() for c in rows[2][1:] if c.strip()]


def test_every_nbs_column_header_resolves(ic):
    """Every indicator column of the NBS exports resolves, unit bracket and all."""
    headers = _nbs_headers()
    assert len(headers) == 14
    codes = [ic.resolve(h).code for h in headers]
    assert codes[:4] == ["gdp", "primary_va", "secondary_va", "tertiary_va"]
    assert "gdp_per_capita" in codes and "transport_va" in codes


def test_nbs_file_subjects_resolve(ic):
    """The indicators NBS files are named after resolve too (the index maps to GDP)."""
    assert ic.resolve("地区生产总值指数").code == "gdp"
    assert ic.resolve("第一产业").code == "primary_va"
    assert ic.resolve("地方财政收入").code == "local_fiscal"


def test_unknown_indicator_suggests(ic):
    """An unknown name raises UnknownIndicator with close suggestions."""
    with pytest.raises(UnknownIndicator) as info:
        ic.resolve("规模工业增加")
    assert "industry_va" in info.value.hint


def test_alias_pairs_longest_first(ic):
    """alias_pairs lists every name once per code, longest first."""
    pairs = ic.alias_pairs()
    assert ("社零", "retail") in pairs and ("规模以上工业增加值", "industry_va") in pairs
    lengths = [len(a) for a, _ in pairs]
    assert lengths == sorted(lengths, reverse=True)


def test_growth_unit_follows_rule(ic):
    """Rates change in 个百分点, counts in their own unit, the rest in %."""
    assert ic.get("air_quality").growth_unit == "个百分点"
    assert ic.get("industrial_firms").growth_unit == "家"
    assert ic.get("gdp").growth_unit == "%"


def test_frame_has_one_row_per_indicator(ic):
    """frame() holds each indicator with its fields."""
    df = ic.frame()
    assert df.height == len(ic)
    row = df.filter(df["code"] == "unemployment").row(0, named=True)
    assert row["higher_is_better"] is False and row["growth_rule"] == "pp"


def test_workspace_additions(tmp_path):
    """A workspace indicators.toml adds an indicator with its aliases."""
    path = tmp_path / "indicators.toml"
    path.write_text(
        '[[indicator]]\ncode = "tea_output"\nname = "茶叶产量"\naliases = ["茶叶"]\n'
        'kind = "flow"\nunit = "万元"\nfrequency = "monthly"\ngrowth_rule = "nominal"\n'
        "additive = true\n",
        encoding="utf-8",
    )
    ic = IndicatorCatalog.load(path)
    assert ic.resolve("茶叶").code == "tea_output"
    assert ic.resolve("社零").code == "retail"


def test_workspace_alias_clash_is_an_error(tmp_path):
    """A workspace alias already used by another indicator is rejected."""
    path = tmp_path / "indicators.toml"
    path.write_text(
        '[[indicator]]\ncode = "my_retail"\nname = "消费"\naliases = ["社零"]\n'
        'kind = "flow"\nunit = "亿元"\nfrequency = "monthly"\ngrowth_rule = "nominal"\n',
        encoding="utf-8",
    )
    with pytest.raises(CatalogError) as info:
        IndicatorCatalog.load(path)
    assert "社零" in info.value.message


def test_workspace_bad_field_is_an_error(tmp_path):
    """A workspace indicator with an unknown kind is rejected with the allowed values."""
    path = tmp_path / "indicators.toml"
    path.write_text(
        '[[indicator]]\ncode = "x1"\nname = "某指标"\nkind = "weird"\nunit = "亿元"\n'
        'frequency = "monthly"\ngrowth_rule = "nominal"\n',
        encoding="utf-8",
    )
    with pytest.raises(CatalogError) as info:
        IndicatorCatalog.load(path)
    assert "flow" in info.value.hint


def test_components_add_up_in_the_real_nbs_export(ic):
    """In the 2021 NBS export GDP is exactly 一产+二产+三产; 二产/三产 match their sector parts
    within 5% (since 2018 mining support and repair services count as 三产)."""
    with open(NBS_FILE, encoding="utf-8-sig", newline="") as f:
        rows = [[c.strip() for c in r] for r in csv.reader(f)]
    codes = [ic.resolve(h).code for h in _nbs_headers()]
    provinces = [r for r in rows[3:] if r and r[0].endswith(("省", "市", "区"))]
    assert len(provinces) == 31
    for row in provinces:
        values = dict(zip(codes, (float(v) for v in row[1 : len(codes) + 1]), strict=True))
        for code, tolerance in (("gdp", 0.0001), ("secondary_va", 0.05), ("tertiary_va", 0.05)):
            parts = sum(values[c] for c in ic.get(code).components)
            assert abs(parts - values[code]) <= tolerance * values[code] + 0.2, (row[0], code)
