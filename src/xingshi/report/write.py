"""`write_briefing`: build the briefing and write briefing.docx (to send), briefing-附录.docx
(sources and warnings, to keep), briefing.html and tables.xlsx."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

from xingshi.errors import Location, WorkspaceError
from xingshi.report.build import build_briefing
from xingshi.report.docx_writer import write_appendix_docx, write_docx
from xingshi.report.html_writer import write_html
from xingshi.report.model import Briefing, BriefingPaths
from xingshi.report.xlsx_writer import write_xlsx

Progress = Callable[[str], None]
APPENDIX_NAME = "briefing-附录.docx"


def write_briefing(
    analysis: Any,
    regions: Any,
    indicators: Any,
    out_dir: str | Path,
    *,
    observations: pl.DataFrame | None = None,
    targets: pl.DataFrame | None = None,
    progress: Progress | None = None,
    brief: Briefing | None = None,
) -> BriefingPaths:
    """Write the three files for `analysis` into `out_dir` (created if needed).

    `observations` (the store's frame) gives each figure its source cell and the monthly chart
    its points; `targets` the target cells. `progress` is called with a Chinese step name."""
    step = progress or (lambda _s: None)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkspaceError(
            f"无法创建输出目录：{exc.strerror}",
            where=Location(file=str(out)),
            hint="换一个可写的目录，用 --out 指定",
        ) from None
    if brief is None:
        step("撰写正文、绘制图表")
        brief = build_briefing(
            analysis, regions, indicators, observations=observations, targets=targets
        )
    step("写入 Word 文档")
    docx = write_docx(brief, out / "briefing.docx")
    appendix = write_appendix_docx(brief, out / APPENDIX_NAME)
    step("写入 HTML 页面")
    html = write_html(brief, out / "briefing.html")
    step("写入 Excel 表格")
    xlsx = write_xlsx(brief, out / "tables.xlsx")
    return BriefingPaths(docx=docx, html=html, xlsx=xlsx, appendix=appendix)
