"""Text out of container formats: PDF (pdfminer.six text layer) and DOCX (stdlib XML; no python-docx).

Both are bounded before the parser runs: a PDF's compressed streams are inflated once, in chunks, against
:data:`MAX_PDF_INFLATE` (a flate bomb is refused before pdfminer inflates it whole); a DOCX is read through
the build's zip layer (:class:`auditor.build.archive.Archive`: declared sizes, ratio and running inflation
caps) and its ``document.xml`` parsed with an element budget (:data:`MAX_DOCX_ELEMENTS`).
"""

from __future__ import annotations

import io
import re
import zlib
from xml.etree import ElementTree

from auditor.errors import BuildError, PolicyError

MiB = 1024 * 1024
MAX_DOCX_XML = 32 * MiB
"""Largest ``word/document.xml`` inflated (a long policy's is a few MB)."""
MAX_DOCX_ELEMENTS = 500_000
"""Most XML elements in ``document.xml`` (a 100-page document has ~100,000)."""
MAX_PDF_INFLATE = 256 * MiB
"""Bytes all of a PDF's compressed streams may inflate to, together (a text policy's inflate to a few MB)."""
_PDF_NESTING = 3
"""Streams compressed twice or more (``/Filter [/FlateDecode /FlateDecode]``) are followed this deep."""
_STREAM_RE = re.compile(rb"stream\r?\n")
_ZLIB_HEADERS = (b"\x78\x01", b"\x78\x5e", b"\x78\x9c", b"\x78\xda")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def pdf_text(name: str, data: bytes) -> str:
    """The text layer of a PDF; :class:`PolicyError` when unreadable or without text."""
    try:
        from pdfminer.high_level import extract_text
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError as exc:  # pragma: no cover - pdfminer.six is a declared dependency
        raise PolicyError(f"{name}: cannot read PDF (pdfminer.six is not installed)") from exc
    check_pdf_streams(name, data)
    try:
        text = extract_text(io.BytesIO(data))
    except PDFSyntaxError as exc:
        raise PolicyError(f"{name}: not a readable PDF ({_one_line(exc)})") from exc
    except Exception as exc:
        raise PolicyError(f"{name}: not a readable PDF ({type(exc).__name__})") from exc
    if not text or not any(ch.isalnum() for ch in text):
        raise PolicyError(f"{name}: PDF has no text layer (scanned image?); run OCR or supply the text")
    return text.replace("\f", "\n")


def check_pdf_streams(name: str, data: bytes) -> None:
    """Refuse a PDF whose zlib streams inflate past :data:`MAX_PDF_INFLATE` bytes in all.

    Every ``stream`` body that is a zlib stream (what ``/FlateDecode`` holds; others fail at once) is
    inflated in 4 MiB steps, never kept; output that is itself a zlib stream is followed. Encrypted
    streams cannot be checked here: the resource caps of the calling command bound them.
    """
    budget = [MAX_PDF_INFLATE]
    for match in _STREAM_RE.finditer(data):
        start = match.end()
        end = data.find(b"endstream", start)
        body = data[start:end if end >= 0 else len(data)]
        if body[:2] in _ZLIB_HEADERS:
            _inflate_bounded(name, body, budget, _PDF_NESTING)


def _inflate_bounded(name: str, body: bytes, budget: list[int], depth: int) -> None:
    inflater = zlib.decompressobj()
    pending = body
    first = b""
    try:
        while pending and not inflater.eof:
            chunk = inflater.decompress(pending, 4 * MiB)
            pending = inflater.unconsumed_tail
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise PolicyError(f"{name}: PDF streams inflate to more than {MAX_PDF_INFLATE} bytes "
                                  f"(a compression bomb?)")
            if len(first) < 2:
                first += chunk[:2 - len(first)]
    except zlib.error:
        return  # not (or not only) zlib data: pdfminer decides what it is
    if depth > 1 and first in _ZLIB_HEADERS:
        _inflate_bounded(name, _inflated_again(body), budget, depth - 1)


def _inflated_again(body: bytes) -> bytes:
    """The inflated stream (known to fit the budget) for one more level of checking."""
    try:
        return zlib.decompressobj().decompress(body, MAX_PDF_INFLATE)
    except zlib.error:
        return b""


def docx_content(name: str, data: bytes) -> tuple[list[str], list[tuple[int, list[str]]], list[list[int]]]:
    """Paragraph lines, and tables as rows of cells: ``(lines, rows, tables)`` where each table lists the
    indexes of its rows in ``rows`` and each row is ``(index into lines, cells)``."""
    root = _document_xml(name, data)
    lines: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    tables: list[list[int]] = []
    body = root.find(f"{_W}body")
    for block in list(body) if body is not None else []:
        if block.tag == f"{_W}p":
            text = _para_text(block)
            if text:
                lines.append(text)
        elif block.tag == f"{_W}tbl":
            table: list[int] = []
            for tr in block.iter(f"{_W}tr"):
                cells = [" ".join(_para_text(p) for p in tc.iter(f"{_W}p")).strip() for tc in tr.findall(f"{_W}tc")]
                if any(cells):
                    table.append(len(rows))
                    rows.append((len(lines), cells))
                    lines.append(" | ".join(c for c in cells if c))
            if table:
                tables.append(table)
    return lines, rows, tables


def _document_xml(name: str, data: bytes) -> ElementTree.Element:
    """The root of ``word/document.xml``, inflated and parsed within the bounds."""
    from auditor.build.archive import Archive, Limits

    limits = Limits(max_build_size=len(data), max_entries=20_000, max_member_size=MAX_DOCX_XML,
                    max_total_read=MAX_DOCX_XML, max_nested_depth=0)
    try:
        with Archive(data, name, limits) as archive:
            xml = archive.read("word/document.xml")
    except BuildError as exc:
        detail = str(exc).removeprefix(f"{name}: ")
        raise PolicyError(f"{name}: not a readable DOCX ({detail})") from None
    # start tags, counted before parsing (end tags, comments, declarations and processing instructions are
    # not elements; "<" cannot occur unescaped elsewhere in XML a word processor writes)
    elements = xml.count(b"<") - xml.count(b"</") - xml.count(b"<?") - xml.count(b"<!")
    if elements > MAX_DOCX_ELEMENTS:
        raise PolicyError(f"{name}: DOCX document has more than {MAX_DOCX_ELEMENTS} XML elements")
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as exc:
        raise PolicyError(f"{name}: not a readable DOCX ({_one_line(exc)})") from None


def _para_text(p: ElementTree.Element) -> str:
    parts = []
    for node in p.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag in (f"{_W}tab", f"{_W}br"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:160] or type(exc).__name__
