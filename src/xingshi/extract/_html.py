"""The main text block of a web page, with the stdlib HTMLParser.

Script, style, navigation, menus, headers, footers and asides are dropped; block elements
become lines; the main block is the run of consecutive long lines with the most text
(portal pages put menus and "猜你喜欢" links in many short lines around one long article).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "select",
         "button", "iframe", "svg", "menu", "template"}  # fmt: skip
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
          "article", "table", "ul", "ol", "dd", "dt", "blockquote", "pre"}  # fmt: skip
# Table cells end with " | ": a row becomes one line the table reader can split (see _table).
_CELL = {"td", "th"}
_NOISE_CLASS = re.compile(
    r"nav|menu|footer|header|sidebar|breadcrumb|comment|share|related|copyright|recommend|login",
    re.I,
)
_TABLE_ROW = re.compile(r"\| \d[\d,.]*(?: \||$)")
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "col", "embed"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.stack: list[bool] = []  # per open element: does it hide its content?

    def _hidden(self) -> bool:
        return any(self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self._flush()
        if tag in _VOID:
            return
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        self.stack.append(tag in _SKIP or bool(names and _NOISE_CLASS.search(names)))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if tag in _CELL and not self._hidden():
            self.buf.append(" | ")
        if tag in _BLOCK:
            self._flush()
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self._hidden():
            self.buf.append(data)

    def _flush(self) -> None:
        line = re.sub(r"\s+", " ", "".join(self.buf)).strip()
        if line and line.replace("|", "").strip():
            self.lines.append(line)
        self.buf = []


def main_text(html: str) -> str:
    """The longest run of paragraph text of a page (the article), lines joined by newlines."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    parser._flush()
    lines = parser.lines
    if not lines:
        return ""
    # Score runs of lines: long lines add their length, short ones (menus, links) break a run
    # only when several come together.
    best, best_score = (0, 0), 0
    start, score, short = 0, 0, 0
    for i, line in enumerate(lines):
        if (
            len(line) >= 40
            or (len(line) >= 8 and re.search(r"[。,，;；:：]", line))
            or _TABLE_ROW.search(line)  # a row of figures belongs to the article
        ):
            score += len(line)
            short = 0
        else:
            short += 1
            if short > 3:
                start, score, short = i + 1, 0, 0
                continue
        if score > best_score:
            best, best_score = (start, i + 1), score
    chosen = lines[best[0] : best[1]]
    return "\n".join(chosen)
