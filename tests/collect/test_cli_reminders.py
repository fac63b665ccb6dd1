"""`xingshi round open/status/remind`, templates, reminders to the responsible unit only, 催报,
and the daily digest written to a file and sent to a local SMTP sink (aiosmtpd)."""

from __future__ import annotations

import socket
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xingshi.cli import app
from xingshi.collect import (
    SmtpConfig,
    digest,
    nudge,
    open_round,
    reminders_for,
    round_status,
    send_digest,
    sweep,
)
from xingshi.errors import PermissionDenied

runner = CliRunner()


def _run(ws, *args: str):
    return runner.invoke(app, [*args, "--workspace", str(ws.path)])


def test_round_open_and_status_from_the_cli(ws) -> None:
    """`round open` asks every county of 湘西州 and saves a template; `round open --template`
    opens the next month in one step; `round status` lists each unit's state."""
    due = (date.today() + timedelta(days=15)).isoformat()
    r = _run(ws, "round", "open", "--period", "2021年1-7月", "-i", "地方财政收入,税收收入",
             "--parent", "湘西州", "--due", due, "--save-template", "县市月报")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "已开第 1 轮填报（8 个单位）" in r.output
    r = _run(ws, "round", "open", "--template", "县市月报", "--due", due)
    assert r.exit_code == 0, r.output
    st = round_status(ws, 2)
    assert st["period"] == "2021年1-8月" and len(st["assignments"]) == 8
    assert [i["indicator"] for i in st["indicators"]] == ["local_fiscal", "tax"]
    r = _run(ws, "round", "status", "1")
    assert r.exit_code == 0 and "吉首市" in r.output and "未报" in r.output
    r = _run(ws, "round", "open", "--period", "2021年1-7月", "-i", "没有这个指标",
             "--parent", "湘西州")  # fmt: skip
    assert r.exit_code != 0 and "没有这个指标" in r.output and "Traceback" not in r.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_reminders_go_to_the_responsible_unit_and_digest_is_mailed(ws, tmp_path: Path) -> None:
    """Due-soon and overdue reminders reach only the county that owes the figures, a 催报
    reaches only its unit, and the digest lands in a file and in a local SMTP sink."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    u = ws.users
    today = date.today()
    soon = open_round(ws, u["shenhe"], period="2021年1-7月", items=["税收收入"],
                      units=["吉首市"], due=today + timedelta(days=1))["id"]  # fmt: skip
    late = open_round(ws, u["shenhe"], period="2021年1-6月", items=["税收收入"],
                      units=["泸溪县"], due=today + timedelta(days=1))["id"]  # fmt: skip
    later = today + timedelta(days=3)  # past the due date of both
    made = sweep(ws, today)
    assert {(m["round_id"], m["region_code"], m["kind"]) for m in made} == {
        (soon, "433101", "due_soon"),
        (late, "433122", "due_soon"),
    }
    assert sweep(ws, today) == []  # once per unit and day
    made = sweep(ws, later)
    assert {m["kind"] for m in made} == {"overdue"}
    assert round_status(ws, late, today=later)["assignments"][0]["state"] == "逾期"
    nudge(ws, u["shenhe"], late, "泸溪县", note="今天下班前")
    with pytest.raises(PermissionDenied):
        nudge(ws, u["jishou"], late, "泸溪县")
    mine = reminders_for(ws, u["jishou"])
    assert {r["region_code"] for r in mine} == {"433101"}
    theirs = reminders_for(ws, u["luxi"])
    assert "催报" in [r["kind_label"] for r in theirs] and len(theirs) == 3
    assert reminders_for(ws, u["shenhe"]) == []  # not a unit that reports

    text = digest(ws, later)
    assert "逾期 1：泸溪县" in text and "逾期 1：吉首市" in text
    out = tmp_path / "digest" / "today.txt"
    received: list = []

    class Sink(Message):
        def handle_message(self, message) -> None:
            received.append(message)

    port = _free_port()
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        send_digest(text, out=out,
                    smtp=SmtpConfig("127.0.0.1", port, recipients=("tjj@example.org",)),
                    today=later)  # fmt: skip
    finally:
        controller.stop()
    assert out.read_text(encoding="utf-8") == text
    assert len(received) == 1 and received[0]["To"] == "tjj@example.org"
    assert "泸溪县" in received[0].get_payload(decode=True).decode("utf-8")
    r = _run(ws, "round", "remind", "--today", later.isoformat(), "--out", str(tmp_path / "d.txt"))
    assert r.exit_code == 0, r.output
    assert "逾期" in (tmp_path / "d.txt").read_text(encoding="utf-8")
