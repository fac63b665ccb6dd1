"""Precision and recall per measure of ``xingshi.extract`` on a text and its hand-made gold.

    .venv/bin/python benchmarks/extract/score.py TEXT GOLD.jsonl [--body-start 同志们]
        [--body-end 推荐访问] [--region 湘西州] [--year 2021]

Matching is the project scorer's (shared/tools/score_extract.py), kept in
tests/extract/scoring.py: same class of measure, same value, overlapping span.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _scoring():
    spec = importlib.util.spec_from_file_location("_scoring", ROOT / "tests/extract/scoring.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("text", type=Path)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--body-start")
    ap.add_argument("--body-end")
    ap.add_argument("--region")
    ap.add_argument("--year", type=int)
    args = ap.parse_args()

    from xingshi.extract import extract_file
    from xingshi.extract.readers import read_document

    text = read_document(args.text)
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line]
    out = [f.to_record() for f in extract_file(args.text, region=args.region, year=args.year)]
    body = (
        (args.body_start or "", args.body_end or "\0") if args.body_start or args.body_end else None
    )
    result = _scoring().score(text, gold, out, body)
    print(f"{'口径':<16}{'召回':>10}{'精确':>10}")
    for m in sorted(set(result.recall) | set(result.precision)):
        hit, tot = result.recall.get(m, (0, 0))
        ok, seen = result.precision.get(m, (0, 0))
        r = f"{hit}/{tot}" if tot else "-"
        p = f"{ok}/{seen}" if seen else "-"
        print(f"{m:<16}{r:>10}{p:>10}")
    for g in result.missed[:20]:
        print("  漏：", g["measure"], g["value"], g.get("unit"), g["quote"][:30])
    for o in result.extra[:20]:
        print("  多：", o["measure"], o["value"], o.get("unit"), o["quote"][-30:])
    n = sum(t for _, t in result.recall.values())
    hits = sum(h for h, _ in result.recall.values())
    seen = sum(s for _, s in result.precision.values())
    ok = sum(o for o, _ in result.precision.values())
    print(f"recall={hits / n if n else 0:.3f} precision={ok / seen if seen else 0:.3f} "
          f"indicator_recall={result.indicator_hits / n if n else 0:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
