"""Extraction speed: MB/s per core over >= 5 MB of speech text, next to a plain regex pass.

    .venv/bin/python benchmarks/extract/run.py [--mb 5] [--seed PATH]

The corpus is the seed speech plus the test sentences, varied (regions, numbers, periods) and
repeated to the size asked for; both timings run in this process on one core.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
ROOT = HERE.parents[2]
SEED_CANDIDATES = (
    ROOT.parent / "shared" / "examples" / "speech-xiangxi-2021-h1.txt",
    Path("/work/shared/examples/speech-xiangxi-2021-h1.txt"),
)
REGIONS = ["全州", "全市", "全县", "我州", "全省", "湘西州", "怀化市", "吉首市", "凤凰县"]
PERIODS = ["1-6月", "1-9月", "前三季度", "上半年", "一季度", "1-11月", "今年以来"]


def _sentences() -> list[str]:
    sys.path.insert(0, str(ROOT / "tests" / "extract"))
    import test_sentences  # the sentence table of the tests

    return [text for text, _, _ in test_sentences.CASES]


def corpus(mb: float, seed: Path | None) -> str:
    """Seed + sentences, varied with other regions, periods and numbers, up to ``mb`` MB."""
    rng = random.Random(7)
    parts: list[str] = []
    if seed is not None:
        parts.append(seed.read_text(encoding="utf-8"))
    sentences = _sentences()
    number = re.compile(r"\d+(?:\.\d+)?")
    target = int(mb * 1024 * 1024)
    size = sum(len(p.encode()) for p in parts)
    base = parts[0] if parts else ""
    while size < target:
        if base and rng.random() < 0.5:
            chunk = base
        else:
            chunk = "\n".join(rng.sample(sentences, k=min(12, len(sentences))))
        chunk = number.sub(lambda m: _jitter(m.group(0), rng), chunk)
        chunk = chunk.replace("全州", rng.choice(REGIONS)).replace("1-6月", rng.choice(PERIODS))
        parts.append(chunk)
        size += len(chunk.encode())
    return "\n".join(parts)


def _jitter(num: str, rng: random.Random) -> str:
    if "." in num:
        whole, frac = num.split(".")
        return f"{int(whole) + rng.randint(0, 9)}.{frac}"
    return str(int(num) + rng.randint(0, 9)) if len(num) < 4 else num


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--seed", type=Path, default=None)
    args = ap.parse_args()
    seed = args.seed or next((p for p in SEED_CANDIDATES if p.exists()), None)
    text = corpus(args.mb, seed)
    size_mb = len(text.encode("utf-8")) / 1024 / 1024

    from xingshi.extract import extract_text

    extract_text("预热：全州GDP增长1%。", region="湘西州", year=2021)  # load catalogues once
    # Two plain one-pass regexes: Arabic numbers with a unit, and the same with Chinese
    # numerals and a few words of left context (what a naive figure finder would do).
    baselines = {
        "基线A（数字+单位）": re.compile(r"\d+(?:\.\d+)?(?:%|亿元|万元|个百分点|倍)"),
        "基线B（含左侧语境）": re.compile(
            r"[\u4e00-\u9fa5]{0,8}(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)"
            r"(?:%|亿元|万元|元|个百分点|倍|家|个|项|位|万人次|人)"
        ),
    }
    timings = {}
    for name, rx in baselines.items():
        t0 = time.process_time()
        n = sum(1 for _ in rx.finditer(text))
        timings[name] = (time.process_time() - t0, n)
    t0 = time.process_time()
    facts = extract_text(text, region="湘西州", year=2021)
    t_ext = time.process_time() - t0
    print(f"语料 {size_mb:.2f} MB（{len(text):,} 字符）")
    for name, (t, n) in timings.items():
        print(f"{name:<14}{size_mb / t:8.2f} MB/s/核  {n:,} 处匹配  {t:.2f} s")
    print(
        f"{'extract_text':<16}{size_mb / t_ext:8.2f} MB/s/核  {len(facts):,} 个数字  {t_ext:.2f} s"
    )


if __name__ == "__main__":
    main()
