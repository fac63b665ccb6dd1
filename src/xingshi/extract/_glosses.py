"""Pinyin glosses that some web pages print after characters: 增長(zhǎng), 萬(wàn)畝.

The stray commas of the same pages (增長(zhǎng)29.7%,、24.1%) go too.

They split verbs and units apart (萬(wàn)畝 is 万亩), so the extractor reads the text without
them and maps every offset back to the original, where quotes are cut.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from xingshi.extract._scan import leading_class

# One syllable with a tone mark, in ASCII or full-width brackets, right after a Chinese character.
_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]{0,5}[)）]"
    # The same pages leave a stray comma before other punctuation: 29.7%,、24.1%,,居全省第1位
    r"|[,，](?=[、,，。;；])"
)


# Pages that print glosses without tone marks: 省(sheng)(sheng), 萬(wan)人. Read as glosses only
# when a text has several, so a lone (xx) in an ordinary text stays.
_BARE = re.compile(r"(?<=[\u4e00-\u9fff])(?:[(（][a-zü]{1,6}[)）])+")
_BARE_OR_GLOSS = re.compile(_BARE.pattern + "|" + _GLOSS.pattern)
_BARE_MIN = 3
# The same matches, found faster (see _scan): each scan reads the whole text.
_GLOSS_SCAN, _BARE_SCAN, _EITHER_SCAN = map(leading_class, (_GLOSS, _BARE, _BARE_OR_GLOSS))


class Offsets:
    """Position in the text without glosses -> position in the original: one shift per kept
    stretch, found by bisection (no list as long as the text)."""

    def __init__(self, starts: list[int], shifts: list[int], size: int):
        self._starts, self._shifts, self._size = starts, shifts, size

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, i: int) -> int:
        if i < 0:
            i += self._size
        if not 0 <= i < self._size:
            raise IndexError(i)
        return i + self._shifts[bisect_right(self._starts, i) - 1]


def strip_glosses(text: str) -> tuple[str, Offsets] | None:
    """The text without glosses and, for each of its positions, the original one; None if none."""
    rx = _GLOSS_SCAN
    bare = _BARE_SCAN.finditer(text)
    if sum(1 for _ in zip(range(_BARE_MIN), bare, strict=False)) >= _BARE_MIN:
        rx = _EITHER_SCAN
    if rx.search(text) is None:  # most texts: no copy, no offset map
        return None
    parts: list[str] = []
    starts: list[int] = []
    shifts: list[int] = []
    last = kept = 0
    for m in rx.finditer(text):
        starts.append(kept)
        shifts.append(last - kept)
        parts.append(text[last : m.start()])
        kept += m.start() - last
        last = m.end()
    starts.append(kept)
    shifts.append(last - kept)
    parts.append(text[last:])
    kept += len(text) - last
    # one more position than the text: its end maps to the original's end
    return "".join(parts), Offsets(starts, shifts, kept + 1)
