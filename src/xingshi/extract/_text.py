"""Text normalisation for matching: one character in, one character out, so offsets hold.

Traditional characters become simplified ones (a table derived from OpenCC), full-width digits
and punctuation become their ASCII forms. The rules then match one spelling only, and every
offset found in the normalised text points at the same character of the original.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from xingshi.extract._scan import leading_class

# Full-width forms and dashes folded to the ASCII the grammar is written in.
_PUNCT = {
    "，": ",", "；": ";", "：": ":", "！": "!", "？": "?", "（": "(", "）": ")", "％": "%",
    "．": ".", "－": "-", "—": "-", "–": "-", "～": "~", "〜": "~", "　": " ", "\u00a0": " ",
    "﹪": "%", "〇": "零", "┅": "-", "∶": ":", "︰": ":", "／": "/",
}  # fmt: skip


_DOT_DECIMAL = re.compile(r"(?<=\d)[·•](?=\d)")
_DOT_SCAN = leading_class(_DOT_DECIMAL)  # the same matches over the whole text, faster


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    text = resources.files("xingshi.extract").joinpath("data/t2s.txt").read_text("utf-8")
    for line in text.splitlines():
        if len(line) == 2 and not line.startswith("#"):
            table[ord(line[0])] = line[1]
    for i in range(10):
        table[ord("０") + i] = str(i)
    for i in range(26):
        table[ord("Ａ") + i] = chr(ord("A") + i)
        table[ord("ａ") + i] = chr(ord("a") + i)
    for src, dst in _PUNCT.items():
        table[ord(src)] = dst
    return table


def normalize(text: str) -> str:
    """Simplified characters and ASCII digits/punctuation, same length as ``text``."""
    out = text.translate(_table())
    if "·" in out or "•" in out:  # 上涨1·8%: a middle dot typed for the decimal point
        out = _DOT_SCAN.sub(".", out)
    if len(out) != len(text):  # the table is 1:1 by construction; keep offsets honest anyway
        raise ValueError("normalisation changed the text length")
    return out
