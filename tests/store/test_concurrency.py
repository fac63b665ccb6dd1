"""Concurrent imports through the real command give exactly the result of some serial order.

Each probe starts several `xingshi import` processes at once against one workspace (SQLite file,
or a PostgreSQL schema when XINGSHI_TEST_DATABASE_URL is set) and then reads the store back.
`benchmarks/store/concurrency.py` runs the same probes ten times each.
"""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pytest
from sqlalchemy import func, select

from xingshi.store import Store
from xingshi.store._models import Observation, Release

from .conftest import write_long_csv

pytestmark = pytest.mark.slow
# The suite runs each probe twice; benchmarks/store/concurrency.py sets ten.
REPEATS = int(os.environ.get("XINGSHI_PROBE_REPEATS", "2"))


def _run_at_once(cli, files: list[Path]) -> list:
    procs = [cli.popen("import", str(f)) for f in files]
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        outs.append((p.returncode, out, err))
    for code, out, err in outs:
        assert code == 0, out + err
        assert "Traceback" not in err
    return outs


def _counts_agree(store: Store) -> pl.DataFrame:
    """Assert each release's inserted+updated equals the observation rows it holds."""
    with store.engine.connect() as conn:
        held = dict(
            conn.execute(
                select(Observation.release_id, func.count()).group_by(Observation.release_id)
            ).all()
        )
        rel = conn.execute(select(Release.id, Release.inserted, Release.updated)).all()
    for rid, inserted, updated in rel:
        assert held.get(rid, 0) == inserted + updated, f"版本 {rid}"
    return store.releases()


def test_same_changed_file_twice_at_once(cli_workspace, tmp_path: Path) -> None:
    """Two imports of one changed file at once: one updates every row, the other changes nothing."""
    base, changed = tmp_path / "base.csv", tmp_path / "changed.csv"
    n = write_long_csv(base, counties=slice(0, 200))
    write_long_csv(changed, counties=slice(0, 200), factor=1.1)
    assert cli_workspace("init").returncode == 0
    for k in range(REPEATS):
        assert cli_workspace("import", str(base)).returncode == 0
        copies = [tmp_path / f"changed-{k}-{i}.csv" for i in range(2)]
        for c in copies:
            c.write_bytes(changed.read_bytes())
        _run_at_once(cli_workspace, copies)
        with Store.open(cli_workspace.env["XINGSHI_DATABASE_URL"]) as store:
            rel = _counts_agree(store).tail(2)
            assert sorted(rel["updated"].to_list()) == [0, n]
            assert sorted(rel["unchanged"].to_list()) == [0, n]
            assert rel["inserted"].to_list() == [0, 0]
            assert store.observations().height == n


def test_level_only_and_growth_only_files_at_once(cli_workspace, tmp_path: Path) -> None:
    """A level-only and a growth-only file for the same keys at once: both changes stay current."""
    base = tmp_path / "base.csv"
    n = write_long_csv(base, counties=slice(200, 400))
    assert cli_workspace("init").returncode == 0
    assert cli_workspace("import", str(base)).returncode == 0
    for k in range(REPEATS):
        factor = 1.2 + k / 10
        levels, growths = tmp_path / f"levels-{k}.csv", tmp_path / f"growth-{k}.csv"
        write_long_csv(levels, counties=slice(200, 400), growth=False, factor=factor)
        write_long_csv(growths, counties=slice(200, 400), level=False, factor=factor)
        _run_at_once(cli_workspace, [levels, growths])
        with Store.open(cli_workspace.env["XINGSHI_DATABASE_URL"]) as store:
            _counts_agree(store)
            got = store.observations().sort("region_code", "indicator", "period")
        want_levels = pl.read_csv(levels, infer_schema_length=0)
        want_growth = pl.read_csv(growths, infer_schema_length=0)
        assert got.height == n
        assert sorted(got["level"].to_list()) == sorted(want_levels["数值"].cast(float).to_list())
        assert sorted(got["growth_pct"].to_list()) == sorted(
            want_growth["增长%"].cast(float).to_list()
        )


def test_eight_medium_files_at_once(cli_workspace, tmp_path: Path) -> None:
    """Eight different files of ≈30,000 rows imported at once all succeed and all land whole."""
    assert cli_workspace("init").returncode == 0
    per = 2975 // 8
    files, total = [], 0
    for i in range(8):
        f = tmp_path / f"file-{i}.csv"
        total += write_long_csv(
            f, counties=slice(i * per, (i + 1) * per), months=range(2, 12), years=(2020, 2021)
        )
        files.append(f)
    for k in range(max(1, REPEATS // 2)):
        _run_at_once(cli_workspace, files)
        with Store.open(cli_workspace.env["XINGSHI_DATABASE_URL"]) as store:
            rel = _counts_agree(store)
            assert rel.height == 8 * (k + 1)
            # The first round inserts everything; later rounds change nothing.
            assert rel["inserted"].sum() == total
            assert rel["unchanged"].sum() == total * k
            assert store.observations().height == total
