"""HTML to lines and tables with the standard library parser: headings, paragraphs, list items and table
rows each become lines; tables keep their cells, with ``rowspan``/``colspan`` merged cells repeated.

Bounded: at most :data:`MAX_ELEMENTS` start tags (:class:`PolicyError` past them), and the work per tag and
per text run is constant (no re-joining of the text gathered so far)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from auditor.errors import PolicyError

_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
    "footer", "dt", "dd", "dl", "blockquote", "pre", "hr", "title", "tr", "table", "caption", "main", "nav",
    # the containers of mini-program / uni-app pages (WXML, .vue for uni-app), which write <view> for <div>
    "view", "scroll-view", "swiper-item", "cover-view",
}
_SKIP = {"script", "style", "head", "noscript", "svg"}  # not <template>: Vue pages keep their text there
_LINK_TAGS = frozenset({"a", "link"})
"""Elements whose ``href`` is a link the text shows: ``<a>``, and a page of code's ``<Link href=…>…</Link>``
(React / Next.js; the tag name read lower-cased). A ``<link>`` of a page's head is skipped with the head."""
_EMPHASIS = frozenset({"b", "strong", "u"})
"""Inline tags whose words stand out: a line of only such words is a title in all but its markup
(``<p><u>Unity Analytics</u><br>This is…</p>``, ``<p><strong>Sentry</strong></p>``)."""
_BOLD_STYLE_RE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", re.IGNORECASE)
"""A ``<span>`` styled bold (Google Docs and Word write bold so: ``style="font-weight:700"``): emphasis too."""
_BOLD_LINE_RE = re.compile(r"[^.。!！?？;；:：]{1,80}")
"""The words of such a title: short, no sentence or label end (not "<b>Used to read photos.</b>", "<b>Note:</b>")."""
_MARKS = {"h1": "h1", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h5", "h6": "h6", "li": "li", "dt": "li"}
MAX_SPAN = 50
MAX_ELEMENTS = 150_000
"""Start tags in one page: a long policy page, navigation included, has a few thousand, a 5 MB page of
paragraphs about 110,000 (``bench/bench_policy.py``). Parsing is the cost before the bound is reached (the
standard library's parser, 15-50 µs a tag on a busy 2-core machine), so this also bounds the time to refuse
a page of tiny inline runs (under 10 s at load 6)."""
MAX_CELLS = 500_000
"""Table cells of one page once merged cells are repeated (``rowspan``/``colspan`` multiply them)."""


class _Cell:
    def __init__(self, rowspan: int, colspan: int) -> None:
        self.parts: list[str] = []
        self.rowspan = rowspan
        self.colspan = colspan


class _Grid:
    """One ``<table>`` being parsed."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, list[_Cell]]] = []


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str, str, int]] = []
        self._mark = ""
        self._lists = 0
        """``<ul>`` / ``<ol>`` open around the text: a list item's depth (a nested list's items are indented)."""
        self.tables: list[list[tuple[int, list[str]]]] = []
        self._buf: list[str] = []
        self._buf_text = False
        """Whether :attr:`_buf` holds anything but whitespace (kept up to date instead of re-joining it)."""
        self._buf_line = 1
        self._buf_plain = False
        """Whether :attr:`_buf` holds words outside emphasis (:data:`_EMPHASIS`): then the line is no title."""
        self._emphasis = 0
        self._spans: list[bool] = []
        """``<span>`` open around the text, each whether it is styled bold (:data:`_BOLD_STYLE_RE`)."""
        self._elements = 0
        self._cells = 0
        self._skip = 0
        self._grids: list[_Grid] = []
        self._cell: _Cell | None = None
        self._href: list[tuple[str, str, int]] = []
        """Open links: (tag, href, number of text pieces gathered when the link opened)."""
        self._texts = 0
        """React Native ``<Text>`` elements open (the outermost is a paragraph; WXML's ``<text>`` is inline)."""

    # text outside tables -------------------------------------------------------------------------
    def _flush(self) -> None:
        if not self._buf:  # most block tags open or close with nothing gathered
            self._mark = ""
            self._buf_text = False
            return
        text = " ".join("".join(self._buf).split())
        if text:
            indent = 2 * max(0, self._lists - 1) if self._mark == "li" else 0
            mark = "b" if not self._mark and not self._buf_plain and _BOLD_LINE_RE.fullmatch(text) else self._mark
            self.lines.append((self._buf_line, text, mark, indent))
        self._buf = []
        self._mark = ""
        self._buf_text = False
        self._buf_plain = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._elements += 1
        if self._elements > MAX_ELEMENTS:
            raise _TooManyElements
        if tag in _SKIP:
            self._skip += 1
            return
        if self._skip:
            return
        if tag in _LINK_TAGS:
            href = dict(attrs).get("href") or ""
            self._href.append((tag, href if href.startswith(("http://", "https://")) else "", len(self._parts())))
        if tag == "table" and len(self._grids) == 0:
            self._flush()
            self._grids.append(_Grid())
            return
        if tag == "table":
            self._grids.append(_Grid())  # nested: its text goes into the outer cell
            return
        if self._grids and len(self._grids) == 1:
            grid = self._grids[0]
            if tag == "tr":
                grid.rows.append((self.getpos()[0], []))
                return
            if tag in ("td", "th"):
                if not grid.rows:
                    grid.rows.append((self.getpos()[0], []))
                values = dict(attrs)
                self._cell = _Cell(_span(values.get("rowspan")), _span(values.get("colspan")))
                grid.rows[-1][1].append(self._cell)
                return
            if tag in ("br", "p", "li", "div") and self._cell is not None:
                self._cell.parts.append(" ")
            return
        if tag == "text" and (self.get_starttag_text() or "").startswith("<Text"):
            self._texts += 1
            if self._texts == 1:
                self._flush()  # a React Native <Text>: a paragraph, unless inside another one (a bold span)
            return
        if tag in _EMPHASIS:
            self._emphasis += 1
            return
        if tag == "span":
            bold = _BOLD_STYLE_RE.search(dict(attrs).get("style") or "") is not None
            self._spans.append(bold)
            self._emphasis += bold
            return
        if tag in _BLOCK:
            self._flush()
            self._mark = _MARKS.get(tag, "")
            if tag in ("ul", "ol"):
                self._lists += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip:
            return
        if tag in _LINK_TAGS and self._href and self._href[-1][0] == tag:
            _, href, start = self._href.pop()
            if href and href not in "".join(self._parts()[start:]):  # the target, when the link text hides it
                self.handle_data(f" {href} ")
        if tag == "table" and self._grids:
            grid = self._grids.pop()
            if not self._grids:
                self._finish(grid)
                self._cell = None
            return
        if self._grids:
            if tag in ("td", "th") and len(self._grids) == 1:
                self._cell = None
            return
        if tag == "text" and self._texts:
            self._texts -= 1
            if not self._texts:
                self._flush()
            return
        if tag in _EMPHASIS or (tag == "span" and self._spans and self._spans.pop()):
            self._emphasis = max(0, self._emphasis - 1)
            return
        if tag in _BLOCK:
            self._flush()
            self._emphasis = 0  # (an emphasis left open in its paragraph ends with it)
            self._spans.clear()
            if tag in ("ul", "ol"):
                self._lists = max(0, self._lists - 1)

    def _parts(self) -> list[str]:
        """The text pieces being gathered (of the current cell, or of the current line): links remember how
        many there were when they opened, so a page of many links is not re-joined at each one."""
        return self._cell.parts if self._grids and self._cell is not None else self._buf

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._grids:
            if self._cell is not None:
                self._cell.parts.append(data)
            return
        if not self._buf_text:
            self._buf_line = self.getpos()[0]
            self._buf_text = bool(data.strip())
        if not self._emphasis and not self._buf_plain and data.strip():
            self._buf_plain = True
        self._buf.append(data)

    def close(self) -> None:
        super().close()
        while self._grids:
            grid = self._grids.pop()
            if not self._grids:
                self._finish(grid)
        self._flush()

    def _finish(self, grid: _Grid) -> None:
        """Expand merged cells into a rectangular grid; emit one line per row."""
        pending: dict[tuple[int, int], str] = {}
        out: list[tuple[int, list[str]]] = []
        for r, (line_no, cells) in enumerate(grid.rows):
            row: list[str] = []
            col = 0
            for cell in cells:
                while (r, col) in pending:
                    row.append(pending.pop((r, col)))
                    col += 1
                text = " ".join("".join(cell.parts).split())
                self._cells += cell.colspan * cell.rowspan
                if self._cells > MAX_CELLS:
                    raise _TooManyElements
                for dc in range(cell.colspan):
                    row.append(text)
                    for dr in range(1, cell.rowspan):
                        pending[(r + dr, col + dc)] = text
                col += cell.colspan
            while (r, col) in pending:
                row.append(pending.pop((r, col)))
                col += 1
            if any(row):
                out.append((line_no, row))
        rows: list[tuple[int, list[str]]] = []
        for line_no, row in out:
            rows.append((len(self.lines), row))
            self.lines.append((line_no, " | ".join(c for c in row if c), "", 0))
        if rows:
            self.tables.append(rows)


class _TooManyElements(Exception):
    pass


def _span(value: str | None) -> int:
    try:
        return max(1, min(MAX_SPAN, int(value or "1")))
    except ValueError:
        return 1


_UNENDED_TAG_RE = re.compile(r"<(?=[A-Za-z/?]|![^-])([^<>]*)(?=<|$)")
"""A tag that another ``<`` (or the end) interrupts before its ``>``: text, not a tag. The standard parser
rescans from each such ``<`` to the end of the page, so a page of them ("<table <table …") took quadratic time."""


def _ended(text: str) -> str:
    """``text`` with the tags and comments that never end written as text (see :data:`_UNENDED_TAG_RE`; a
    ``<!--`` after the last ``-->`` is never closed, and the parser would look for its end from each one)."""
    last = text.rfind("-->") + 3 if "-->" in text else 0
    return _UNENDED_TAG_RE.sub(r"&lt;\1", text[:last] + text[last:].replace("<!--", "&lt;!--"))


def parse_html(text: str, source: str = "policy") -> tuple[list[tuple[int, str, str, int]], list[list[tuple[int, list[str]]]]]:
    """Lines ``(source line, text, mark, indent)`` in order (the indent of a list item: two per list it is
    nested in), and tables as rows ``(index into lines, cells)``."""
    parser = _Parser()
    try:
        parser.feed(_ended(text))
        parser.close()
    except _TooManyElements:
        raise PolicyError(f"{source}: HTML page has more than {MAX_ELEMENTS} elements or {MAX_CELLS} table "
                          f"cells") from None
    return parser.lines, parser.tables
