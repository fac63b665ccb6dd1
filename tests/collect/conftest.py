"""A workspace with the sample (湘西州 2020-2021) on each backend, users per role, and a round."""

from __future__ import annotations

from pathlib import Path

import pytest

PASSWORD = "测试密码-2021"
PERIOD = "2021年1-7月"
ITEMS = ["地方财政收入", "税收收入", "金融机构存款余额"]


@pytest.fixture
def ws(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A workspace on `db_url` holding the sample and one user per role."""
    from xingshi.access import add_user
    from xingshi.sample import load_sample
    from xingshi.workspace import init_workspace

    monkeypatch.setenv("XINGSHI_DATABASE_URL", db_url)
    w = init_workspace(tmp_path / "ws")
    load_sample(w)
    users = {}
    for username, unit, role, region in (
        ("jishou", "吉首市", "填报员", None),
        ("luxi", "泸溪县", "填报员", None),
        ("shenhe", "湘西州统计局", "审核员", "湘西州"),
        ("fabu", "湘西州统计局", "发布员", "湘西州"),
    ):
        users[username] = add_user(
            w.store.engine, w.regions, username=username, password=PASSWORD, unit=unit,
            role=role, region=region,
        )  # fmt: skip
    w.users = users
    yield w
    w.close()
