"""Value placeholders and written-out figures as published tables use them."""

from __future__ import annotations

import pytest

from xingshi.ingest.values import parse_number


@pytest.mark.parametrize("text", ["—", "―", "–", "-", "…", "/", "／", "＊", "***", "——"])
def test_placeholders_mean_no_figure(text):
    """Dashes, ellipses, slashes and yearbook asterisks are a missing figure, not an error."""
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value"), [("持平", 0.0), ("１２．５", 12.5), ("－3.2", -3.2), ("12.5%", 12.5)]
)
def test_growth_written_out(text, value):
    """持平 is growth 0; full-width digits and minus read as numbers; % in growth cells."""
    assert parse_number(text, percent_ok=True) == value
