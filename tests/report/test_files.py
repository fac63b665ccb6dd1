"""briefing.docx, briefing.html and tables.xlsx written for real and read back."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn

from xingshi.report import write_briefing


@pytest.fixture
def written(tmp_path, run_analysis, sample_obs, sample_targets, indicators):
    """The three files for 湘西州 2021年1-6月 in a temporary folder."""
    analysis = run_analysis(sample_obs, sample_targets)
    steps: list[str] = []
    paths = write_briefing(
        analysis,
        None,
        indicators,
        tmp_path / "简报",
        observations=sample_obs,
        targets=sample_targets,
        progress=steps.append,
    )
    return paths, steps


def test_docx_has_sections_tables_charts_appendix_and_page_numbers(written) -> None:
    """The Word file re-opens with the three sections, tables and ≥4 images; the source list
    and the warnings are in briefing-附录.docx, each source row bookmarked."""
    paths, steps = written
    assert steps[0] == "撰写正文、绘制图表"
    doc = Document(str(paths.docx))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "湘西州2021年上半年经济运行情况"
    assert doc.paragraphs[0].style.name == "Title"
    for title in ("一、上半年主要成绩", "二、存在的困难和问题", "三、下半年形势与建议"):
        para = next(p for p in doc.paragraphs if p.text == title)
        assert para.style.name == "Heading 1"
    assert any("分别增长1.5倍、1.3倍" in t for t in texts)
    assert len(doc.inline_shapes) >= 4
    assert len(doc.tables) >= 3  # ranks, counties, targets
    assert not any(t.startswith("附录") for t in texts)
    assert not list(doc.element.body.iter(qn("w:hyperlink")))  # no link to a missing bookmark
    appendix = Document(str(paths.appendix))
    atexts = [p.text for p in appendix.paragraphs]
    for title in ("附录一  数据来源", "附录二  预警与数据质量提示"):
        para = next(p for p in appendix.paragraphs if p.text == title)
        assert para.style.name == "Heading 1"
    assert atexts[0] == "湘西州2021年上半年经济运行情况（附录）"
    assert any("泸溪" in row.cells[3].text for row in appendix.tables[-1].rows[1:])
    sources = appendix.tables[0]
    assert [c.text for c in sources.rows[0].cells][:3] == ["序号", "数字", "地区"]
    cells = {row.cells[8].text for row in sources.rows[1:]}
    assert "C49" in cells and "C55" in cells  # 3722.1万人次 and 304.4亿元
    marks = {b.get(qn("w:name")) for b in appendix.element.body.iter(qn("w:bookmarkStart"))}
    assert len(marks) == len(sources.rows) - 1
    assert appendix.sections[0].orientation == 1  # landscape: ten columns
    sec = doc.sections[0]
    assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (210, 297)
    footer_xml = sec.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer_xml and "fldChar" in footer_xml
    normal = doc.styles["Normal"]
    assert normal.font.size.pt == 16
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert doc.styles["Title"].font.size.pt == 22
    assert doc.styles["Title"].element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert doc.styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    shaded = {shd.get(qn("w:fill")) for shd in doc.element.body.iter(qn("w:shd"))}
    assert {"F4B6B0", "BFE3C6"} <= shaded  # red and green cells


def test_html_is_self_contained_responsive_and_linked(written) -> None:
    """One file, viewport meta, inline charts, every figure link pointing at a source row."""
    paths, _ = written
    html = paths.html.read_text("utf-8")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "max-width" in html and "overflow-x: auto" in html
    assert len(re.findall(r'src="data:image/png;base64,', html)) >= 4
    assert not re.search(r'src="(http|/|\./)', html)
    links = set(re.findall(r'href="#(src-\d+)"', html))
    rows = set(re.findall(r'<tr id="(src-\d+)"', html))
    assert links and links <= rows
    assert re.search(r'<a class="fig" href="#src-\d+"[^>]*>1\.5倍</a>', html)


def test_xlsx_tables_are_formatted_lit_and_print_ready(written) -> None:
    """The county and province sheets have number formats, frozen headers, lights and A4 setup."""
    paths, _ = written
    wb = openpyxl.load_workbook(paths.xlsx)
    assert "各县市区主要经济指标完成情况表" in wb.sheetnames
    assert "全省各市州主要指标位次" in wb.sheetnames
    assert "数据来源" in wb.sheetnames
    ws = wb["各县市区主要经济指标完成情况表"]
    assert ws["A1"].value == "各县市主要经济指标完成情况表"
    assert ws.freeze_panes == "B5"
    assert ws["A5"].value == "吉首"
    growth = ws["C5"]
    assert growth.value == 14.0 and growth.number_format == "0.0"
    assert len(ws.conditional_formatting) > 0
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0  # 1 page wide
    assert ws.print_title_rows == "$3:$4"
    peers = wb["全省各市州主要指标位次"]
    names = [peers.cell(row=r, column=1).value for r in range(5, 10)]
    assert "湘西州" in names


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) 未安装，跳过 PDF 转换"
)
def test_docx_converts_to_pdf_with_libreoffice(written, tmp_path) -> None:
    """LibreOffice opens the Word file and converts it to a PDF without error."""
    paths, _ = written
    out = tmp_path / "pdf"
    result = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(paths.docx)],
        capture_output=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    pdf = out / "briefing.pdf"
    assert pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-"
    assert Path(pdf).stat().st_size > 10_000


def test_docx_tables_fit_their_contents_and_group_headers(written) -> None:
    """Word tables have fixed widths within the text width, names widest, and two header rows
    where columns share an indicator (地区生产总值 over 增速 and 位次)."""
    paths, _ = written
    doc = Document(str(paths.docx))
    ranks = doc.tables[0]
    grid = [int(c.get(qn("w:w"))) for c in ranks._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert sum(grid) <= 8840 and grid[0] == max(grid)
    assert ranks.rows[1].cells[0].text == "地区生产总值"
    counties = next(t for t in doc.tables if t.rows[0].cells[0].text == "地区")
    spans = [int(s.get(qn("w:val"))) for s in counties.rows[0]._tr.iter(qn("w:gridSpan"))]
    assert spans and all(n >= 2 for n in spans)
    assert "地区生产总值" in [c.text for c in counties.rows[0].cells]
    assert "增速(%)" in [c.text for c in counties.rows[1].cells]


def test_xlsx_wide_sheets_print_across_pages_with_names_repeated(written) -> None:
    """A sheet too wide for one page prints on several across, its name column on each."""
    paths, _ = written
    wb = openpyxl.load_workbook(paths.xlsx)
    wide = 0
    for ws in wb.worksheets:
        if ws.title == "数据来源":
            continue
        area = ws.print_area if isinstance(ws.print_area, str) else ws.print_area[0]
        last = re.search(r"\$?([A-Z]+)\$?\d+$", area).group(1)  # type: ignore[union-attr]
        ncol = openpyxl.utils.column_index_from_string(last)
        if ncol > 19:
            wide += 1
            assert ws.page_setup.fitToWidth >= 2 and ws.print_title_cols == "$A:$A"
        else:
            assert ws.page_setup.fitToWidth in (None, 1)
    assert wide >= 1  # the province table: every indicator of every 市州
    sources = wb["数据来源"]
    assert sources.page_setup.orientation == "landscape"
    assert sources.print_title_rows == "$1:$1"
