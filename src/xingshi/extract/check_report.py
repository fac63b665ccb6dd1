"""What ``check`` writes: an annotated HTML, a Word copy with comments, a Rich summary."""

from __future__ import annotations

import html
from pathlib import Path

from rich.console import Console
from rich.table import Table

from xingshi.extract.check import STATUS_LABEL, CheckResult, Verdict, _fmt

_RANK = {"contradicts": 2, "agrees": 1, "no_data": 0}
MEASURE_ZH = {"level": "总量", "growth_pct": "增长", "growth_multiple": "增长倍数",
              "pp_diff": "百分点差", "rank": "位次", "share_pct": "占比", "count": "个数",
              "target": "目标", "completed": "完成数", "ratio_pct": "比率"}  # fmt: skip
_STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; line-height: 1.9;
       max-width: 54em; margin: 2em auto; color: #222; }
mark { padding: 0 2px; border-radius: 3px; cursor: help; }
mark.agrees { background: #d6f5d6; }
mark.contradicts { background: #ffc9c9; border-bottom: 2px solid #c00; }
mark.no_data { background: #eeeeee; }
.legend span { margin-right: 1.5em; }
p { white-space: pre-wrap; margin: 0.4em 0; }
"""


def _spans(result: CheckResult) -> list[tuple[int, int, str, list[Verdict]]]:
    """Highlight spans (number and unit), merged when several facts share one figure."""
    by_span: dict[tuple[int, int], list[Verdict]] = {}
    for v in result.verdicts:
        start, end = v.fact.extra.get("figure", (v.fact.start, v.fact.end))
        by_span.setdefault((start, end), []).append(v)
    out = []
    last_end = -1
    for (start, end), vs in sorted(by_span.items()):
        if start < last_end:
            continue
        status = max((v.status for v in vs), key=lambda s: _RANK[s])
        out.append((start, end, status, vs))
        last_end = end
    return out


def _title(vs: list[Verdict]) -> str:
    lines = []
    for v in vs:
        f = v.fact
        what = f"{f.indicator or '（未识别指标）'} {MEASURE_ZH.get(f.measure, f.measure)} "
        what += f"{f.value}{f.unit}"
        if f.derived:
            what = "推算：" + what
        lines.append(f"{STATUS_LABEL[v.status]}：{what}；{v.describe()}")
    return "\n".join(lines)


def write_html(result: CheckResult, path: Path) -> Path:
    """The draft with every figure coloured (green agrees, red contradicts, grey no data)."""
    text = result.text
    parts: list[str] = []
    pos = 0
    for start, end, status, vs in _spans(result):
        parts.append(html.escape(text[pos:start]))
        parts.append(
            f'<mark class="{status}" title="{html.escape(_title(vs), quote=True)}">'
            f"{html.escape(text[start:end])}</mark>"
        )
        pos = end
    parts.append(html.escape(text[pos:]))
    body = "".join(parts).replace("\n", "</p>\n<p>")
    counts = {s: result.count(s) for s in ("agrees", "contradicts", "no_data")}  # type: ignore[arg-type]
    legend = (
        f'<p class="legend"><span><mark class="agrees">一致 {counts["agrees"]}</mark></span>'
        f'<span><mark class="contradicts">矛盾 {counts["contradicts"]}</mark></span>'
        f'<span><mark class="no_data">无数据 {counts["no_data"]}</mark></span></p>'
    )
    rows = "".join(
        f"<li>“{html.escape(v.fact.quote[-40:])}”：讲话稿 {v.fact.value}"
        f"{html.escape(v.fact.unit)}，{html.escape(v.describe())}</li>"
        for v in result.contradictions
    )
    if rows:
        legend += f'<h2>与库中数据矛盾的数字</h2><ol class="contradictions">{rows}</ol>'
    title = f"数字核对：{result.draft.name}（{result.region}，{result.period.label}）"
    page = (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>{legend}<p>{body}</p></body></html>\n"
    )
    path.write_text(page, encoding="utf-8")
    return path


def write_docx(result: CheckResult, path: Path) -> Path:
    """A copy of the .docx draft with a Word comment on every contradicting figure."""
    import docx

    document = docx.Document(str(result.draft))
    paragraphs = list(document.paragraphs)
    # Offsets of read_document's text: paragraphs joined by newlines (tables come after).
    starts, pos = [], 0
    for p in paragraphs:
        starts.append(pos)
        pos += len(p.text) + 1
    for start, end, status, vs in _spans(result):
        if status != "contradicts" or not hasattr(document, "add_comment"):
            continue  # Word comments need python-docx >= 1.2
        idx = _paragraph_at(starts, start)
        if idx is None or start >= starts[idx] + len(paragraphs[idx].text):
            continue  # a figure inside a table: listed in the HTML and the summary only
        runs = _runs_over(paragraphs[idx], start - starts[idx], end - starts[idx])
        if runs:
            text = "；".join(f"{v.fact.indicator or ''}：{v.describe()}" for v in vs
                            if v.status == "contradicts")  # fmt: skip
            document.add_comment(runs, text=f"数字与库中不一致。{text}", author="xingshi 核对")
    document.save(str(path))
    return path


def _paragraph_at(starts: list[int], offset: int) -> int | None:
    from bisect import bisect_right

    i = bisect_right(starts, offset) - 1
    return i if i >= 0 else None


def _runs_over(paragraph, start: int, end: int) -> list:  # type: ignore[no-untyped-def]
    """The runs holding exactly ``[start, end)`` of the paragraph's text: a run the figure
    shares with other words is split (same formatting), so a comment sits on the figure only."""
    out, pos = [], 0
    for run in list(paragraph.runs):
        text = run.text
        r_start, r_end = pos, pos + len(text)
        pos = r_end
        if r_end <= start or r_start >= end:
            continue
        a, b = max(start, r_start) - r_start, min(end, r_end) - r_start
        if a > 0:  # the words before the figure stay in a run of their own
            _insert_before(run, text[:a])
        if b < len(text):
            _insert_after(run, text[b:])
        run.text = text[a:b]
        out.append(run)
    return out


def _copy_run(run, text: str):  # type: ignore[no-untyped-def]
    from copy import deepcopy

    from docx.text.run import Run

    element = deepcopy(run._r)
    new = Run(element, run._parent)
    new.text = text
    return new


def _insert_before(run, text: str) -> None:  # type: ignore[no-untyped-def]
    run._r.addprevious(_copy_run(run, text)._r)


def _insert_after(run, text: str) -> None:  # type: ignore[no-untyped-def]
    run._r.addnext(_copy_run(run, text)._r)


def print_summary(result: CheckResult, console: Console) -> None:
    """Counts per verdict and the contradicting figures, as a Rich table."""
    console.print(
        f"核对 {result.draft.name}（{result.region}，{result.period.label}）："
        f"一致 {result.count('agrees')}，矛盾 {result.count('contradicts')}，"
        f"无数据 {result.count('no_data')}",
        highlight=False,
    )
    if result.contradictions:
        table = Table(title="与库中数据矛盾的数字")
        for col in ("原文", "指标", "讲话稿", "库中", "来源"):
            table.add_column(col)
        for v in result.contradictions:
            f = v.fact
            start, end = f.extra.get("figure", (f.start, f.end))
            table.add_row(
                result.text[max(start - 12, f.start) : end],
                f.indicator or "",
                f"{f.value}{f.unit}" + ("（推算）" if f.derived else ""),
                f"{_fmt(v.stored)}{v.stored_unit or ''}",
                f"版本 #{v.release_id} {v.source or ''}",
            )
        console.print(table)
    if result.html_path:
        console.print(f"标注稿：{result.html_path}", highlight=False)
    if result.docx_path:
        console.print(f"批注稿：{result.docx_path}", highlight=False)


RECORD_FIELDS = ("verdict", "quote", "start", "end", "figure", "region", "region_code", "period",
                 "indicator", "indicator_code", "measure", "value", "unit", "approx", "stored",
                 "stored_unit", "release", "source", "note", "derived")  # fmt: skip


def records(result: CheckResult) -> list[dict]:
    """One flat record per figure: the draft's figure, its verdict and what the store holds."""
    out = []
    for v in result.verdicts:
        f = v.fact
        start, end = f.extra.get("figure", (f.start, f.end))
        out.append(
            {
                "verdict": STATUS_LABEL[v.status],
                "quote": f.quote,
                "start": start,
                "end": end,
                "figure": result.text[start:end],
                "region": f.region,
                "region_code": f.region_code,
                "period": f.period or result.period.key,
                "indicator": f.indicator,
                "indicator_code": f.indicator_code,
                "measure": f.measure,
                "value": f.value,
                "unit": f.unit,
                "approx": f.approx,
                "stored": v.stored,
                "stored_unit": v.stored_unit,
                "release": v.release_id,
                "source": v.source,
                "note": v.note,
                "derived": f.derived,
            }
        )
    return out


def records_text(result: CheckResult, fmt: str) -> str:
    """The records as a JSON array or CSV text."""
    import csv
    import io
    import json

    rows = records(result)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=RECORD_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()
