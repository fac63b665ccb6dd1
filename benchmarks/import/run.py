"""Import benchmark: a province's monthly wide sheet, read and checked, against bare openpyxl.

    .venv/bin/python benchmarks/import/run.py              # 湖南: 149 regions × 40 indicators
    .venv/bin/python benchmarks/import/run.py --repeat 1

Writes a wide workbook as a provincial bureau circulates it (title with the period, 地区,
indicator names merged over 绝对值 | 同比增长%, one row per region: the province, its 14
市州 and every county, levels adding up), then times in the same run:

- ``openpyxl``: ``load_workbook(read_only=True, data_only=True)`` and every cell value read;
- ``check``: ``xingshi.ingest.check_file`` (read, resolve, every 审核 rule), no writing;
- ``import``: the same file imported into a fresh SQLite workspace (one transaction);
- ``sample``: the shipped sample loaded into a fresh workspace (``xingshi.sample.load_sample``).

Prints the best of ``--repeat`` runs of each and the ratio check / openpyxl. The goals: check
≤ 1 s for this sheet, the sample ≤ 2.2 s.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook

from xingshi.catalog.indicators import IndicatorCatalog
from xingshi.catalog.regions import RegionCatalog

PROVINCE = "430000"
N_INDICATORS = 40


def _indicators() -> list:
    ic = IndicatorCatalog.load()
    rows = ic.frame().filter(ic.frame()["kind"] != "rate").rows(named=True)
    return [ic.get(r["code"]) for r in rows][:N_INDICATORS]


def write_sheet(path: Path) -> tuple[int, int]:
    """The province's wide sheet; (regions, indicators)."""
    rng = random.Random(20210630)
    rc = RegionCatalog.load()
    prefectures = rc.children(PROVINCE)
    indicators = _indicators()
    levels: dict[tuple[str, str], float] = {}
    order = [PROVINCE]
    for pref in prefectures:
        order.append(pref.code)
        counties = rc.children(pref.code)
        order.extend(c.code for c in counties)
        for ind in indicators:
            vals = [round(rng.uniform(1, 300), 2) for _ in counties]
            for c, v in zip(counties, vals, strict=True):
                levels[(c.code, ind.code)] = v
            levels[(pref.code, ind.code)] = round(sum(vals), 2) if vals else 100.0
    for ind in indicators:
        levels[(PROVINCE, ind.code)] = round(
            sum(levels[(p.code, ind.code)] for p in prefectures), 2
        )
    wb = Workbook()
    ws = wb.active
    ws.title = "1-6月"
    ws.append(["2021年1-6月湖南省各市州、县市区主要经济指标"])
    head, sub = ["地区"], [None]
    for ind in indicators:
        head += [f"{ind.name}({ind.unit})", None]
        sub += ["绝对值", "同比增长%"]
    ws.append(head)
    ws.append(sub)
    for i in range(len(indicators)):
        ws.merge_cells(start_row=2, start_column=2 + 2 * i, end_row=2, end_column=3 + 2 * i)
    for code in order:
        name = "全省" if code == PROVINCE else rc.get(code).name
        row = [name]
        for ind in indicators:
            row += [levels[(code, ind.code)], round(rng.uniform(-5, 20), 1)]
        ws.append(row)
    ws.append(["注：本表为基准测试生成的模拟数据。"])
    wb.save(path)
    return len(order), len(indicators)


def bare_openpyxl(path: Path) -> int:
    wb = load_workbook(path, read_only=True, data_only=True)
    n = sum(1 for ws in wb for row in ws.iter_rows(values_only=True) for _v in row)
    wb.close()
    return n


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from xingshi.ingest import Catalogs, check_file, import_files
    from xingshi.sample import load_sample
    from xingshi.workspace import init_workspace

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "2021年1-6月湖南省各市州县市区主要经济指标.xlsx"
        regions, indicators = write_sheet(path)
        catalogs = Catalogs.load()
        checked = check_file(path, catalogs)  # warm the catalogues' caches once
        assert not checked.errors, checked.errors[:3]
        n_obs = checked.normalized.observations.height

        t_bare = best(lambda: bare_openpyxl(path), args.repeat)
        t_check = best(lambda: check_file(path, catalogs), args.repeat)

        counter = iter(range(1000))

        def do_import() -> None:
            ws = init_workspace(Path(tmp) / f"ws{next(counter)}")
            try:
                import_files(ws, [path])
            finally:
                ws.close()

        def do_sample() -> None:
            load_sample(Path(tmp) / f"sample{next(counter)}")

        t_import = best(do_import, args.repeat)
        t_sample = best(do_sample, args.repeat)

    print(f"表格：{regions} 个地区 × {indicators} 个指标（{n_obs} 条记录）")
    print(f"openpyxl 直接读取    {t_bare:6.3f} s")
    print(
        f"读取并审核 check_file {t_check:6.3f} s   "
        f"（目标 ≤ 1 s；为 openpyxl 的 {t_check / t_bare:.1f} 倍）"
    )
    print(f"导入新工作区         {t_import:6.3f} s")
    print(f"示例数据 load_sample {t_sample:6.3f} s   （目标 ≤ 2.2 s）")


if __name__ == "__main__":
    main()
