"""Briefing benchmark: write the briefing of every 市州 of the sample and time each one.

    .venv/bin/python benchmarks/briefing/run.py                 # all 14 prefectures of 湖南省
    .venv/bin/python benchmarks/briefing/run.py --limit 2       # a quick run

Loads the sample into a fresh SQLite workspace (not timed), then for each prefecture reads the
store, analyses 2021年1-6月, composes the text, draws the charts and writes briefing.docx,
briefing-附录.docx, briefing.html and tables.xlsx. Then the same for one county (吉首市) and,
when the NBS exports are at ../shared/data/nbs-provinces, for 湖南省 2021 among the 31
provinces (a workspace of those files alone). Prints the time per briefing; the goal is ≤ 3 s
each.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from xingshi.ingest import import_files
from xingshi.jobs import make_briefing
from xingshi.sample import load_sample
from xingshi.store import DATABASE_FILE
from xingshi.workspace import init_workspace

GOAL_SECONDS = 3.0
NBS = Path(__file__).resolve().parents[3] / "shared" / "data" / "nbs-provinces"


def _timed(ws, code: str, period: str, out: Path, label: str) -> float:
    start = time.perf_counter()
    brief, _paths = make_briefing(ws, code, period, out)
    took = time.perf_counter() - start
    print(
        f"{label:<8} {took:6.2f} s  "
        f"段落 {sum(len(s.paragraphs) for s in brief.sections):>2}  "
        f"图 {len(brief.charts)}  来源 {len(brief.sources)}"
    )
    return took


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--period", default="2021年1-6月")
    parser.add_argument("--province", default="湖南省")
    parser.add_argument("--limit", type=int, default=None, help="only the first N prefectures")
    parser.add_argument("--out", type=Path, default=None, help="keep the briefings here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="xingshi-bench-") as tmp:
        folder = Path(tmp) / "ws"
        ws = init_workspace(folder, database_url=f"sqlite:///{folder.resolve() / DATABASE_FILE}")
        t0 = time.perf_counter()
        load_sample(ws)
        print(f"示例数据载入：{time.perf_counter() - t0:.2f} s（不计入）")
        province = ws.regions.resolve(args.province)
        prefectures = ws.regions.children(province.code)[: args.limit]
        out = args.out or Path(tmp) / "out"
        make_briefing(ws, prefectures[0].code, args.period, out / "warm-up")  # imports, fonts
        times = [
            _timed(ws, region.code, args.period, out / region.code, region.short or region.name)
            for region in prefectures
        ]
        if args.limit is None:
            county = ws.regions.resolve("吉首市")
            times.append(_timed(ws, county.code, args.period, out / county.code, "吉首市（县级）"))
            files = sorted(NBS.glob("*.csv"))
            if files:
                folder = Path(tmp) / "nbs"
                nbs = init_workspace(
                    folder, database_url=f"sqlite:///{folder.resolve() / DATABASE_FILE}"
                )
                import_files(nbs, files)
                times.append(_timed(nbs, "430000", "2021", out / "430000", "湖南省（省级）"))
                nbs.close()
        ws.close()
    print(
        f"{len(times)} 份简报：平均 {statistics.mean(times):.2f} s，"
        f"中位数 {statistics.median(times):.2f} s，最长 {max(times):.2f} s"
        f"（目标 ≤ {GOAL_SECONDS} s）"
    )
    return 0 if max(times) <= GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
