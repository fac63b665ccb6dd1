"""kill -9 at random moments of `xingshi init` and `xingshi import`: nothing needs hand repair.

The workspace always opens afterwards, `init` completes it, and no release exists without its
rows (each release's counts equal the rows it holds), on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import random
import shutil
import signal
import time
from pathlib import Path

import pytest

from xingshi.store import Store
from xingshi.store.migrate import downgrade
from xingshi.workspace import init_workspace, open_workspace

from .conftest import write_long_csv
from .test_concurrency import _counts_agree

pytestmark = pytest.mark.slow
INIT_KILLS = 40
IMPORT_KILLS = 20


def _kill_after(proc, seconds: float, trigger: Path | None = None) -> None:
    """SIGKILL `proc` `seconds` after it starts, or after `trigger` appears."""
    start = time.monotonic()
    if trigger is not None:
        while not trigger.exists() and proc.poll() is None and time.monotonic() - start < 10:
            time.sleep(0.002)
        start = time.monotonic()
    while proc.poll() is None and time.monotonic() - start < seconds:
        time.sleep(0.002)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)


def test_kill_during_init_never_breaks_the_workspace(cli_workspace, db_url: str) -> None:
    """After each of 40 kills at a random point of a fresh init, the workspace opens as it is."""
    rng = random.Random(20261202)
    killed = 0
    ws = cli_workspace.path
    url = cli_workspace.env["XINGSHI_DATABASE_URL"]
    db_file = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite") else None
    for i in range(INIT_KILLS):
        proc = cli_workspace.popen("init")
        # Half the kills land anywhere; half just after the database file is created, while
        # the schema is being made (only SQLite has such a file).
        on_file = db_file is not None and i % 2 == 1
        delay = rng.uniform(0, 0.25) if on_file else rng.uniform(0.3, 1.4)
        _kill_after(proc, delay, db_file if on_file else None)
        killed += proc.returncode == -signal.SIGKILL
        # No hand repair: opening (what every command does) or init again just works.
        if ws.exists() and (ws / "xingshi.toml").exists():
            opened = open_workspace(ws, database_url=url)
            assert opened.store.releases().height == 0
            opened.close()
        again = init_workspace(ws, database_url=url)
        assert again.store.releases().height == 0
        # The next round starts from nothing again.
        with again.store.engine.begin() as conn:
            downgrade(conn)
        again.close()
        shutil.rmtree(ws)
        if db_file is not None:
            for f in db_file.parent.glob(db_file.name + "*"):
                f.unlink()
    assert killed >= INIT_KILLS * 3 // 4


def test_kill_during_import_leaves_no_partial_release(cli_workspace, tmp_path: Path) -> None:
    """After 20 kills at random points of imports, every release holds exactly its rows."""
    rng = random.Random(7)
    assert cli_workspace("init").returncode == 0
    files = []
    for k in range(4):
        f = tmp_path / f"part-{k}.csv"
        write_long_csv(f, counties=slice(k * 150, (k + 1) * 150), factor=1 + k / 10)
        files.append(f)
    for i in range(IMPORT_KILLS):
        proc = cli_workspace.popen("import", str(files[i % 4]))
        _kill_after(proc, rng.uniform(0.8, 3.5))
        with Store.open(cli_workspace.env["XINGSHI_DATABASE_URL"]) as store:
            _counts_agree(store)
    done = cli_workspace("import", *map(str, files))
    assert done.returncode == 0, done.stdout + done.stderr
    with Store.open(cli_workspace.env["XINGSHI_DATABASE_URL"]) as store:
        _counts_agree(store)
        assert store.observations().height == sum(1 for f in files for _ in f.open()) - 4
