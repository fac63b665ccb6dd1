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


def test_due_soon_days_come_from_the_collect_setting(ws, tmp_path: Path) -> None:
    """`[collect] due_soon_working_days` decides which units get 即将到期, for the library and
    for `round remind`; `--due-soon` overrides it."""
    from xingshi.collect.dates import add_working_days
    from xingshi.settings import Settings

    u = ws.users
    today = date.today()
    due = add_working_days(today, 5)  # 5 working days left
    rid = open_round(ws, u["shenhe"], period="2021年1-7月", items=["税收收入"],
                     units=["吉首市"], due=due)["id"]  # fmt: skip
    assert Settings().collect.due_soon_working_days == 3
    assert sweep(ws, today) == []  # 5 > 3 (the default)
    (ws.path / "xingshi.toml").write_text("[collect]\ndue_soon_working_days = 5\n", "utf-8")
    r = _run(ws, "round", "remind", "--today", today.isoformat(), "--due-soon", "4")
    assert r.exit_code == 0 and "新提醒 0 条" in r.output, r.output
    r = _run(ws, "round", "remind", "--today", today.isoformat())
    assert r.exit_code == 0 and "新提醒 1 条" in r.output, r.output
    assert [m["round_id"] for m in reminders_for(ws, u["jishou"])] == [rid]
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "xingshi.toml").write_text('[collect]\ndue_soon_working_days = "三"\n', "utf-8")
    with pytest.raises(Exception, match=r"collect\.due_soon_working_days"):
        Settings.load(bad)


def test_departments_from_the_cli(ws) -> None:
    """`user add --department` makes a department's 填报员; `round open --department` asks it
    only its own indicators; the template keeps the departments for next month."""
    due = (date.today() + timedelta(days=15)).isoformat()
    r = runner.invoke(app, ["user", "add", "shangwu", "--department", "州商务局", "--region",
                            "湘西州", "--password-stdin", "--workspace", str(ws.path)],
                      input="测试密码-2021\n")  # fmt: skip
    assert r.exit_code == 0 and "州商务局（部门）" in r.output and "填报员" in r.output, r.output
    r = _run(ws, "round", "open", "--period", "2021年1-7月", "-i", "税收收入,社会消费品零售总额",
             "--parent", "湘西州", "--department", "州商务局:社会消费品零售总额",
             "--due", due, "--save-template", "县市与部门")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "已开第 1 轮填报（9 个单位）" in r.output and "州商务局" in r.output
    first = round_status(ws, 1)
    dept = [(a["region"], a["indicators"]) for a in first["assignments"] if a["kind"] == "部门"]
    assert dept == [("州商务局", ["retail"])]
    r = _run(ws, "round", "open", "--template", "县市与部门", "--due", due)
    assert r.exit_code == 0, r.output
    st = round_status(ws, 2)
    dept = [a for a in st["assignments"] if a["kind"] == "部门"]
    assert [(a["region"], a["indicators"]) for a in dept] == [("州商务局", ["retail"])]
    r = _run(ws, "round", "open", "--period", "2021年1-7月", "-i", "税收收入",
             "--parent", "湘西州", "--department", "州商务局:社会消费品零售总额")  # fmt: skip
    assert r.exit_code != 0 and "不在本轮表单中" in r.output and "Traceback" not in r.output
    r = _run(ws, "round", "open", "--period", "2021年1-7月", "-i", "税收收入",
             "--parent", "湘西州", "--department", "州商务局")  # fmt: skip
    assert r.exit_code != 0 and "没有列出指标" in r.output
