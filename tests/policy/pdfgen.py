"""A minimal PDF writer for tests: one Helvetica text line per row (ASCII), or a page with no text."""

from __future__ import annotations

LINES_PER_PAGE = 50


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _document(streams: list[bytes], with_font: bool) -> bytes:
    objects: list[bytes] = []
    n_pages = len(streams)
    page_ids = [3 + 2 * i for i in range(n_pages)]
    font_id = 3 + 2 * n_pages
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    for i, stream in enumerate(streams):
        resources = f"<< /Font << /F1 {font_id} 0 R >> >>" if with_font else "<< >>"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources {resources} "
            f"/Contents {page_ids[i] + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    return assemble(objects, header=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")


def assemble(objects: list[bytes], header: bytes = b"%PDF-1.4\n") -> bytes:
    """A PDF file of ``objects`` (numbered from 1; object 1 is the catalog) with its xref table and trailer."""
    out = bytearray(header)
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_pdf(lines: list[str]) -> bytes:
    """A PDF whose text layer holds ``lines`` (ASCII), 50 lines a page."""
    streams = []
    for start in range(0, max(1, len(lines)), LINES_PER_PAGE):
        ops = ["BT", "/F1 10 Tf", "14 TL", "40 760 Td"]
        for line in lines[start:start + LINES_PER_PAGE]:
            ops.append(f"({_escape(line)}) Tj T*")
        ops.append("ET")
        streams.append("\n".join(ops).encode("latin-1"))
    return _document(streams, with_font=True)


def image_only_pdf() -> bytes:
    """A PDF with a drawn rectangle and no text at all (as a scanned page would be)."""
    return _document([b"0.5 g 72 72 468 648 re f"], with_font=False)


if __name__ == "__main__":  # regenerate samples/policies/pdf_en.pdf from pdf_en.source.txt
    import sys
    from pathlib import Path

    src = Path(sys.argv[1])
    Path(sys.argv[2]).write_bytes(text_pdf(src.read_text(encoding="utf-8").splitlines()))
