"""Charts draw Chinese with the packaged CJK font: no missing-glyph boxes, no download."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
import pytest
from PIL import Image

from xingshi.report import charts

# Reference images are drawn with a Latin-only font on purpose: their missing-glyph warnings
# are expected here.
pytestmark = pytest.mark.filterwarnings("ignore:Glyph .* missing from font:UserWarning")

DEJAVU = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


def _missing_glyph(ch: str) -> bytes:
    """What gets drawn for `ch` by a font without it: the missing-glyph box (tofu)."""
    return charts.render_text(ch, DEJAVU)


def test_cjk_font_comes_from_the_mplfonts_package() -> None:
    """The font is a file inside the installed mplfonts package, loaded by path."""
    path = charts.cjk_font_path()
    assert path.exists() and "mplfonts" in path.parts
    assert charts.cjk_font_name()


def test_the_reference_is_the_missing_glyph_box() -> None:
    """A Latin-only font draws any two Chinese characters identically: the missing-glyph box."""
    assert _missing_glyph("经") == _missing_glyph("势")
    assert charts.render_text("A", DEJAVU) != _missing_glyph("经")


def test_chinese_label_is_not_drawn_as_missing_glyph_boxes() -> None:
    """Each character of a Chinese chart label, drawn with the chart font, is a real glyph."""
    for ch in "经济形势湘西州增速全省第一":
        drawn = charts.render_text(ch)
        assert drawn != _missing_glyph(ch), ch
    assert charts.render_text("经") != charts.render_text("势")


def test_the_four_charts_render_as_png() -> None:
    """Peers, children against the parent, monthly trend and targets render to real PNGs."""
    pngs = [
        charts.peer_growth(
            "1-6月全省各市州地区生产总值增速",
            [("长沙", 10.0), ("湘西州", 12.5)],
            "湘西州",
            ("湖南", 11.3),
        ),
        charts.children_growth(
            "各县市增速", [("吉首", 14.0, "green"), ("泸溪", 11.0, "red")], ("全州", 12.5)
        ),
        charts.monthly_growth("累计增速走势", {"地区生产总值": [(3, 20.1), (6, 12.5)]}),
        charts.target_progress(
            "全年目标完成进度", [("旅游收入", 60.9), ("社会消费品零售总额", 44.8)], 50.0
        ),
    ]
    for png in pngs:
        img = Image.open(io.BytesIO(png))
        assert img.format == "PNG" and img.width > 300 and img.height > 200
