"""Reminders: due-soon and overdue notices to the responsible unit only, the bureau's 催报,
the in-app list (the bell), and a daily digest written to a file or sent by SMTP."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, select

from xingshi.access import record_event
from xingshi.collect._common import (
    EDITABLE,
    actor_name,
    department_key,
    load_round,
    period_of,
    reporters,
    require_unit,
    utcnow,
)
from xingshi.collect._models import CollectAssignment, CollectReminder, CollectRound
from xingshi.collect.dates import working_days_between
from xingshi.collect.entry import _load
from xingshi.errors import InputError

DUE_SOON_DAYS = 3  # the default of [collect] due_soon_working_days


def due_soon_days_of(ws: Any) -> int:
    """The workspace's `[collect] due_soon_working_days` (3 without settings)."""
    section = getattr(getattr(ws, "settings", None), "collect", None)
    return int(getattr(section, "due_soon_working_days", DUE_SOON_DAYS))


def _insert(conn: Any, **values: Any) -> bool:
    exists = conn.execute(
        select(CollectReminder.id).where(
            and_(
                CollectReminder.round_id == values["round_id"],
                CollectReminder.region_code == values["region_code"],
                CollectReminder.kind == values["kind"],
                CollectReminder.day == values["day"],
            )
        )
    ).first()
    if exists:
        return False
    conn.execute(CollectReminder.__table__.insert().values(created_at=utcnow(), **values))
    return True


def sweep(
    ws: Any, today: date | None = None, *, due_soon_days: int | None = None
) -> list[dict[str, Any]]:
    """Write today's due-soon and overdue reminders (once per unit and day); returns them.

    Due soon is within `due_soon_days` working days, by default the workspace's
    `[collect] due_soon_working_days`. Marking a unit overdue the first time is a state
    change of the display, so it is audited.
    """
    today = today or date.today()
    if due_soon_days is None:
        due_soon_days = due_soon_days_of(ws)
    made: list[dict[str, Any]] = []
    with ws.store.write_transaction() as conn:
        rounds = {
            r.id: r for r in conn.execute(select(CollectRound).where(CollectRound.status == "open"))
        }
        rows = conn.execute(
            select(CollectAssignment).where(
                CollectAssignment.round_id.in_(sorted(rounds) or [0])
                & CollectAssignment.state.in_(EDITABLE)
            )
        ).all()
        reps = reporters(conn, ws.regions)
        for a in rows:
            rnd = rounds[a.round_id]
            label = period_of(rnd).label
            left = working_days_between(today, rnd.due_on)
            if today > rnd.due_on:
                kind = "overdue"
                msg = f"{rnd.title}：已超过报送期限 {rnd.due_on}，请尽快报送{label}数据"
                if not a.overdue_noted:
                    conn.execute(
                        CollectAssignment.__table__.update()
                        .where(CollectAssignment.id == a.id)
                        .values(overdue_noted=True)
                    )
                    record_event(
                        conn,
                        actor=None,
                        action="collect.overdue",
                        object_type="collect_assignment",
                        object_id=f"{rnd.id}/{a.region_code}",
                        region=reps.of_key(a.region_code).region_code,
                        before={"state": a.state},
                        after={"state": "逾期", "due_on": rnd.due_on.isoformat()},
                    )
            elif left <= due_soon_days:
                kind = "due_soon"
                msg = f"{rnd.title}：距报送期限 {rnd.due_on} 还有 {left} 个工作日"
            else:
                continue
            rec = {
                "round_id": rnd.id,
                "region_code": a.region_code,
                "kind": kind,
                "day": today.isoformat(),
                "message": msg,
                "created_by": None,
            }
            if _insert(conn, **rec):
                made.append(rec)
    return made


def nudge(
    ws: Any, actor: Any, round_id: int, region: str, *, note: str | None = None, ip: Any = None
) -> dict[str, Any]:
    """The bureau's one-click 催报 to one unit."""
    with ws.store.engine.connect() as conn:
        loaded = _load(conn, ws, round_id, region)
    rep = loaded.rep
    code = rep.key
    require_unit(actor, ws.regions, rep, "review")
    rnd = loaded.rnd
    if loaded.assignment.state not in EDITABLE:
        raise InputError(f"{rep.name}已报送，无需催报", hint="只能催报未报、草稿或退回的单位")
    now = utcnow()
    msg = f"{rnd.title}：统计局催报，请于 {rnd.due_on} 前报送" + (f"（{note}）" if note else "")
    rec = {
        "round_id": round_id,
        "region_code": code,
        "kind": "nudge",
        "day": now.isoformat(),
        "message": msg,
        "created_by": actor_name(actor),
    }
    with ws.store.write_transaction() as conn:
        _insert(conn, **rec)
        record_event(
            conn,
            actor=actor,
            action="collect.nudge",
            object_type="collect_assignment",
            object_id=f"{round_id}/{code}",
            region=rep.region_code,
            after={"message": msg},
            ip=ip,
        )
    return rec


def _responsible(actor: Any, ws: Any) -> set[str]:
    """The units a user reports for: its department, else its 填报员 grants' regions (not the
    wider scopes above them)."""
    if not actor.has("report"):
        return set()
    if getattr(actor, "is_department", False):
        return {department_key(actor.unit_id)}
    return set(actor.roots("report"))


def reminders_for(ws: Any, actor: Any, *, unread_only: bool = False) -> list[dict[str, Any]]:
    """A user's reminders, newest first: those addressed to the units it reports for."""
    codes = _responsible(actor, ws)
    if not codes:
        return []
    stmt = (
        select(CollectReminder)
        .where(CollectReminder.region_code.in_(sorted(codes)))
        .order_by(CollectReminder.id.desc())
        .limit(200)
    )
    if unread_only:
        stmt = stmt.where(CollectReminder.read_at.is_(None))
    with ws.store.engine.connect() as conn:
        rows = conn.execute(stmt).all()
    kinds = {"due_soon": "即将到期", "overdue": "已逾期", "nudge": "催报"}
    return [
        {
            "id": r.id,
            "round_id": r.round_id,
            "region_code": r.region_code,
            "kind": r.kind,
            "kind_label": kinds.get(r.kind, r.kind),
            "message": r.message,
            "created_at": r.created_at.isoformat(timespec="seconds"),
            "read": r.read_at is not None,
        }
        for r in rows
    ]


def unread_count(ws: Any, actor: Any) -> int:
    codes = _responsible(actor, ws)
    if not codes:
        return 0
    with ws.store.engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count(CollectReminder.id)).where(
                    CollectReminder.region_code.in_(sorted(codes))
                    & CollectReminder.read_at.is_(None)
                )
            ).scalar()
            or 0
        )


def mark_read(ws: Any, actor: Any, reminder_id: int) -> None:
    """Mark one of the user's own reminders read (others' are refused as not found)."""
    codes = _responsible(actor, ws)
    with ws.store.write_transaction() as conn:
        conn.execute(
            CollectReminder.__table__.update()
            .where(
                (CollectReminder.id == reminder_id)
                & CollectReminder.region_code.in_(sorted(codes) or [""])
            )
            .values(read_at=utcnow())
        )


def digest(ws: Any, today: date | None = None) -> str:
    """The daily digest: per open round, who reported, who is late, who was sent back."""
    from xingshi.collect.rounds import list_rounds, round_status

    today = today or date.today()
    lines = [f"形势 填报日报 {today.isoformat()}", ""]
    open_rounds = [r for r in list_rounds(ws) if r["status"] == "open"]
    if not open_rounds:
        lines.append("当前没有进行中的填报轮次。")
    for r in open_rounds:
        st = round_status(ws, r["id"], None, today)
        lines.append(f"第{r['id']}轮 {r['title']}（期限 {r['due_on']}）")
        by: dict[str, list[str]] = {}
        for a in st["assignments"]:
            by.setdefault(a["state"], []).append(a["region"])
        for state in ("逾期", "未报", "草稿", "退回", "已报", "已审"):
            if state in by:
                lines.append(f"  {state} {len(by[state])}：" + "、".join(by[state]))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int = 25
    sender: str = "xingshi@localhost"
    recipients: tuple[str, ...] = ()
    starttls: bool = False
    username: str | None = None
    password: str | None = None


def send_digest(
    text: str, *, out: Path | None = None, smtp: SmtpConfig | None = None, today: date | None = None
) -> None:
    """Write the digest to a file and/or send it through an SMTP server."""
    if out is None and smtp is None:
        raise InputError("没有指定日报的去向", hint="给出 --out 文件或 --smtp-host 邮件服务器")
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    if smtp is not None:
        if not smtp.recipients:
            raise InputError("没有收件人", hint="用 --to 指定收件人邮箱")
        msg = EmailMessage()
        msg["Subject"] = f"形势 填报日报 {(today or date.today()).isoformat()}"
        msg["From"] = smtp.sender
        msg["To"] = ", ".join(smtp.recipients)
        msg.set_content(text)
        try:
            with smtplib.SMTP(smtp.host, smtp.port, timeout=30) as client:
                if smtp.starttls:
                    client.starttls()
                if smtp.username:
                    client.login(smtp.username, smtp.password or "")
                client.send_message(msg)
        except (OSError, smtplib.SMTPException) as exc:
            raise InputError(
                f"发送日报邮件失败：{exc}",
                hint=f"检查邮件服务器 {smtp.host}:{smtp.port} 是否可达及收件人地址",
            ) from None


def round_of(ws: Any, round_id: int) -> Any:
    with ws.store.engine.connect() as conn:
        return load_round(conn, round_id)
