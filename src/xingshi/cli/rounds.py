"""CLI for 填报 rounds: ``round open/status/list/templates/remind``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from xingshi.cli._common import WorkspaceOpt, XingshiGroup, console, resolve_workspace
from xingshi.errors import InputError, Location

round_app = typer.Typer(
    cls=XingshiGroup, help="填报轮次：开轮次、查看进度、提醒和日报", no_args_is_help=True
)


def _open(workspace: Path | None) -> Any:
    from xingshi.workspace import open_workspace

    return open_workspace(resolve_workspace(workspace))


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for v in values or []:
        out += [p.strip() for p in v.replace("，", ",").replace("、", ",").split(",") if p.strip()]
    return out


def _items(indicators: list[str], growth_only: list[str], level_only: list[str]) -> list[dict]:
    items = []
    g_only, l_only = set(growth_only), set(level_only)
    for name in indicators:
        items.append({"indicator": name, "level": name not in g_only, "growth": name not in l_only})
    return items


def _print_status(st: dict[str, Any]) -> None:
    console.print(
        f"第{st['id']}轮  {st['title']}  时期 {st['period']}  期限 {st['due_on']}  "
        f"状态 {'已发布' if st['status'] == 'published' else '进行中'}"
        + (f"（版本 {st['release_id']}）" if st["release_id"] else ""),
        highlight=False,
    )
    console.print(
        "指标：" + "、".join(i["name"] for i in st["indicators"]), highlight=False, soft_wrap=True
    )
    table = Table(show_header=True, header_style="bold")
    for col in ("单位", "状态", "报送人", "报送时间(UTC)", "审核人", "退回原因/情况说明"):
        table.add_column(col)
    names = {i["indicator"]: i["name"] for i in st["indicators"]}
    for a in st["assignments"]:
        state = f"[red]{a['state']}[/red]" if a["late"] else a["state"]
        unit = a["region"]
        if a.get("kind") == "部门":
            unit += "（部门：" + "、".join(names.get(i, i) for i in a["indicators"]) + "）"
        table.add_row(
            unit,
            state,
            a["submitted_by"] or "",
            (a["submitted_at"] or "")[:19],
            a["reviewed_by"] or "",
            a["return_reason"] if a["stored_state"] == "退回" else (a["explanation"] or ""),
        )
    console.print(table)
    console.print(
        "合计：" + "，".join(f"{k} {v}" for k, v in sorted(st["counts"].items())), highlight=False
    )


def open_cmd(
    period: Annotated[
        str | None, typer.Option("--period", "-p", help="时期，如 2021年1-7月（用模板时可省略）")
    ] = None,
    indicators: Annotated[
        list[str] | None,
        typer.Option("--indicator", "-i", help="要填报的指标（可重复，或用逗号分隔）"),
    ] = None,
    parent: Annotated[
        str | None, typer.Option("--parent", help="上级地区：其全部下级都要填报，如 湘西州")
    ] = None,
    units: Annotated[
        list[str] | None, typer.Option("--unit", "-u", help="填报单位（地区，可重复）")
    ] = None,
    departments: Annotated[
        list[str] | None,
        typer.Option(
            "--department",
            "-d",
            help="部门及其指标（可重复）：部门:指标,指标，"
            "如 州商务局:社会消费品零售总额,实际利用外资"
            "；部门只填报这些指标，数据计入部门所在地区",
        ),
    ] = None,
    due: Annotated[
        str | None, typer.Option("--due", help="报送期限：2021-08-10 或 月后10日（工作日）")
    ] = None,
    growth_only: Annotated[
        list[str] | None, typer.Option("--growth-only", help="只要增速的指标")
    ] = None,
    level_only: Annotated[
        list[str] | None, typer.Option("--level-only", help="只要总量的指标")
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="轮次名称")] = None,
    template: Annotated[
        str | None, typer.Option("--template", help="用已保存的模板开轮次（默认下一个月）")
    ] = None,
    save_template: Annotated[
        str | None, typer.Option("--save-template", help="把本轮表单存为模板，下月一步开轮次")
    ] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """开一轮填报：时期、指标、填报单位和报送期限；每个单位的状态为“未报”。"""
    from xingshi.collect import open_round

    names = _split(indicators)
    if not names and departments:  # only departments: the form is their indicators
        for d in departments:
            names += [n for n in _split([d.replace("：", ":").partition(":")[2]]) if n not in names]
    if not names and not template:
        raise InputError("没有指定指标", hint="用 --indicator 列出指标，或用 --template 模板")
    ws = _open(workspace)
    try:
        st = open_round(
            ws,
            None,
            period=period,
            items=_items(names, _split(growth_only), _split(level_only)) if names else None,
            units=_split(units) or None,
            parent=parent,
            departments=departments or None,
            due=due,
            title=title,
            template=template,
            save_template=save_template,
        )
    finally:
        ws.close()
    console.print(f"已开第 {st['id']} 轮填报（{len(st['assignments'])} 个单位）", highlight=False)
    _print_status(st)


def status_cmd(
    round_id: Annotated[int | None, typer.Argument(help="轮次编号；省略时列出全部轮次")] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """查看一轮填报：各单位的状态（逾期标红）、报送人和时间、退回原因。"""
    from xingshi.collect import list_rounds, round_status

    ws = _open(workspace)
    try:
        if round_id is None:
            rows = list_rounds(ws)
            if not rows:
                console.print("还没有填报轮次。", highlight=False)
            for r in rows:
                st = round_status(ws, r["id"])
                counts = "，".join(f"{k} {v}" for k, v in sorted(st["counts"].items()))
                console.print(
                    f"第{r['id']}轮  {r['title']}  期限 {r['due_on']}  {counts}", highlight=False
                )
            return
        _print_status(round_status(ws, round_id))
    finally:
        ws.close()


def templates_cmd(workspace: WorkspaceOpt = None) -> None:
    """列出已保存的填报模板。"""
    from xingshi.collect import templates

    ws = _open(workspace)
    try:
        rows = templates(ws)
        for t in rows:
            console.print(
                f"{t['name']}：{'、'.join(ws.indicators.get(i).name for i in t['indicators'])}"
                f"  期限 {t['due_rule'] or '-'}",
                highlight=False,
            )
        if not rows:
            console.print("还没有保存的模板（开轮次时用 --save-template 保存）。", highlight=False)
    finally:
        ws.close()


def remind_cmd(
    out: Annotated[Path | None, typer.Option("--out", "-o", help="日报写入此文件")] = None,
    smtp_host: Annotated[str | None, typer.Option("--smtp-host", help="邮件服务器")] = None,
    smtp_port: Annotated[int, typer.Option("--smtp-port", help="邮件服务器端口")] = 25,
    sender: Annotated[str, typer.Option("--from", help="发件人")] = "xingshi@localhost",
    to: Annotated[list[str] | None, typer.Option("--to", help="收件人（可重复）")] = None,
    due_soon: Annotated[
        int | None,
        typer.Option(
            "--due-soon",
            help="距期限几个工作日内提醒“即将到期”（默认取 xingshi.toml [collect] "
            "due_soon_working_days）",
        ),
    ] = None,
    today: Annotated[
        str | None, typer.Option("--today", help="按这一天计算（YYYY-MM-DD，默认今天）")
    ] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """生成今天的提醒（即将到期、已逾期，只发给责任单位），并输出日报到文件或邮件。"""
    from xingshi.collect import SmtpConfig, digest, send_digest, sweep

    try:
        day = date.fromisoformat(today) if today else date.today()
    except ValueError:
        raise InputError(
            f"日期“{today}”格式不对", where=Location(value=today), hint="写成 2021-08-10"
        ) from None
    ws = _open(workspace)
    try:
        made = sweep(ws, day, due_soon_days=due_soon)
        text = digest(ws, day)
    finally:
        ws.close()
    console.print(f"新提醒 {len(made)} 条", highlight=False)
    smtp = (
        SmtpConfig(host=smtp_host, port=smtp_port, sender=sender, recipients=tuple(to or ()))
        if smtp_host
        else None
    )
    if out is None and smtp is None:
        typer.echo(text)
        return
    send_digest(text, out=out, smtp=smtp, today=day)
    if out is not None:
        console.print(f"日报已写入 {out}", highlight=False)
    if smtp is not None:
        console.print(f"日报已发送至 {'、'.join(smtp.recipients)}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    round_app.command("open")(open_cmd)
    round_app.command("status")(status_cmd)
    round_app.command("templates")(templates_cmd)
    round_app.command("remind")(remind_cmd)
    app.add_typer(round_app, name="round")
