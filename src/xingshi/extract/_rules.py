"""The clause grammar compiled from ``data/rules.toml`` into a few big regular expressions.

The anchor expression finds candidate figures (Arabic numbers, 百分之…, 第N, 翻N番 and Chinese
numerals followed by a unit); everything else looks left and right of an anchor only.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from xingshi.extract._scan import leading_class

_CN = "零一二两三四五六七八九十百千万亿"
CN_NUM = rf"[{_CN}]{{1,16}}(?:点[零一二三四五六七八九]{{1,8}})?"
AR_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"


def _alt(words: list[str]) -> str:
    """A regex alternation, longest words first so 个百分点 wins over 个."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Grammar:
    raw: dict[str, Any]
    anchor: re.Pattern[str]
    unit: re.Pattern[str]
    nonfigure: re.Pattern[str]
    unit_kind: dict[str, str]
    approx_before: re.Pattern[str]
    noun_stop: re.Pattern[str]


@cache
def grammar() -> Grammar:
    """The compiled grammar (built once per process)."""
    text = resources.files("xingshi.extract").joinpath("data/rules.toml").read_text("utf-8")
    raw = tomllib.loads(text)
    units = raw["units"]
    kind: dict[str, str] = {}
    for key in ("level", "count", "percent", "points", "multiple"):
        for u in units[key]:
            kind[u] = key
    for u in units["cued"]:
        kind[u] = "cued"
    mags = _alt(units["magnitudes"])
    all_units = _alt(list(kind))
    after = _alt(raw["approx"]["after"])
    # Units a Chinese numeral must be followed by to count as a figure at all.
    cn_units = _alt([u for u, k in kind.items() if k != "cued"])
    unit = re.compile(
        # A space or a PDF line break may stand between the number and its unit.
        rf"[ \n]?(?P<yu0>余|多)?(?P<mag>{mags})?(?P<yu>余|多)?"
        rf"(?P<unit>{all_units})(?P<post>{after})?"
    )
    # The leading class lets the regex engine skip most positions at once (5x faster).
    anchor = re.compile(
        rf"(?=[\d百第翻持负首\-{_CN}])(?:"
        rf"(?P<pct>百分之(?:{AR_NUM}|{CN_NUM}))"
        rf"|(?P<rank>第(?: ?\d+(?= ?[位名])|\d+|[{_CN}]+))"  # 排全省第 18 位
        rf"|(?P<first>首位)"  # 位列全国首位: first
        rf"|(?P<fan>翻(?:了)?(?:一|两|二|三|四|五|\d+)番)"
        rf"|(?P<flat>(?<!保)持平(?![稳衡的]))"  # not 保持平稳, not 持平的(城市)
        rf"|(?P<num>(?:负|(?<![\d.%倍元人家个万亿])-(?=\d))?{AR_NUM})"
        rf"|(?P<cn>{CN_NUM})(?=(?:{mags})?(?:余|多)?(?:{cn_units})))"
    )
    return Grammar(
        raw=raw,
        anchor=leading_class(anchor),  # each scans the whole text: skip to first characters
        unit=unit,
        nonfigure=leading_class(
            re.compile(
                rf"(?=[\d{_CN}第讲谈强提说前后上下进退点浏阅访评转收])(?:"
                + "|".join(f"(?:{p})" for p in raw["nonfigures"]["patterns"])
                + ")"
            )
        ),
        unit_kind=kind,
        approx_before=re.compile(rf"(?:{_alt(raw['approx']['before'])})$"),
        noun_stop=re.compile(
            rf"{_alt(raw['words']['count_noun_stop'])}|[,;:!?。()\s“”\"]|\d"
            rf"|中有|中,|[{_CN}]+(?:个|家|项)"
        ),
    )
