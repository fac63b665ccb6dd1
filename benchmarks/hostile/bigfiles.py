"""Large hostile files, written deterministically at run time (never committed).

Each writer takes a target size in MB and writes a long-layout CSV of that size:
``valid`` (distinct keys, all good: the baseline), ``unknown_regions`` (every row a different
made-up region name), ``duplicates`` (the same key on every row).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

HEADER = "地区,地区代码,指标,时期,数值,单位,增长%\n"
COUNTIES = ["吉首市", "泸溪县", "凤凰县", "花垣县", "保靖县", "古丈县", "永顺县", "龙山县"]
INDICATORS = ["地区生产总值", "规模以上工业增加值", "社会消费品零售总额", "固定资产投资"]
# Common characters of place names: made-up names look real but are in no catalogue.
CHARS = "东西南北中上下新老大小安平和宁康泰丰富永长乐清远兴华阳山河湖江溪岭坪桥塘湾洲"


def _valid_lines(rng: random.Random) -> Iterator[str]:
    from xingshi.catalog.regions import RegionCatalog

    counties = [(r.short or r.name, r.code) for r in RegionCatalog.load() if r.level == "county"]
    bases = {(code, ind): rng.uniform(10, 500) for _, code in counties for ind in INDICATORS}
    # Levels grow 5% a year and rise through the year, so no check fires: a clean baseline.
    for year in range(2001, 2026):
        for last, label in ((3, "1-3月"), (6, "1-6月"), (9, "1-9月"), (12, "")):
            for name, code in counties:
                for ind in INDICATORS:
                    level = bases[code, ind] * 1.05 ** (year - 2001) * last / 12
                    yield f"{name},{code},{ind},{year}年{label},{level:.4f},亿元,5.0\n"


def _unknown_lines(rng: random.Random) -> Iterator[str]:
    n = 0
    while True:
        n += 1
        name = "".join(rng.choice(CHARS) for _ in range(3)) + f"{n}县"
        yield f"{name},,地区生产总值,2021年1-6月,{rng.uniform(10, 500):.1f},亿元,5.0\n"


def _duplicate_lines(rng: random.Random) -> Iterator[str]:
    while True:
        yield "吉首市,433101,地区生产总值,2021年1-6月,150.2,亿元,13.1\n"


KINDS: dict[str, Callable[[random.Random], Iterator[str]]] = {
    "valid": _valid_lines,
    "unknown_regions": _unknown_lines,
    "duplicates": _duplicate_lines,
}


def write(kind: str, path: Path, mb: float, seed: int = 8) -> Path:
    """Write ``mb`` MB of the ``kind`` file to ``path`` (same bytes for the same arguments)."""
    target = int(mb * 1024 * 1024)
    rng = random.Random(seed)
    lines = KINDS[kind](rng)
    with path.open("w", encoding="utf-8", newline="") as out:
        size = out.write(HEADER)
        chunk: list[str] = []
        for line in lines:
            chunk.append(line)
            size += len(line.encode())
            if size >= target:
                break
            if len(chunk) >= 10_000:
                out.write("".join(chunk))
                chunk = []
        out.write("".join(chunk))
    return path
