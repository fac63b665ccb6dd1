"""Tables as bureaus publish them (data/published, see corpus.py) import cell for cell."""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

import pytest

from xingshi.catalog import units
from xingshi.catalog.periods import parse_period
from xingshi.errors import XingshiError
from xingshi.ingest import import_files
from xingshi.ingest.layouts.mapping import load_mapping
from xingshi.ingest.values import normalize_text
from xingshi.workspace import init_workspace

DATA = Path(__file__).parent / "data" / "published"
sys.path.insert(0, str(DATA))

from corpus import ANY, TABLES  # noqa: E402


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-6)


STORED = DATA / "stored.csv"
_STORED_COLUMNS = ("region_code", "indicator", "period", "level", "unit", "growth_pct", "rank")
_STORED_COLUMNS += ("level_rank", "level_cell", "growth_cell")


def _stored_rows(ws: Any, file: str) -> list[str]:
    """Every figure a table stored, one line each, in a fixed order: what the approval file
    ``stored.csv`` keeps beside the hand-transcribed cells."""
    obs = ws.store.observations()
    lines = []
    for r in obs.iter_rows(named=True):
        values = [
            "" if r[c] is None else f"{r[c]:.10g}" if isinstance(r[c], float) else str(r[c])
            for c in _STORED_COLUMNS
        ]
        lines.append(",".join([file.split("-")[0], *values]))
    return sorted(lines)


def _corrected_copy(spec: dict, workspace: Path) -> Path:
    """The file as the user has it after the fix its error names: misprinted cells corrected
    (``corrected``), zones the catalogue lacks added to the workspace's ``regions.csv``."""
    from openpyxl import load_workbook

    wb = load_workbook(DATA / spec["file"])
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value in spec["corrected"]:
                    cell.value = spec["corrected"][cell.value]
    path = workspace.parent / "corrected" / spec["file"]
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    workspace.mkdir(parents=True, exist_ok=True)
    lines = ["code,name,short,level,parent,aliases", *spec.get("regions_csv", [])]
    (workspace / "regions.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def import_table(
    spec: dict,
    workspace: Path,
    *,
    mapped: bool = False,
    stored: list[str] | None = None,
    corrected: bool = False,
) -> tuple[list[str], Any]:
    """Import one corpus file into a fresh workspace (with its ``--mapping`` when ``mapped``,
    after the fixes its error names when ``corrected``); the cells that are wrong, and the
    error. ``stored`` receives every figure stored."""
    path = _corrected_copy(spec, workspace) if corrected else DATA / spec["file"]
    ws = init_workspace(workspace)
    options = dict(spec["options"])
    if mapped:
        options["mapping"] = load_mapping(DATA / "mappings" / spec["mapping"])
    try:
        try:
            import_files(ws, [path], **options)
        except XingshiError as exc:
            return [f"未导入：{exc}"], exc
        obs = ws.store.observations()
        if stored is not None:
            stored.extend(_stored_rows(ws, spec["file"]))
        got = {
            (r["region_code"], r["indicator"], r["period"]): r for r in obs.iter_rows(named=True)
        }
        wrong: list[str] = []
        for region, code, period, level, unit, growth, rank, *level_rank in spec["expected"]:
            region_code = ws.regions.resolve(normalize_text(region)).code
            key = (region_code, code, parse_period(period).key)
            row = got.get(key)
            if row is None:
                wrong.append(f"缺少 {key}")
                continue
            indicator = ws.indicators.get(code)
            if level is not None and unit != indicator.unit:
                level = units.convert(level, unit, indicator.unit)
            checks = [("level", level, row["level"]), ("growth", growth, row["growth_pct"])]
            if spec.get("rank_basis") == "level":
                rank, level_rank = ANY, [rank]  # the table's one rank is the amount's
            if rank is not ANY:
                checks.append(("rank", rank, row["rank"]))
            if level_rank and level_rank[0] is not ANY:
                checks.append(("level_rank", level_rank[0], row["level_rank"]))
            if corrected:
                # 63's 名次 follows neither year's order on the page: left out, not checked.
                checks = [c for c in checks if c[0] not in spec.get("unread_after_fix", ())]
            for what, want, have in checks:
                if not _close(want, have):
                    wrong.append(f"{key} {what}: 应为 {want}，实为 {have}")
        return wrong, None
    finally:
        ws.close()


@pytest.mark.parametrize("spec", TABLES, ids=[t["file"].split("-")[0] for t in TABLES])
def test_published_table_imports_every_cell(spec, tmp_path):
    """Each published table imports as published with every transcribed cell right."""
    wrong, exc = import_table(spec, tmp_path / "ws")
    if spec.get("refused"):
        # A shape not read yet: the whole file is refused, nothing is stored …
        assert exc is not None, "本应拒绝导入"
        # … saying where and why: the layout error, or each error finding of the checks.
        errors = [
            f for f in getattr(exc, "findings", [exc]) if getattr(f, "severity", "error") == "error"
        ]
        assert errors and all(e.where.sheet and e.hint for e in errors), exc.describe()
        if "corrected" in spec:
            # … misprinted names or a zone the catalogue lacks: after the fix the error names
            # (the name corrected, the zone added to regions.csv), every cell is right.
            wrong, exc = import_table(spec, tmp_path / "fixed", corrected=True)
            assert exc is None, exc
            assert wrong == []
            return
        if "mapping" not in spec:
            return  # a table with nothing to import (68, 82), or not the region it seems (81)
        # … and its mapping reads it with every cell right.
        wrong, exc = import_table(spec, tmp_path / "mapped", mapped=True)
        assert exc is None, exc
    assert wrong == []


def _approved() -> dict[str, list[str]]:
    by_table: dict[str, list[str]] = {}
    for line in STORED.read_text(encoding="utf-8").splitlines()[1:]:
        by_table.setdefault(line.split(",", 1)[0], []).append(line)
    return by_table


@pytest.mark.parametrize(
    "spec",
    [t for t in TABLES if not t.get("refused")],
    ids=[t["file"].split("-")[0] for t in TABLES if not t.get("refused")],
)
def test_published_table_stores_what_was_approved(spec, tmp_path):
    """Beyond the transcribed cells, every figure a table stores is the one approved in
    ``stored.csv``: a rule that starts storing an item as another indicator, or drops one,
    shows here. After checking a change against the page, rewrite the file with
    ``python tests/ingest/test_published.py --approve``."""
    stored: list[str] = []
    import_table(spec, tmp_path / "ws", stored=stored)
    assert stored == _approved().get(spec["file"].split("-")[0], [])


def approve() -> None:
    """Rewrite ``stored.csv`` from what the importer stores now (review its diff)."""
    import tempfile

    lines = ["table," + ",".join(_STORED_COLUMNS)]
    for spec in TABLES:
        if spec.get("refused"):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            import_table(spec, Path(tmp) / "ws", stored=lines)
    STORED.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{STORED.name}：{len(lines) - 1} 个数")


def main() -> None:
    """Print, per table, whether every cell imported right (the corpus's before/after figure)."""
    import tempfile

    ok = 0
    for spec in TABLES:
        with tempfile.TemporaryDirectory() as tmp:
            wrong, _exc = import_table(spec, Path(tmp) / "ws")
        ok += not wrong
        status = "OK" if not wrong else f"{len(wrong)} 处不对：{wrong[0][:150]}"
        if spec.get("refused") and _exc is not None:
            after = "无映射"
            if "mapping" in spec:
                with tempfile.TemporaryDirectory() as tmp:
                    mapped, _ = import_table(spec, Path(tmp) / "ws", mapped=True)
                after = "按映射导入每格都对" if not mapped else f"按映射仍有 {len(mapped)} 处不对"
            status = f"整表拒绝（未存任何数），{after}：{wrong[0][:80]}"
        print(f"{spec['file'][:40]:42} {status}")
    print(f"{ok}/{len(TABLES)} 张表每个单元格都对")


if __name__ == "__main__":
    approve() if "--approve" in sys.argv else main()
