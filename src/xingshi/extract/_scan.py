"""Faster whole-text scans with the same matches: the set of characters a match can start with.

A pattern that opens with a group, an alternation or a lookbehind makes the regex engine try
the whole pattern at every position of the text. The engine skips ahead by itself only for a
pattern that opens with a literal or a class. ``leading_class`` works out the characters a
match can start with from the parsed pattern (so it follows edits of the rules) and compiles
the pattern unchanged with that set to skip to; where the engine's code cannot be built that
way, a lookahead of the set in front does the same, slower. Matches, groups and spans stay
exactly the same.
"""

from __future__ import annotations

import re
from typing import Any

try:  # the parser of the standard library's re (Python 3.11+)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - another Python: scans stay as written
    _c = _p = None  # type: ignore[assignment]


class _Unknown(Exception):
    """A construct whose first characters are not a known class (., [^…], back references)."""


_CATEGORIES: dict[Any, str] = {}
if _c is not None:
    _CATEGORIES = {
        _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
        _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
    }  # fmt: skip


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _class_items(items: list) -> list[str]:
    out: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            out.append(_char(av))
        elif op is _c.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # NEGATE, case-folded ranges
            raise _Unknown
    return out


def _first(seq: Any) -> tuple[list[str], bool]:
    """The class items a match of ``seq`` can start with, and whether it can match empty."""
    found: list[str] = []
    for op, av in seq:
        items, empty = _first_item(op, av)
        found.extend(items)
        if not empty:
            return found, False
    return found, True


def _first_item(op: Any, av: Any) -> tuple[list[str], bool]:
    if op is _c.LITERAL:
        return [_char(av)], False
    if op is _c.IN:
        return _class_items(av), False
    if op is _c.SUBPATTERN:
        _, add_flags, _, sub = av
        if add_flags & re.IGNORECASE:
            raise _Unknown
        return _first(sub)
    if op is _c.ATOMIC_GROUP:
        return _first(av)
    if op is _c.BRANCH:
        found: list[str] = []
        empty = False
        for alt in av[1]:
            items, e = _first(alt)
            found.extend(items)
            empty = empty or e
        return found, empty
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, _, sub = av
        items, empty = _first(sub)
        return items, empty or lo == 0
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return [], True  # zero width: the first character comes after
    raise _Unknown


def leading_class(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` searching only from its possible first characters, or ``rx`` when none is known
    (a pattern that can match empty, ignores case, or opens with . or [^…])."""
    if _p is None or not isinstance(rx.pattern, str):
        return rx
    if rx.flags & (re.IGNORECASE | re.VERBOSE) or _GLOBAL_FLAGS.match(rx.pattern):
        return rx  # inline global flags must stay first
    try:
        parsed = _p.parse(rx.pattern, rx.flags)
        if parsed.state.flags & re.IGNORECASE:
            return rx
        items, empty = _first(parsed)
    except (_Unknown, re.error):
        return rx
    if empty or not items:
        return rx
    cls = f"[{''.join(dict.fromkeys(items))}]"
    try:
        return _skipping(rx, parsed, cls)
    except Exception:  # another engine's code layout: the lookahead does the same, slower
        return re.compile(f"(?={cls})(?:{rx.pattern})", rx.flags)


def _skipping(rx: re.Pattern[str], parsed: Any, cls: str) -> re.Pattern[str]:
    """``rx`` compiled with ``cls`` as the character set its search skips to, the optimisation
    the engine makes itself for a pattern that opens with a class: the pattern is unchanged,
    only positions whose character is outside ``cls`` are passed over."""
    import _sre
    from re import _compiler

    flags = rx.flags | parsed.state.flags
    code = _compiler._code(parsed, flags)
    if code[0] != _c.INFO or code[2] & (_c.SRE_INFO_PREFIX | _c.SRE_INFO_CHARSET):
        return rx  # already scanned for a prefix or a class of its own
    ((op, items),) = _p.parse(cls, flags).data
    if op is not _c.IN:
        raise _Unknown
    charset, hascased = _compiler._optimize_charset(items)
    if hascased:
        raise _Unknown
    info = [_c.INFO, 0, code[2] | _c.SRE_INFO_CHARSET, code[3], code[4]]
    _compiler._compile_charset(charset, flags, info)
    info[1] = len(info) - 1
    body = code[1 + code[1] :]
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return _sre.compile(
        rx.pattern, flags, info + body, parsed.state.groups - 1, groupindex, tuple(indexgroup)
    )


_ANYWHERE = re.compile("")


def needed_part(rx: re.Pattern[str]) -> re.Pattern[str]:
    """The last element of ``rx`` alone (each match of ``rx`` in a window holds one of it there), a
    cheap test before a costly search; the empty pattern (always found) when it cannot be cut
    out exactly."""
    if _p is None or rx.groups or rx.flags & re.VERBOSE or _GLOBAL_FLAGS.match(rx.pattern):
        return _ANYWHERE
    try:
        whole = _p.parse(rx.pattern, rx.flags)
        # Trailing lookarounds (公司(?!…项目)) test where the last element ends: kept with it.
        k = 1
        while k < len(whole) and whole[-k][0] in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            k += 1
        if len(whole) < k + 1:
            return _ANYWHERE
        last = repr(list(whole[-k:]))
        src = rx.pattern
        for j in range(len(src) - 1, 0, -1):
            if src[j] != "(":
                continue
            try:
                part = _p.parse(src[j:], rx.flags)
            except re.error:
                continue
            if repr(part.data) == last:
                return re.compile(src[j:], rx.flags)
    except re.error:
        pass
    return _ANYWHERE
