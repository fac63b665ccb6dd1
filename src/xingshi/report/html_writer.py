"""briefing.html: one self-contained page (charts inline), readable on a phone, figures linked."""

from __future__ import annotations

import base64
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from xingshi.report.docx_writer import PLACES
from xingshi.report.model import Briefing, Table
from xingshi.report.sentences import render
from xingshi.report.wording import period_label


@cache
def _template() -> jinja2.Template:
    text = (
        resources.files("xingshi.report")
        .joinpath("templates", "briefing.html.j2")
        .read_text("utf-8")
    )
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True)
    return env.from_string(text)


def header_groups(table: Table) -> tuple[list[tuple[str, int, bool]], list[str]] | None:
    """Two header rows from `指标|增速(%)` headers: (group, colspan, spans both rows), subs."""
    if not any("|" in h for h in table.header):
        return None
    groups: list[tuple[str, int, bool]] = []
    subs: list[str] = []
    for h in table.header:
        top, _, sub = h.partition("|")
        if not sub:
            groups.append((top, 1, True))
        elif groups and groups[-1][0] == top and not groups[-1][2]:
            groups[-1] = (top, groups[-1][1] + 1, False)
            subs.append(sub)
        else:
            groups.append((top, 1, False))
            subs.append(sub)
    return groups, subs


def _placed(brief: Briefing) -> list[list[dict[str, Any]]]:
    tables = {t.key: t for t in brief.tables}
    charts = {
        f"{c.key}_chart" if c.key in ("peers", "children") else c.key: c for c in brief.charts
    }
    out: list[list[dict[str, Any]]] = [[] for _ in brief.sections]
    for key, n in PLACES.items():
        if n >= len(out):
            continue
        if key in tables:
            t = tables[key]
            hg = header_groups(t)
            obj = {
                "key": t.key,
                "title": t.title,
                "header": t.header,
                "rows": t.rows,
                "note": t.note,
            }
            obj.update({"groups": hg[0], "subs": hg[1]} if hg else {"groups": None, "subs": None})
            out[n].append({"kind": "table", "obj": obj})
        if key in charts:
            c = charts[key]
            out[n].append(
                {"kind": "chart", "obj": c, "b64": base64.b64encode(c.png).decode("ascii")}
            )
    return out


def write_html(brief: Briefing, path: Path) -> Path:
    """Write the briefing as one HTML file and return its path."""
    html = _template().render(
        brief=brief,
        placed=_placed(brief),
        period_label=period_label,
        basename=lambda f: Path(f).name,
        simulated_note=render("document.simulated"),
        sources_title=render("document.sources_title"),
        sources_intro=render("document.sources_intro"),
        findings=brief.finding_rows(),
        findings_title=render("document.findings_title"),
        findings_intro=render("document.findings_intro"),
    )
    path.write_text(html, encoding="utf-8")
    return path
