"""The real-text corpus (tests/extract/gold/real): recall, precision, period, region, indicator.

    .venv/bin/python benchmarks/extract/corpus.py [--batch N] [--out DIR] [-v]

Each text is read as a user would (`xingshi extract FILE --region R --year Y`, the document's
own region and year from corpus.toml) and scored with tests/extract/scoring.py; numbers per
text, per batch and pooled. --out writes each output as JSON Lines, for
shared/tools/score_extract.py.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "extract" / "gold" / "real"
KEYS = ("recall", "precision", "period", "region", "indicator")


def scoring():
    spec = importlib.util.spec_from_file_location("_scoring", ROOT / "tests/extract/scoring.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def corpus() -> dict[str, dict]:
    return tomllib.loads((REAL / "corpus.toml").read_text(encoding="utf-8"))


def score_text(name: str, meta: dict, sc, out_dir: Path | None = None):
    from xingshi.extract import extract_file

    path = REAL / f"{name}.txt"
    text = path.read_text(encoding="utf-8")
    gold = [json.loads(x) for x in (REAL / f"{name}.jsonl").read_text("utf-8").splitlines() if x]
    facts = extract_file(path, region=meta.get("region"), year=meta.get("year"))
    out = [f.to_record() for f in facts]
    if out_dir is not None:
        lines = "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out)
        (out_dir / f"{name}.jsonl").write_text(lines, encoding="utf-8")
    body = tuple(meta["body"]) if meta.get("body") else None
    return sc.score(text, gold, out, body, meta.get("region"))


def _fmt(t: dict[str, tuple[int, int]], share) -> str:
    return "  ".join(f"{k}={share(t[k]):.3f}({t[k][0]}/{t[k][1]})" for k in KEYS)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch", type=int)
    ap.add_argument("--out", type=Path)
    ap.add_argument("-v", action="store_true", help="list misses, extras and wrong attributes")
    args = ap.parse_args()
    sc = scoring()
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    batches: dict[int, list] = {}
    for name, meta in corpus().items():
        if args.batch is not None and meta["batch"] != args.batch:
            continue
        result = score_text(name, meta, sc, args.out)
        batches.setdefault(meta["batch"], []).append(result)
        print(f"{name:<36} {_fmt(result.totals(), sc.share)}")
        if args.v:
            for g in result.missed:
                print("   missed:", g["measure"], g["value"], g["quote"][:40])
            for o in result.extra:
                print("   extra: ", o["measure"], o["value"], o["quote"][-40:])
            for key, pairs in result.wrong.items():
                for g, o in pairs:
                    print(f"   {key}: gold={g.get(key)} out={o.get(key)} {g['quote'][:30]}")
    for b, results in sorted(batches.items()):
        print(f"batch {b} ({len(results)} texts)  {_fmt(sc.pool(results), sc.share)}")
    every = [r for rs in batches.values() for r in rs]
    print(f"pooled ({len(every)} texts)  {_fmt(sc.pool(every), sc.share)}")


if __name__ == "__main__":
    main()
