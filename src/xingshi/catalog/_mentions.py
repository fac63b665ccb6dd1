"""Finding region names in running text: longest match first, never overlapping."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class RegionMention:
    """A region name found in a text: where, the words, and every code it may mean."""

    start: int
    end: int
    text: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class TextIndex:
    """Names → codes, and for each first character the name lengths to try, longest first."""

    codes: dict[str, tuple[str, ...]]
    lengths: dict[str, tuple[int, ...]]

    @classmethod
    def build(cls, pairs: Iterable[tuple[str, str]]) -> TextIndex:
        codes: dict[str, list[str]] = {}
        for name, code in pairs:
            codes.setdefault(name, []).append(code)
        by_char: dict[str, set[int]] = {}
        for name in codes:
            by_char.setdefault(name[0], set()).add(len(name))
        return cls(
            {k: tuple(v) for k, v in codes.items()},
            {c: tuple(sorted(ns, reverse=True)) for c, ns in by_char.items()},
        )


def find(text: str, index: TextIndex, false_friends: Iterable[str] = ()) -> list[RegionMention]:
    """Every indexed name in ``text``, scanning left to right, longest name first."""
    # Spans of words that merely contain a region name (示范县 holds 范县).
    blocked: set[int] = set()
    for word in false_friends:
        start = text.find(word)
        while start >= 0:
            blocked.update(range(start, start + len(word)))
            start = text.find(word, start + 1)
    out: list[RegionMention] = []
    i, size = 0, len(text)
    while i < size:
        for n in index.lengths.get(text[i], ()):
            codes = index.codes.get(text[i : i + n])
            if codes and not (blocked and blocked.intersection(range(i, i + n))):
                out.append(RegionMention(i, i + n, text[i : i + n], codes))
                i += n
                break
        else:
            i += 1
    return out
