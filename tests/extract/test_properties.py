"""Properties that hold for any text: quotes are the text at their offsets, no crash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from xingshi.extract import extract_text

ALPHABET = (
    "一二两三四五六七八九十百千万亿第翻番持平增长下降回落個百分點%倍"
    "全省州市县居位,，。、1234567890.-负约近以上余占的目标完成"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_quotes_are_the_text_at_their_offsets(text):
    """Whatever the input, every fact's quote is exactly text[start:end]."""
    for fact in extract_text(text, region="湘西州", year=2021):
        assert text[fact.start : fact.end] == fact.quote
        assert fact.start < fact.end


def test_check_draft_is_exported_lazily():
    """xingshi.extract.check_draft is the check entry point named in the architecture."""
    import xingshi.extract as extract

    assert extract.check_draft.__name__ == "check_draft"


def test_pathological_inputs_stay_fast():
    """Long runs of numerals, lists and repeated words are read in linear time."""
    import time

    texts = [
        "一二三四五六七八九十" * 20000,
        "1" * 200000,
        "1、" * 50000 + "2%",
        "1.5%、" * 20000,
        "第" + "一" * 100000,
        "全州GDP增长5%" * 20000,
    ]
    for text in texts:
        start = time.process_time()
        extract_text(text, region="湘西州", year=2021)
        assert time.process_time() - start < 8, text[:10]
