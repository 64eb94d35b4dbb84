"""Text out of container formats: PDF (pdfminer.six text layer) and DOCX (stdlib zip + XML; no python-docx)."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from auditor.errors import PolicyError

MAX_DOCX_XML = 64 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def pdf_text(name: str, data: bytes) -> str:
    """The text layer of a PDF; :class:`PolicyError` when unreadable or without text."""
    try:
        from pdfminer.high_level import extract_text
        from pdfminer.pdfparser import PDFSyntaxError
    except ImportError as exc:  # pragma: no cover - pdfminer.six is a declared dependency
        raise PolicyError(f"{name}: cannot read PDF (pdfminer.six is not installed)") from exc
    try:
        text = extract_text(io.BytesIO(data))
    except PDFSyntaxError as exc:
        raise PolicyError(f"{name}: not a readable PDF ({_one_line(exc)})") from exc
    except Exception as exc:
        raise PolicyError(f"{name}: not a readable PDF ({type(exc).__name__})") from exc
    if not text or not any(ch.isalnum() for ch in text):
        raise PolicyError(f"{name}: PDF has no text layer (scanned image?); run OCR or supply the text")
    return text.replace("\f", "\n")


def docx_content(name: str, data: bytes) -> tuple[list[str], list[tuple[int, list[str]]], list[list[int]]]:
    """Paragraph lines, and tables as rows of cells: ``(lines, rows, tables)`` where each table lists the
    indexes of its rows in ``rows`` and each row is ``(index into lines, cells)``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo("word/document.xml")
            if info.file_size > MAX_DOCX_XML:
                raise PolicyError(f"{name}: DOCX document part larger than {MAX_DOCX_XML} bytes")
            root = ElementTree.fromstring(zf.read(info))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError) as exc:
        raise PolicyError(f"{name}: not a readable DOCX ({_one_line(exc)})") from exc
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
