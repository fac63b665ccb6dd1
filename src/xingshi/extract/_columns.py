"""Task tables copied one cell per line: the task cell holds targets, the progress cell progress.

    序号 / 项目内容 / 当前进度 / 牵头单位      (the header, one cell per line)
    1 / 建设四好农村路55公里。 / 95% / 县交通局

The sentence grammar reads 55公里 as a level and 95% as a ratio; the header says the first is
the year's target and the second how much of it is done. Rows start at their serial number, so
a row with a missing cell does not shift the rows after it.
"""

from __future__ import annotations

import re

from xingshi.extract._rules import grammar
from xingshi.extract.fact import Fact

_LINE = re.compile(r"[^\n]*")
_SERIAL = re.compile(r"\d{1,3}")
_HEAD_MAX = 10  # a header cell is a short word
# The table's title dates its progress column: 进度表(截至10月31日).
_AS_OF = re.compile(r"截[至止](?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月")


def _cells(norm: str) -> list[tuple[str, int, int]]:
    """The non-empty lines of ``norm`` with their spans."""
    out = []
    for m in _LINE.finditer(norm):
        line = m.group().strip()
        if line:
            out.append((line, m.start(), m.end()))
    return out


def progress_cells(
    norm: str,
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], int]:
    """The spans of the task and progress cells of every such table, and where the first began."""
    raw = grammar().raw.get("progress_tables", {})
    tasks, progress = set(raw.get("task_headers", ())), set(raw.get("progress_headers", ()))
    cells = _cells(norm)
    task_spans: list[tuple[int, int]] = []
    progress_spans: list[tuple[int, int]] = []
    first = -1
    i = 0
    while i < len(cells):
        j = i
        while j < len(cells) and len(cells[j][0]) <= _HEAD_MAX and not _SERIAL.search(cells[j][0]):
            j += 1
        head = [c[0] for c in cells[i:j]]
        t = next((k for k, h in enumerate(head) if h in tasks), None)
        p = next((k for k, h in enumerate(head) if h in progress), None)
        if t is None or p is None or head[0] != "序号":
            i = j + 1 if j == i else j
            continue
        k, serial = j, 1
        first = cells[i][1] if first < 0 else first
        while k < len(cells) and cells[k][0] == str(serial):
            nxt = next(
                (n for n in range(k + 1, len(cells)) if cells[n][0] == str(serial + 1)), None
            )
            end = nxt if nxt is not None else min(len(cells), k + len(head))
            row = cells[k:end]
            if t < len(row):
                task_spans.append(row[t][1:])
            if p < len(row):
                progress_spans.append(row[p][1:])
            k, serial = end, serial + 1
        i = max(k, j + 1)
    return task_spans, progress_spans, first


def _inside(f: Fact, spans: list[tuple[int, int]]) -> bool:
    return any(a <= f.start < b for a, b in spans)


def apply_progress_tables(norm: str, facts: list[Fact], year: int | None) -> None:
    """Re-read the figures of task and progress cells (in place)."""
    if "序号" not in norm:
        return
    task_spans, progress_spans, first = progress_cells(norm)
    if not task_spans:
        return
    as_of = None
    for m in _AS_OF.finditer(norm, max(0, first - 200), first):
        as_of = m
    for f in facts:
        if f.derived:
            continue
        if _inside(f, task_spans) and f.measure in ("level", "count"):
            f.measure = "target"
            y = f.period[:4] if f.period else (str(year) if year else None)
            f.period = f"{y}-01/{y}-12" if y else None
        elif _inside(f, progress_spans) and f.unit == "%" and f.measure == "ratio_pct":
            f.measure = "completed"
            y = (as_of.group("y") if as_of else None) or (str(year) if year else None)
            if as_of and y:
                f.period = f"{y}-01/{y}-{int(as_of.group('m')):02d}"


# 1.引进…投资项目不少于3个;…项目100个。上半年,引进…项目3个: a numbered item of a supervision
# notice restates the task (its first sentence), then reports progress from a period phrase on.
_ITEM = re.compile(r"^\d{1,2}\.(?!\d)", re.M)
_ITEM_REPORT = re.compile(r"[。;](?:上半年|前三季度|一季度|今年以来|截至|截止|1-\d{1,2}月)")
_TASK_MEASURES = ("count", "completed", "level")


def apply_task_items(norm: str, facts: list[Fact], year: int | None) -> None:
    """The figures of a numbered task's first sentence, when progress follows, are targets."""
    spans: list[tuple[int, int]] = []
    for m in _ITEM.finditer(norm):
        line_end = norm.find("\n", m.end())
        line_end = len(norm) if line_end < 0 else line_end
        first_end = norm.find("。", m.end(), line_end)
        if first_end < 0:
            continue
        report = _ITEM_REPORT.match(norm, first_end, line_end)
        if report is not None:
            spans.append((m.end(), first_end))
    if not spans:
        return
    for f in facts:
        # the figure's end: a quote may start with the item's number (1.引进…不少于3个)
        if (
            f.derived
            or f.measure not in _TASK_MEASURES
            or not any(a < f.end <= b for a, b in spans)
        ):
            continue
        if f.measure == "level" and f.approx in ("以上", "以下"):
            continue  # 投资10亿元以上项目10个: the threshold names the projects
        f.measure = "target"
        y = f.period[:4] if f.period else (str(year) if year else None)
        f.period = f"{y}-01/{y}-12" if y else None
