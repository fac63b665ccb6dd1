"""Reading documents into text: .txt (UTF-8 or GB18030, detected strictly), .docx, .html.

A binary file, an empty file or a file in neither encoding is a :class:`FileFormatError` with a
Chinese message and a hint, never a traceback. Web pages keep their main text block only.
"""

from __future__ import annotations

from pathlib import Path

from xingshi.errors import FileFormatError, Location

SUFFIXES = (".txt", ".text", ".md", ".docx", ".html", ".htm")


def read_document(path: Path) -> str:
    """The document's text; the offsets of extracted facts point into this string."""
    where = Location(file=str(path))
    if not path.is_file():
        raise FileFormatError("文件不存在", where=where, hint="请检查文件路径")
    data = path.read_bytes()
    if not data.strip():
        raise FileFormatError("文件是空的", where=where, hint="请提供有正文的讲话稿、通稿或网页")
    suffix = path.suffix.lower()
    if data[:4] == b"%PDF" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        kind = "PDF" if data[:4] == b"%PDF" else "旧版 Word/Excel（.doc/.xls）"
        raise FileFormatError(
            f"不能直接读取{kind}文件",
            where=where,
            hint="请在 Word 或 WPS 中另存为 .docx 或 .txt 后再提取",
        )
    if suffix == ".docx" or data[:4] == b"PK\x03\x04":
        return _docx(path, data, where)
    text = decode(data, where)
    if suffix in (".html", ".htm") or _looks_html(text):
        from xingshi.extract._html import main_text

        text = main_text(text)
        if not text.strip():
            raise FileFormatError("网页中没有找到正文", where=where, hint="请另存为纯文本后再试")
    return text


def decode(data: bytes, where: Location) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030; strictly, or an error."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileFormatError(
            "这不是文本文件（含二进制内容）",
            where=where,
            hint="请提供 .txt、.docx 或 .html 文件；PDF 请先另存为文本",
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text
    raise FileFormatError(
        "无法识别文件编码（既不是 UTF-8，也不是 GBK/GB18030）",
        where=where,
        hint="请用记事本或 WPS 另存为 UTF-8 编码后再试",
    )


def _plausible(text: str) -> bool:
    # GB18030 decodes almost any byte string; real text has few control or private-use chars.
    if not text:
        return False
    bad = sum(
        1 for ch in text if (ord(ch) < 32 and ch not in "\r\n\t\f") or 0xE000 <= ord(ch) <= 0xF8FF
    )
    return bad <= max(2, len(text) // 200)


def _looks_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


def _docx(path: Path, data: bytes, where: Location) -> str:
    import zipfile

    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise FileFormatError("无法读取 .docx：缺少 python-docx", where=where) from exc
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise FileFormatError(
            "无法打开 Word 文件（不是有效的 .docx）",
            where=where,
            hint="旧版 .doc 请先用 Word 或 WPS 另存为 .docx",
        ) from exc
    except Exception as exc:  # lxml XMLSyntaxError, zlib.error, EOFError: a damaged package
        raise _damaged(where, exc) from None
    try:
        return docx_text(document)
    except Exception as exc:  # parts are parsed lazily: a broken table or header part
        raise _damaged(where, exc) from None


def _damaged(where: Location, exc: Exception) -> FileFormatError:
    return FileFormatError(
        f"Word 文件已损坏，其中的 XML 无法解析（{type(exc).__name__}）",
        where=where,
        hint="请用 Word 或 WPS 打开（会提示修复），另存为 .docx 或 .txt 后再提取",
    )


def docx_text(document: object) -> str:
    """Paragraphs, then table cells row by row, one line each (tables joined with tabs)."""
    lines = [p.text for p in document.paragraphs]  # type: ignore[attr-defined]
    for table in document.tables:  # type: ignore[attr-defined]
        for row in table.rows:
            cells: list[str] = []
            for cell in row.cells:
                if not cells or cells[-1] != cell.text:  # merged cells repeat their text
                    cells.append(cell.text)
            lines.append("\t".join(cells))
    return "\n".join(lines)
