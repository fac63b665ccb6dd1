"""``xingshi brief`` and ``xingshi demo``: read the store, analyse, write the briefing."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.cells import cell_len
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from xingshi.cli._common import (
    AsOfOpt,
    WorkspaceOpt,
    console,
    open_ws,
    resolve_region,
    root_workspace,
)
from xingshi.jobs import make_briefing, period_for

LIGHT = {"green": "[green]绿[/]", "yellow": "[yellow]黄[/]", "red": "[red]红[/]"}
STEPS = 5  # read and analyse, compose, docx, html, xlsx


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


SUMMARY_ROWS = 8  # the headline indicators; the whole summary fits an 80×24 terminal
WIDTH = 80


def _clip(text: str, cols: int) -> str:
    """`text` cut to `cols` terminal columns (a Chinese character takes two), with …."""
    if cell_len(text) <= cols:
        return text
    out = ""
    for ch in text:
        if cell_len(out + ch) > cols - 1:
            break
        out += ch
    return out + "…"


def _summary(brief: Any, paths: Any, seconds: float) -> None:
    """One screen (80×24): the title, the headline indicators, the first lines of 一 and 二,
    the warnings and the files written."""
    width = min(console.width or WIDTH, WIDTH)
    me = next((t for t in brief.tables if t.key == "ranks"), None)
    console.print(
        _clip(f"[bold]{brief.title}[/]  {brief.subtitle.strip('（）')}", width + 9),
        highlight=False,
    )
    t = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1), show_edge=False)
    for col, just in (
        ("指标", "left"),
        ("本期", "right"),
        ("增速%", "right"),
        ("比上级(点)", "right"),
        ("位次", "right"),
        ("灯", "center"),
    ):
        t.add_column(col, justify=just)
    rows = me.rows if me else []
    # indicators ranked among the peers first: they are what the meeting compares
    rows = sorted(rows, key=lambda r: r[6].text == "—")[:SUMMARY_ROWS]
    for row in rows:
        light = LIGHT.get(row[3].light or "", "—")
        t.add_row(row[0].text, row[2].text, row[3].text, row[5].text, row[6].text, light)
    console.print(t)
    for section in brief.sections[:2]:
        first = section.paragraphs[0].text if section.paragraphs else ""
        # two lines: the section's name and the start of its first paragraph
        text = _clip(f"{section.title}：{first}", 2 * width - 2)
        console.print(
            f"[bold]{text[: len(section.title)]}[/]{text[len(section.title) :]}", highlight=False
        )
    note = " 含示例数据（模拟）" if brief.simulated else ""
    warnings = sum(1 for f in brief.findings if getattr(f, "severity", "") != "info")
    stats = (
        f"图表{len(brief.charts)}幅 表格{len(brief.tables)}张 来源{len(brief.sources)}条"
        + (f" 预警{warnings}条（附录二）" if warnings else "")
        + f" 用时{seconds:.1f}秒{note}"
    )
    console.print(_clip(stats, width), highlight=False)
    files = (("Word", paths.docx), ("附录", paths.appendix), ("HTML", paths.html))
    for label, path in (*files, ("Excel", paths.xlsx)):
        console.print(f"[green]已写入[/] {label:<5} {path}", highlight=False, soft_wrap=True)


def _run(ws: Any, region: str, period: Any, out: Path, as_of: str | None) -> None:
    start = time.perf_counter()
    with _progress() as bar:
        task = bar.add_task("生成简报", total=STEPS)

        def step(name: str) -> None:
            bar.update(task, description=name, advance=1)

        brief, paths = make_briefing(ws, region, period, out, as_of=as_of, step=step)
        bar.update(task, completed=STEPS)
    _summary(brief, paths, time.perf_counter() - start)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command("brief")
    def brief(
        region: Annotated[str, typer.Option("--region", "-r", help="地区名称或代码，如 湘西州")],
        period: Annotated[str, typer.Option("--period", "-p", help="时期，如 2021年1-6月、2021H1")],
        out: Annotated[Path, typer.Option("--out", "-o", help="输出目录")] = Path("briefing"),
        as_of: AsOfOpt = None,
        workspace: WorkspaceOpt = None,
    ) -> None:
        """生成经济形势简报：briefing.docx、briefing.html 和 tables.xlsx。"""
        ws = open_ws(workspace)
        try:
            reg = resolve_region(ws, region)
            p, said = period_for(ws, reg.code, period, as_of=as_of)
            if said:
                console.print(said, highlight=False)
            _run(ws, reg.code, p, out, as_of)
        finally:
            ws.close()

    @app.command("demo")
    def demo(
        out: Annotated[Path, typer.Option("--out", "-o", help="输出目录")] = Path("demo-output"),
        workspace: Annotated[
            Path | None,
            typer.Option("--workspace", "-w", help="示例工作区目录（默认新建临时目录）"),
        ] = None,
    ) -> None:
        """载入示例数据（新建 SQLite 工作区），生成湘西州2021年1-6月的简报。"""
        from xingshi.sample import load_sample
        from xingshi.store import DATABASE_FILE
        from xingshi.workspace import init_workspace

        folder = workspace or root_workspace() or Path(tempfile.mkdtemp(prefix="xingshi-demo-"))
        # always the folder's own SQLite file, whatever XINGSHI_DATABASE_URL says
        ws = init_workspace(folder, database_url=f"sqlite:///{folder.resolve() / DATABASE_FILE}")
        try:
            with console.status("载入示例数据…"):
                results = load_sample(ws)
            inserted = sum(getattr(r, "inserted", 0) for r in results)
            console.print(
                f"示例工作区：{folder}（{len(results)} 个文件，新增 {inserted} 条记录）",
                highlight=False,
            )
            _run(ws, "湘西州", "2021年1-6月", out, None)
        finally:
            ws.close()
