"""Pinyin glosses that some web pages print after characters: 增長(zhǎng), 萬(wàn)畝.

The stray commas of the same pages (增長(zhǎng)29.7%,、24.1%) go too.

They split verbs and units apart (萬(wàn)畝 is 万亩), so the extractor reads the text without
them and maps every offset back to the original, where quotes are cut.
"""

from __future__ import annotations

import re

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


def strip_glosses(text: str) -> tuple[str, list[int]] | None:
    """The text without glosses and, for each of its positions, the original one; None if none."""
    rx = _GLOSS
    bare = _BARE.finditer(text)
    if sum(1 for _ in zip(range(_BARE_MIN), bare, strict=False)) >= _BARE_MIN:
        rx = _BARE_OR_GLOSS
    if rx.search(text) is None:  # most texts: no copy, no offset map
        return None
    parts: list[str] = []
    where: list[int] = []
    last = 0
    for m in rx.finditer(text):
        parts.append(text[last : m.start()])
        where.extend(range(last, m.start()))
        last = m.end()
    parts.append(text[last:])
    where.extend(range(last, len(text)))
    where.append(len(text))  # the end of the text maps to the end
    return "".join(parts), where
