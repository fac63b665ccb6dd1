"""leading_class: the faster scan finds exactly the matches of the pattern it is built from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xingshi.extract import _context, _engine, _text
from xingshi.extract._context import PERIOD
from xingshi.extract._rules import grammar
from xingshi.extract._scan import leading_class, needed_part
from xingshi.extract._text import normalize

REAL = Path(__file__).parent / "gold" / "real"
TEXTS = sorted(REAL.glob("*.txt"))
PATTERNS = {
    "PERIOD": PERIOD, "GOALS": _engine._GOALS, "FORECAST": _engine._FORECAST,
    "DATE": _context._DATE, "YEAR": _context._YEAR, "DOT": _text._DOT_DECIMAL,
}  # fmt: skip
# the grammar's own scans, compiled plainly from their text
PATTERNS |= {name: re.compile(getattr(grammar(), name).pattern) for name in ("anchor", "nonfigure")}


def _matches(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


def test_the_pattern_is_compiled_again_unchanged():
    fast = leading_class(PERIOD)
    assert fast is not PERIOD and fast.pattern == PERIOD.pattern
    assert fast.groupindex == PERIOD.groupindex and fast.groups == PERIOD.groups


def test_a_pattern_the_engine_skips_for_is_left_alone():
    for pattern in (r"[ab]c", r"abc|d", r"x(?:y|z)"):
        rx = re.compile(pattern)
        assert leading_class(rx) is rx


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


ALPHABET = "届次个%亿万元第讲·•去上同年今前下第全刚元月份季度末底初以来"
ALPHABET += "一二三四十0123456789-至到~ 日号,。的期基础美"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_same_matches_on_any_text(text):
    for rx in PATTERNS.values():
        assert _matches(leading_class(rx), text) == _matches(rx, text)


def test_needed_part_is_the_last_element():
    assert needed_part(_engine._ENTITY).pattern.startswith("(?:有限公司|公司")
    assert needed_part(re.compile(r"(a)b")).pattern == ""  # groups: not cut out
    assert needed_part(re.compile(r"a|b")).pattern == ""  # one alternation: nothing to cut


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_no_entity_without_its_needed_part(path):
    """Over the windows the engine searches (up to each figure), never a match it would skip."""
    text = normalize(path.read_text(encoding="utf-8"))
    need = needed_part(_engine._ENTITY)
    for m in re.finditer(r"\d+", text):
        s = m.start()
        for lo in (max(0, s - 320), max(0, s - 40)):
            if _engine._ENTITY.search(text, lo, s):
                assert need.search(text, lo, s)
