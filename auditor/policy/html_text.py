"""HTML to lines and tables with the standard library parser: headings, paragraphs, list items and table
rows each become lines; tables keep their cells, with ``rowspan``/``colspan`` merged cells repeated."""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
    "footer", "dt", "dd", "dl", "blockquote", "pre", "hr", "title", "tr", "table", "caption", "main", "nav",
}
_SKIP = {"script", "style", "head", "noscript", "svg"}  # not <template>: Vue pages keep their text there
_MARKS = {"h1": "h1", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h5", "h6": "h6", "li": "li", "dt": "li"}
MAX_SPAN = 50


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
        self.lines: list[tuple[int, str, str]] = []
        self._mark = ""
        self.tables: list[list[tuple[int, list[str]]]] = []
        self._buf: list[str] = []
        self._buf_line = 1
        self._skip = 0
        self._grids: list[_Grid] = []
        self._cell: _Cell | None = None
        self._href: list[tuple[str, int]] = []
        """Open links: (href, length of the text collected when the link opened)."""

    # text outside tables -------------------------------------------------------------------------
    def _flush(self) -> None:
        text = " ".join("".join(self._buf).split())
        if text:
            self.lines.append((self._buf_line, text, self._mark))
        self._buf = []
        self._mark = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
            return
        if self._skip:
            return
        if tag == "a":
            href = dict(attrs).get("href") or ""
            self._href.append((href if href.startswith(("http://", "https://")) else "", len(self._text())))
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
        if tag in _BLOCK:
            self._flush()
            self._mark = _MARKS.get(tag, "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip:
            return
        if tag == "a" and self._href:
            href, start = self._href.pop()
            if href and href not in self._text()[start:]:  # the link's target, when its text does not show it
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
        if tag in _BLOCK:
            self._flush()

    def _text(self) -> str:
        parts = self._cell.parts if self._grids and self._cell is not None else self._buf
        return "".join(parts)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._grids:
            if self._cell is not None:
                self._cell.parts.append(data)
            return
        if not self._buf or not "".join(self._buf).strip():
            self._buf_line = self.getpos()[0]
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
            self.lines.append((line_no, " | ".join(c for c in row if c), ""))
        if rows:
            self.tables.append(rows)


def _span(value: str | None) -> int:
    try:
        return max(1, min(MAX_SPAN, int(value or "1")))
    except ValueError:
        return 1


def parse_html(text: str) -> tuple[list[tuple[int, str, str]], list[list[tuple[int, list[str]]]]]:
    """Lines ``(source line, text, mark)`` in order, and tables as rows ``(index into lines, cells)``."""
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.lines, parser.tables
