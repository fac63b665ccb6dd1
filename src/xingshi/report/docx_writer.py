"""briefing.docx: A4 official layout, styles users know, page numbers, tables, charts, appendix."""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt, RGBColor

from xingshi.report.model import Briefing, Paragraph, Table
from xingshi.report.sentences import render
from xingshi.report.wording import period_label

# 公文 fonts; Word substitutes the altName where the first is not installed.
TITLE_FONT = ("方正小标宋简体", "宋体")
HEADING_FONT = ("黑体", "SimHei")
BODY_FONT = ("仿宋_GB2312", "仿宋")
SIZE_TITLE = Pt(22)  # 二号
SIZE_BODY = Pt(16)  # 三号
SIZE_TABLE = Pt(10.5)  # 五号
FILLS = {"red": "F4B6B0", "yellow": "FBE7A1", "green": "BFE3C6"}
HEADER_FILL = "D9E2F3"
CELL_STYLE = "TableText"  # style id of the 表格文字 paragraph style
# Where each table and chart goes: after the paragraphs of section 0, 1 or 2.
PLACES = {
    "ranks": 0,
    "peers_chart": 0,
    "peers2": 0,
    "monthly": 0,
    "children": 1,
    "children_chart": 1,
    "targets": 2,
}


def _fonts(target, font: tuple[str, str], size: Pt | None = None, bold: bool | None = None) -> None:
    """Set Latin and East Asian font names (w:eastAsia), size and weight on a style or run."""
    f = target.font
    f.name = font[0]
    if size is not None:
        f.size = size
    if bold is not None:
        f.bold = bold
    rpr = target.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), font[0])


def _font_fallbacks(doc) -> None:
    """Declare each 公文 font with its alternate in the font table (w:altName)."""
    part = next(
        (p for p in doc.part.package.iter_parts() if p.partname.endswith("fontTable.xml")), None
    )
    if part is None or not hasattr(part, "element"):
        return
    root = part.element
    for name, alt in (TITLE_FONT, HEADING_FONT, BODY_FONT):
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        alt_el = OxmlElement("w:altName")
        alt_el.set(qn("w:val"), alt)
        font.append(alt_el)
        charset = OxmlElement("w:charset")
        charset.set(qn("w:val"), "86")  # GB2312
        font.append(charset)
        root.append(font)


def _styles(doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    _fonts(normal, BODY_FONT, SIZE_BODY)
    pf = normal.paragraph_format
    pf.first_line_indent = Pt(32)  # two characters
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(28)
    pf.space_after = Pt(0)
    title = styles["Title"]
    _fonts(title, TITLE_FONT, SIZE_TITLE, bold=False)
    title.font.color.rgb = RGBColor(0, 0, 0)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    title.paragraph_format.space_after = Pt(12)
    border = title.element.pPr.find(qn("w:pBdr")) if title.element.pPr is not None else None
    if border is not None:  # the default template underlines titles; 公文 titles are plain
        title.element.pPr.remove(border)
    for name, size in (("Heading 1", SIZE_BODY), ("Heading 2", SIZE_BODY)):
        h = styles[name]
        _fonts(h, HEADING_FONT, size, bold=False)
        h.font.color.rgb = RGBColor(0, 0, 0)
        h.paragraph_format.first_line_indent = Pt(32)
        h.paragraph_format.space_before = Pt(6)
        h.paragraph_format.space_after = Pt(0)
    cell = styles.add_style("表格文字", WD_STYLE_TYPE.PARAGRAPH)
    cell.style_id = CELL_STYLE
    cell.base_style = normal
    _fonts(cell, BODY_FONT, SIZE_TABLE)
    cell.paragraph_format.first_line_indent = Pt(0)
    cell.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    caption = styles["Caption"]
    _fonts(caption, HEADING_FONT, Pt(12), bold=False)
    caption.font.color.rgb = RGBColor(0, 0, 0)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.first_line_indent = Pt(0)
    caption.paragraph_format.space_before = Pt(10)
    caption.paragraph_format.space_after = Pt(4)
    caption.paragraph_format.keep_with_next = True


def _page(doc) -> None:
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(37), Mm(35)
    sec.left_margin, sec.right_margin = Mm(28), Mm(26)
    p = sec.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Pt(0)
    p.add_run("— ")
    run = p.add_run()
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)
    p.add_run(" —")


def _tc(
    text: str,
    *,
    fill: str | None = None,
    bold: bool = False,
    left: bool = False,
    mark: int | None = None,
    span: int = 1,
    vmerge: str | None = None,
) -> str:
    props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    props += (
        f'<w:vMerge w:val="{vmerge}"/>' if vmerge == "restart" else "<w:vMerge/>" if vmerge else ""
    )
    props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    props += '<w:vAlign w:val="center"/>'
    shd = f"<w:tcPr>{props}</w:tcPr>"
    jc = "left" if left else "center"
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    start = f'<w:bookmarkStart w:id="{mark}" w:name="src_{mark}"/>' if mark is not None else ""
    end = f'<w:bookmarkEnd w:id="{mark}"/>' if mark is not None else ""
    run = f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    ppr = f'<w:pPr><w:pStyle w:val="{CELL_STYLE}"/><w:jc w:val="{jc}"/></w:pPr>'
    return f"<w:tc>{shd}<w:p>{ppr}{start}{run}{end}</w:p></w:tc>"


# The text width of the portrait pages (210 − 28 − 26 mm) in twips.
TEXT_WIDTH = 8840


def _text_width(text: str) -> int:
    """Twips a line of table text needs at 五号: a CJK character is about 1 em, a digit half."""
    return sum(215 if ord(ch) > 0x2E80 else 140 for ch in text)


def column_widths(header: list[str], rows: list[list[str]], total: int = TEXT_WIDTH) -> list[int]:
    """Column widths (twips) from their contents: no name broken into three lines, headers
    wrapped onto at most two, the whole no wider than the page's text."""
    widths = []
    for j, head in enumerate(header):
        cells = max((_text_width(r[j]) for r in rows if j < len(r)), default=0)
        words = [w for w in head.split("|") if w]
        longest = max((_text_width(w) for w in words), default=0)
        widths.append(max(cells, (longest + 1) // 2 if len(words) == 1 else longest // 2) + 300)
    widths = [max(w, 560) for w in widths]
    if sum(widths) < total:  # official tables run the full text width
        return [w * total // sum(widths) for w in widths]
    if sum(widths) > total:
        # the first column (names) keeps what it needs where it can; the others shrink
        first = min(widths[0], total // 3)
        rest = sum(widths[1:]) or 1
        widths = [first] + [max(420, w * (total - first) // rest) for w in widths[1:]]
    return widths


def _header_rows(header: list[str]) -> str:
    """One header row, or two where headers are `地区生产总值|增速(%)` (the group spans)."""
    if not any("|" in h for h in header):
        head = "".join(_tc(h, fill=HEADER_FILL, bold=True) for h in header)
        return f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{head}</w:tr>"
    top, bottom, j = [], [], 0
    while j < len(header):
        group, _, sub = header[j].partition("|")
        if not sub:
            top.append(_tc(group, fill=HEADER_FILL, bold=True, vmerge="restart"))
            bottom.append(_tc("", fill=HEADER_FILL, vmerge="continue"))
            j += 1
            continue
        n = 1
        while j + n < len(header) and header[j + n].partition("|")[0] == group:
            n += 1
        top.append(_tc(group, fill=HEADER_FILL, bold=True, span=n))
        bottom += [_tc(h.partition("|")[2], fill=HEADER_FILL, bold=True) for h in header[j : j + n]]
        j += n
    pr = "<w:trPr><w:tblHeader/></w:trPr>"
    return f"<w:tr>{pr}{''.join(top)}</w:tr><w:tr>{pr}{''.join(bottom)}</w:tr>"


def _add_table(doc, header: list[str], rows: list[str], widths: list[int] | None = None) -> None:
    """A bordered table with a shaded header row, built as one piece of XML.

    Building cell by cell through python-docx costs about a millisecond a cell; the source
    appendix alone has a thousand cells. `widths` (twips) fixes the columns."""
    if widths:
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        layout = f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
    else:
        grid = "".join("<w:gridCol/>" for _ in header)
        layout = '<w:tblW w:w="0" w:type="auto"/>'
    xml = (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        f'{layout}<w:jc w:val="center"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{_header_rows(header)}"
        + "".join(f"<w:tr>{r}</w:tr>" for r in rows)
        + "</w:tbl>"
    )
    body = doc.element.body
    body.insert(len(body) - 1, parse_xml(xml))  # before the final sectPr


def _table(doc, table: Table) -> None:
    doc.add_paragraph(table.title, style="Caption")
    # a column with no figure at all (全国增速 where the data has no national row) is left out
    keep = [
        j
        for j in range(len(table.header))
        if j == 0 or any(j < len(r) and r[j].text not in ("—", "") for r in table.rows)
    ]
    header = [table.header[j] for j in keep]
    cells = [[row[j] for j in keep] for row in table.rows]
    rows = [
        "".join(_tc(c.text, fill=FILLS.get(c.light or ""), left=j == 0) for j, c in enumerate(row))
        for row in cells
    ]
    texts = [[c.text for c in row] for row in cells]
    _add_table(doc, header, rows, column_widths(header, texts))
    if table.note:
        note = doc.add_paragraph()
        note.paragraph_format.first_line_indent = Pt(0)
        _fonts(note.add_run(f"注：{table.note}"), BODY_FONT, Pt(10.5))


def _paragraph(doc, para: Paragraph) -> None:
    """Body text as plain runs: the text to send carries no links (the sources are in the
    appendix file, and in the HTML page, where each figure links to its row)."""
    doc.add_paragraph(para.text)


def _chart(doc, png: bytes, title: str) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Pt(0)
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    p.paragraph_format.keep_with_next = True  # the picture stays on its caption's page
    p.add_run().add_picture(io.BytesIO(png), width=Cm(15))
    caption = doc.add_paragraph(f"图：{title}", style="Caption")
    caption.paragraph_format.keep_with_next = False
    caption.paragraph_format.space_before = Pt(2)
    caption.paragraph_format.space_after = Pt(8)


APPENDIX_WIDTHS = [700, 1100, 850, 1600, 1650, 800, 2150, 750, 850, 4060]  # twips, 14510


def _appendix(doc, brief: Briefing) -> None:
    # landscape: ten columns do not fit a portrait page
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    sec.top_margin = sec.bottom_margin = Mm(20)
    sec.left_margin = sec.right_margin = Mm(20)
    doc.add_paragraph(render("document.sources_title"), style="Heading 1")
    doc.add_paragraph(render("document.sources_intro"))
    header = ["序号", "数字", "地区", "指标", "时期", "版本", "文件", "工作表", "单元格", "说明"]
    rows = []
    for s in brief.sources:
        how = ("计算：" + s.basis) if s.computed else s.basis
        note = "；".join(x for x in (how, s.note or "") if x)
        release = f"第{s.release_id}版" if s.release_id else "—"
        values = [s.text, s.region, s.indicator_name, period_label(s.period), release]
        values += [Path(s.file).name if s.file else "—", s.sheet or "—", s.cell or "—", note]
        # the first cell carries the bookmark the figures in the text link to
        cells = _tc(str(s.id), left=True, mark=s.id) + "".join(_tc(v, left=True) for v in values)
        rows.append(cells)
    _add_table(doc, header, rows, APPENDIX_WIDTHS)
    findings = brief.finding_rows()
    if findings:
        doc.add_paragraph(render("document.findings_title"), style="Heading 1")
        doc.add_paragraph(render("document.findings_intro"))
        rows = [
            _tc(str(n), left=True) + _tc(k, left=True) + _tc(lv, left=True) + _tc(m, left=True)
            for n, (k, lv, m) in enumerate(findings, start=1)
        ]
        _add_table(doc, ["序号", "类别", "级别", "内容"], rows, [560, 1800, 800, 11350])


def _document(title: str):
    doc = Document()
    _styles(doc)
    _font_fallbacks(doc)
    _page(doc)
    doc.core_properties.title = title
    doc.core_properties.author = "xingshi"
    return doc


def write_docx(brief: Briefing, path: Path) -> Path:
    """Write the briefing to send (A4 portrait, text, tables and charts) and return its path.

    Its sources and warnings go to a file of their own (`write_appendix_docx`)."""
    doc = _document(brief.title)
    doc.add_paragraph(brief.title, style="Title")
    sub = doc.add_paragraph(brief.subtitle)
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    sub.paragraph_format.first_line_indent = Pt(0)
    if brief.simulated:
        doc.add_paragraph(render("document.simulated"))
    tables = {t.key: t for t in brief.tables}
    charts = {
        f"{c.key}_chart" if c.key in ("peers", "children") else c.key: c for c in brief.charts
    }
    for n, section in enumerate(brief.sections):
        doc.add_paragraph(section.title, style="Heading 1")
        for para in section.paragraphs:
            _paragraph(doc, para)
        for key, place in PLACES.items():
            if place != n:
                continue
            if key in tables:
                _table(doc, tables[key])
            if key in charts:
                _chart(doc, charts[key].png, charts[key].title)
    doc.save(str(path))
    return path


def write_appendix_docx(brief: Briefing, path: Path) -> Path:
    """Write the appendix to keep (the source of every figure, the warnings) and return its path."""
    title = render("document.appendix_title", title=brief.title)
    doc = _document(title)
    doc.add_paragraph(title, style="Title")
    if brief.simulated:
        doc.add_paragraph(render("document.simulated"))
    _appendix(doc, brief)
    doc.save(str(path))
    return path
