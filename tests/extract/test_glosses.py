"""The text read without pinyin glosses maps every position back to the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from xingshi.extract._glosses import strip_glosses

PIECES = ["增", "長", "萬", "(zhǎng)", "（wàn）", "(sheng)", "(wan)", "，", "、", "。", ",", "1"]
PIECES += ["(a)", ")"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_every_position_maps_to_its_character(pieces):
    text = "".join(pieces)
    glossed = strip_glosses(text)
    if glossed is None:
        return
    clean, where = glossed
    assert len(where) == len(clean) + 1
    assert where[len(clean)] == len(text) and where[-1] == len(text)
    at = [where[i] for i in range(len(clean))]
    assert [text[j] for j in at] == list(clean)
    assert at == sorted(set(at))  # increasing: stretches keep their order


def test_glosses_and_stray_commas_go():
    text = "增長(zhǎng)29.7%,、萬(wàn)畝"
    clean, where = strip_glosses(text)
    assert clean == "增長29.7%、萬畝"
    assert text[where[2] : where[6] + 1] == "29.7%"
    assert where[len(clean)] == len(text)
