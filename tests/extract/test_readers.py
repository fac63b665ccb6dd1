"""Reading drafts: encodings, Word files and web pages; unreadable files give clear errors."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from xingshi.errors import FileFormatError
from xingshi.extract import extract_file, extract_text

SENTENCE = "1-6月，全州地区生产总值增长12.5%，增速居全省第一。"


def _figures(path: Path) -> list[tuple[str, float]]:
    return [(f.measure, f.value) for f in extract_file(path, region="湘西州", year=2021)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_text_in_each_encoding(tmp_path, encoding):
    """UTF-8 (with or without BOM), GBK and GB18030 files give the same figures."""
    path = tmp_path / "稿.txt"
    path.write_bytes(SENTENCE.encode(encoding))
    assert _figures(path) == [("growth_pct", 12.5), ("rank", 1)]


def test_offsets_point_into_the_decoded_text(tmp_path):
    """start/end index the decoded text, traditional characters included."""
    text = "上半年，全州地區生產總值增長12.5%。"
    path = tmp_path / "繁體.txt"
    path.write_bytes(text.encode("gb18030"))
    (fact,) = extract_file(path, region="湘西州", year=2021)
    assert text[fact.start : fact.end] == fact.quote == "地區生產總值增長12.5%"
    assert fact.indicator == "地区生产总值"


def test_docx_paragraphs_and_tables(tmp_path):
    """A .docx gives the figures of its paragraphs and of its tables."""
    document = docx.Document()
    document.add_paragraph(SENTENCE)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "全州社会消费品零售总额"
    table.rows[0].cells[1].text = "增长23.9%"
    path = tmp_path / "稿.docx"
    document.save(str(path))
    assert _figures(path) == [("growth_pct", 12.5), ("rank", 1), ("growth_pct", 23.9)]


def test_html_keeps_the_article_and_drops_menus(tmp_path):
    """A web page's menus, scripts and footer figures are ignored; the article is read."""
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>讲话</title>
    <script>var total = 100;</script><style>.a{{width:50%}}</style></head><body>
    <nav><a>首页</a><a>工作总结</a><a>2023年热门 10篇</a></nav>
    <div class="menu"><ul><li>浏览 3000次</li><li>下载 20次</li></ul></div>
    <div class="content"><h1>在全州经济形势分析会上的讲话</h1>
    <p>同志们：今年以来，全州经济运行稳中向好。{SENTENCE}</p>
    <p>全州社会消费品零售总额增长23.9%，招商引资到位资金80亿元，增长39.9%。</p></div>
    <footer>版权所有 © 2023 本站共收录范文 12000篇</footer></body></html>"""
    path = tmp_path / "网页.html"
    path.write_text(page, encoding="utf-8")
    expected = [("growth_pct", 12.5), ("rank", 1), ("growth_pct", 23.9), ("level", 80)]
    assert _figures(path) == [*expected, ("growth_pct", 39.9)]


def test_binary_file_is_a_clear_error(tmp_path):
    """A binary file is a FileFormatError with a Chinese message and a hint."""
    path = tmp_path / "图片.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(FileFormatError) as err:
        extract_file(path)
    assert "二进制" in err.value.message and err.value.hint


def test_empty_file_is_a_clear_error(tmp_path):
    """An empty (or blank) file is a FileFormatError."""
    path = tmp_path / "空.txt"
    path.write_text("  \n", encoding="utf-8")
    with pytest.raises(FileFormatError) as err:
        extract_file(path)
    assert err.value.message == "文件是空的"


def test_wrong_encoding_is_a_clear_error(tmp_path):
    """Bytes that are neither UTF-8 nor GB18030 text are a FileFormatError."""
    path = tmp_path / "乱码.txt"
    path.write_bytes("全州GDP增长".encode("utf-16-le") + b"\x81\x30\xff\xfe" * 50)
    with pytest.raises(FileFormatError) as err:
        extract_file(path)
    assert "编码" in err.value.message or "二进制" in err.value.message


def test_broken_docx_is_a_clear_error(tmp_path):
    """A file named .docx that is not one is a FileFormatError."""
    path = tmp_path / "稿.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip file")
    with pytest.raises(FileFormatError) as err:
        extract_file(path)
    assert ".docx" in err.value.message or "Word" in err.value.message


def test_pdf_and_old_word_files_get_a_hint(tmp_path):
    """A PDF or an old .doc is refused with a hint to save it as .docx or .txt."""
    for name, head in (("稿.pdf", b"%PDF-1.7\n"), ("稿.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
        path = tmp_path / name
        path.write_bytes(head + b"\x00" * 64)
        with pytest.raises(FileFormatError) as err:
            extract_file(path)
        assert ".docx" in err.value.hint


def test_seed_as_a_gbk_web_page_gives_the_same_figures(tmp_path):
    """The seed speech inside a GBK portal page (menus, counters, links) gives its own figures."""
    import html

    seed = Path(__file__).parents[3] / "shared" / "examples" / "speech-xiangxi-2021-h1.txt"
    if not seed.exists():
        seed = Path("/work/shared/examples/speech-xiangxi-2021-h1.txt")
    if not seed.exists():
        pytest.skip("shared/examples is not next to this checkout")
    text = seed.read_text(encoding="utf-8")
    start, end = text.find("同志们"), text.find("推荐访问")
    paragraphs = "".join(f"<p>{html.escape(p)}</p>\n" for p in text[start:end].split("\n") if p)
    page = (
        '<html><head><meta charset="gbk"><script>var n = 10;</script></head><body>'
        '<div class="header">首页 工作总结 2023年最新范文100篇</div>'
        '<div class="info">时间:2023-06-03 13:25:05 浏览:1234次</div>'
        f'<div class="article">{paragraphs}</div>'
        '<div class="related"><ul><li><a>上半年工作总结范文5篇</a></li></ul></div>'
        '<div class="footer">本站收录范文12000篇</div></body></html>'
    )
    path = tmp_path / "讲话.html"
    path.write_bytes(page.encode("gbk", errors="replace"))
    from_page = sorted((f.measure, f.value) for f in extract_file(path, year=2021))
    in_body = [f for f in extract_text(text, year=2021) if start <= f.start < end]
    assert from_page == sorted((f.measure, f.value) for f in in_body)
    assert len(from_page) > 90
