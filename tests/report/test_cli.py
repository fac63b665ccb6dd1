"""`xingshi demo` and `xingshi brief` run for real on the bundled sample, files read back."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from xingshi.cli import app

PERIOD_WORDS = re.compile(r"(\d{4}年)?(\d{1,2}-)?\d{1,2}月")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """`xingshi demo` once for the module: its workspace, output folder and printed text."""
    root = tmp_path_factory.mktemp("演示")
    mp = pytest.MonkeyPatch()
    mp.delenv("XINGSHI_DATABASE_URL", raising=False)
    mp.delenv("XINGSHI_HOME", raising=False)
    result = CliRunner().invoke(
        app, ["demo", "--out", str(root / "out"), "--workspace", str(root / "ws")]
    )
    mp.undo()
    assert result.exit_code == 0, result.output
    return root / "ws", root / "out", result.output


def test_demo_prints_the_summary_and_writes_three_files(demo) -> None:
    """The summary names the briefing and the three paths, which exist and are not empty."""
    _ws, out, output = demo
    assert "湘西州2021年上半年经济运行情况" in output
    for name in ("briefing.docx", "briefing.html", "tables.xlsx"):
        assert name in output
        assert (out / name).stat().st_size > 5_000


def test_the_summary_fits_one_80_by_24_screen(demo) -> None:
    """The printed summary, paths included, takes at most 24 lines of at most 80 columns."""
    from rich.cells import cell_len

    _ws, _out, output = demo
    lines = output.rstrip("\n").split("\n")
    assert len(lines) <= 24, output
    assert max(cell_len(line) for line in lines if "/" not in line) <= 80, output
    assert any("一、上半年主要成绩" in line for line in lines)


def test_sample_briefing_says_what_the_seed_speech_says(demo) -> None:
    """The seed's sentences come out figure for figure from the sample (names are the
    catalogue's full names, paragraphs open with their topic)."""
    _ws, out, _ = demo
    text = "\n".join(p.text for p in Document(str(out / "briefing.docx")).paragraphs)
    assert (
        "文化旅游方面，全州接待游客3722.1万人次，实现旅游收入304.4亿元，分别增长1.5倍、1.3倍，"
        "增速均居全省第二。" in text
    )
    assert (
        "1-6月，全州地区生产总值、规模以上工业增加值、实际利用内资三项指标增速均居全省第一，"
        "税收收入、金融机构贷款余额两项指标增速均居全省第二，固定资产投资增速居全省第四。" in text
    )
    # the growth is said once, in the fiscal paragraph; the comparison gives the gaps
    assert "完成税收收入41.21亿元，同比增长28.6%" in text and text.count("28.6%") == 1
    assert "全州税收收入增速分别高于财政总收入、地方财政收入2.6、6.7个百分点；" in text
    assert "；优势产业链产值增速高于规模以上工业总产值增速6.7个百分点；" in text
    assert text.count("41.4%") == 1
    # two indicators against the same one share a clause, and their growth is said once
    assert text.count("28.9%、31.2%") == 1
    assert (
        "工业技改投资、高新技术产业投资分别增长28.9%、31.2%，分别高于固定资产投资增速8.3、10.6个百分点"
        in text
    )
    assert "社会消费品零售总额178.35亿元，同比增长23.9%" in text
    # the seed: 今年仅入规26家，与全年160家的目标任务差距较大
    assert (
        "新增入规企业26家，完成全年160家目标任务的16.2%，低于时间进度33.8个百分点，差距较大" in text
    )
    # the seed: “四上”企业仅869家，仅占全省46972家的1.9%; a count changes in 家, not in %
    assert "有“四上”企业869家，占全省46972家的1.9%，比上年同期增加159家" in text
    assert "“四上”企业869家，同比增长" not in text
    # the seed: 非税收入占地方财政收入的比重较去年同期下降1.99个百分点，税收占GDP比重居全省第二
    assert "非税收入占地方财政收入的比重较去年同期下降1.99个百分点" in text
    assert "税收收入占地区生产总值的比重较去年同期提高1.07个百分点，居全省第二" in text
    # a rate is ranked by its value: 空气质量优良率…居全省第二, never 增速居全省第二
    assert "空气质量优良率97.8%，居全省第二" in text
    assert "工业税收12.04亿元" in text and "122.9%" in text and "1.23倍" not in text
    assert "城镇居民人均可支配收入14906元，同比增长9.2%" in text


def test_every_figure_of_the_sample_text_is_in_the_appendix_with_its_cell(demo) -> None:
    """Each linked figure's appendix row repeats it and names a cell, or how it was computed."""
    _ws, out, _ = demo
    page = (out / "briefing.html").read_text("utf-8")
    rows = {
        m.group(1): [htmllib.unescape(re.sub("<[^>]+>", "", c)) for c in m.group(2).split("</td>")]
        for m in re.finditer(r'<tr id="src-(\d+)">(.*?)</tr>', page, re.S)
    }
    body = page.split('<h2 id="sources-title">')[0]
    links = re.findall(r'<a class="fig" href="#src-(\d+)"[^>]*>(.*?)</a>', body)
    assert len(links) > 30
    for ref, figure in links:
        row = rows[ref]
        assert row[1] == htmllib.unescape(figure)
        cell, how = row[8], row[9]
        assert cell != "—" or how.startswith("计算："), row
    for para in re.findall(r"<p>(.*?)</p>", body, re.S):
        plain = re.sub(r'<a class="fig"[^>]*>.*?</a>', "", para)
        assert not re.search(r"\d", PERIOD_WORDS.sub("", plain)), plain


def test_brief_on_an_earlier_release(demo, tmp_path: Path) -> None:
    """--as-of the first release leaves out what later files brought (the targets)."""
    ws, _out, _ = demo
    result = CliRunner().invoke(
        app,
        [
            "brief",
            "-r",
            "湘西州",
            "-p",
            "2021年1-6月",
            "--as-of",
            "1",
            "-o",
            str(tmp_path),
            "-w",
            str(ws),
        ],
    )
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in Document(str(tmp_path / "briefing.docx")).paragraphs)
    assert "全年目标" not in text
    assert "第1版" not in text  # release numbers are for the appendix, not the text to send
    appendix = Document(str(tmp_path / "briefing-附录.docx"))
    versions = {row.cells[5].text for row in appendix.tables[0].rows[1:]}
    assert versions <= {"第1版", "—"} and "第1版" in versions  # — for computed figures


def test_brief_for_an_unknown_region_is_a_clear_error(demo, tmp_path: Path) -> None:
    """A region the catalogue does not know exits 2 with a Chinese message, no traceback."""
    ws, _out, _ = demo
    result = CliRunner().invoke(
        app, ["brief", "-r", "火星州", "-p", "2021年1-6月", "-o", str(tmp_path), "-w", str(ws)]
    )
    assert result.exit_code == 2
    assert "错误" in result.output and "火星州" in result.output
    assert "Traceback" not in result.output
