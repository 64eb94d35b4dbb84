"""The normalized form every policy format is read into: numbered lines plus the tables found in them."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.policy.model import EXCERPT_CHARS, Span, excerpt


@dataclass(frozen=True)
class Line:
    """One line of normalized policy text."""

    no: int
    """1-based line number reported as evidence (source line for text/HTML, text-layer line for PDF)."""
    text: str
    """The line's text, stripped of markup."""
    mark: str = ""
    """What the markup said of the line: ``h1``..``h6`` (a heading), ``li`` (a list item) or ""."""
    indent: int = 0
    """Leading blanks of the source line (a tab counts 4): how deep a list item is nested. 0 for HTML, PDF
    and DOCX."""
    bold: bool = False
    """The line is only bold words, no sentence (Markdown "**Unity**"): a heading in all but its markup."""


@dataclass(frozen=True)
class Row:
    """One table row: its cells as text and the lines (indexes into ``Document.lines``) it covers."""

    cells: tuple[str, ...]
    """Cell texts, merged cells repeated into every row and column they span."""
    first: int
    """Index of the first line of the row in ``Document.lines``."""
    last: int
    """Index of the last line of the row in ``Document.lines`` (inclusive)."""


@dataclass(frozen=True)
class Table:
    """A table with structured cells (HTML, DOCX or a pipe table); the first row is the header."""

    rows: tuple[Row, ...]
    """Header row first."""
    origin: str
    """``html``, ``docx`` or ``pipe``."""


@dataclass(frozen=True)
class Document:
    """A policy read into lines and tables."""

    path: str
    """File path as given."""
    format: str
    """``text``, ``html``, ``markdown``, ``pdf`` or ``docx``."""
    encoding: str
    """Detected encoding, or ``binary`` for container formats."""
    lines: tuple[Line, ...]
    """Every non-empty text line, in order."""
    tables: tuple[Table, ...] = ()
    """Tables with structure from the format itself (HTML/DOCX); pipe tables are found later."""
    code: tuple[str, ...] = ()
    """For a source-code file, each line as written in the code (index for index with :attr:`lines`, whose
    text is the words the line shows: :mod:`auditor.policy.code_text`); empty for other formats."""

    def span(self, first: int, last: int, text: str | None = None) -> Span:
        """Evidence for lines ``first..last`` (indexes), with ``text`` or those lines as the excerpt."""
        first = max(0, min(first, len(self.lines) - 1))
        last = max(first, min(last, len(self.lines) - 1))
        if text is None:
            parts: list[str] = []
            size = 0
            for i in range(first, last + 1):  # only as many lines as the excerpt can show
                parts.append(self.lines[i].text)
                size += len(parts[-1]) + 1
                if size > 2 * EXCERPT_CHARS:
                    break
            text = " ".join(parts)
        return Span(self.lines[first].no, self.lines[last].no, excerpt(text))
