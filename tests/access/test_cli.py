"""`xingshi user add/passwd/list`, `xingshi token create` and `xingshi audit`, run for real."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from xingshi.access import authenticate, resolve_token
from xingshi.cli import app
from xingshi.workspace import init_workspace, open_workspace


@pytest.fixture
def ws_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("XINGSHI_DATABASE_URL", raising=False)
    monkeypatch.delenv("XINGSHI_HOME", raising=False)
    init_workspace(tmp_path / "ws").close()
    return tmp_path / "ws"


def test_user_commands_create_list_and_change_password(ws_dir: Path) -> None:
    """A user added from stdin can log in; passwd changes it; list and audit show both steps."""
    r = CliRunner()
    w = ["-w", str(ws_dir)]
    out = r.invoke(
        app,
        ["user", "add", "jishou", "--unit", "吉首市", "--role", "填报员", "--password-stdin", *w],
        input="吉首密码-2021\n",
    )
    assert out.exit_code == 0, out.output
    assert "已新建用户 jishou：吉首市（县市区），填报员（吉首）" in out.output
    out = r.invoke(app, ["user", "passwd", "jishou", "--password-stdin", *w], input="新密码-2021\n")
    assert out.exit_code == 0, out.output
    listed = r.invoke(app, ["user", "list", *w])
    assert "jishou" in listed.output and "填报员（吉首）" in listed.output
    token = r.invoke(app, ["token", "create", "jishou", *w]).output.strip()
    audit = r.invoke(app, ["audit", *w]).output
    for action in ("user.add", "user.passwd", "token.create"):
        assert action in audit
    ws = open_workspace(ws_dir)
    try:
        assert authenticate(ws.store.engine, "jishou", "新密码-2021").unit == "吉首市"
        assert resolve_token(ws.store.engine, token).username == "jishou"
    finally:
        ws.close()


def test_user_add_errors_are_chinese_with_exit_code_2(ws_dir: Path) -> None:
    """A bad role, a short password or a unit that is no region without --region: exit 2."""
    r = CliRunner()
    w = ["-w", str(ws_dir)]
    cases = [
        (["--unit", "吉首市", "--role", "县长"], "pass-word-123", "没有角色“县长”"),
        (["--unit", "吉首市", "--role", "填报员"], "short", "密码太短"),
        (["--unit", "商务局", "--role", "填报员"], "pass-word-123", "请写明权限范围"),
    ]
    for args, password, message in cases:
        out = r.invoke(app, ["user", "add", "u1", *args, "--password-stdin", *w], input=password)
        assert out.exit_code == 2, out.output
        assert message in out.output
