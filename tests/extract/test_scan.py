"""leading_class: the faster scan finds exactly the matches of the pattern it is built from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xingshi.extract._context import PERIOD
from xingshi.extract._scan import leading_class
from xingshi.extract._text import normalize

REAL = Path(__file__).parent / "gold" / "real"
TEXTS = sorted(REAL.glob("*.txt"))
PATTERNS = {"PERIOD": PERIOD}


def _matches(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


def test_a_class_is_put_in_front():
    fast = leading_class(PERIOD)
    assert fast is not PERIOD and fast.pattern.startswith("(?=[")
    assert fast.groupindex == PERIOD.groupindex


@pytest.mark.parametrize(
    "pattern",
    [r"a*", r"(?:x|)y?", r".abc", r"[^a]b", r"(?i)abc", r"(a)?\1b", r"(?x) a b # c"],
)
def test_no_class_when_the_first_character_is_unknown(pattern):
    """Empty matches, any character, negated classes, case folding, back references."""
    rx = re.compile(pattern)
    assert leading_class(rx) is rx


@pytest.mark.parametrize("name", sorted(PATTERNS))
@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_same_matches_on_real_texts(name, path):
    rx = PATTERNS[name]
    text = normalize(path.read_text(encoding="utf-8"))
    assert _matches(leading_class(rx), text) == _matches(rx, text)


ALPHABET = "去上同年今前下第全刚元月份季度末底初以来一二三四十0123456789-至到~ 日号,。的期基础美"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_same_matches_on_any_text(text):
    for rx in PATTERNS.values():
        assert _matches(leading_class(rx), text) == _matches(rx, text)
