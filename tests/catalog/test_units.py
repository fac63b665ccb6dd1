"""Units: parsing unit strings and converting between compatible units."""

import pytest

from xingshi.catalog.units import compatible, convert, parse_unit
from xingshi.errors import CatalogError


@pytest.mark.parametrize(
    ("text", "symbol"),
    [
        ("亿元", "亿元"),
        ("(万元)", "万元"),
        ("（亿元）", "亿元"),
        ("元/人", "元"),
        ("万人次", "万人次"),
        ("％", "%"),
        ("百分点", "个百分点"),
        ("亿千瓦时", "亿千瓦时"),
        ("万美元", "万美元"),
        ("家", "家"),
    ],
)
def test_parse_unit_forms(text, symbol):
    """Usual spellings, brackets and full-width forms give the canonical symbol."""
    assert parse_unit(text).symbol == symbol


def test_convert_money_scales():
    """万元 and 亿元 convert by 1e4 both ways."""
    assert convert(12345.0, "万元", "亿元") == 1.2345
    assert convert(512.3, "亿元", "万元") == 5123000.0
    assert convert(3722.1, "万人次", "人次") == 37221000.0
    assert convert(2.5, "亿千瓦时", "万千瓦时") == 25000.0


def test_incompatible_units_raise_clear_error():
    """亿元 to 家 is a CatalogError naming both units."""
    with pytest.raises(CatalogError) as info:
        convert(1.0, "亿元", "家")
    assert "亿元" in info.value.message and "家" in info.value.message
    assert not compatible("%", "个百分点")
    assert compatible("亿美元", "万美元")


def test_unknown_unit_is_an_error():
    """An unknown unit string raises with the list of known units."""
    with pytest.raises(CatalogError) as info:
        parse_unit("斤两")
    assert "斤两" in info.value.message
    assert "亿元" in info.value.hint
