"""Hostile policies from the second campaign, built at test time: a PDF whose stream inflates to 1 GiB (also
compressed twice), a DOCX whose document.xml inflates to gigabytes or holds 600,000 elements, a 50 MB
one-line text, an HTML page of 300,000 inline runs or of merged cells that multiply, a 9 MB table cell, and
files that are not regular files. Each ends within 10 s, under the memory cap, with exit 4 and one line.
Bounds that reshape rather than refuse (long lines, huge cells: a 2 MB cell is read as lines) keep every
character and line number."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

import pytest

from auditor.policy.loader import MAX_CELL_CHARS, MAX_LINE_CHARS, load_document
from tests.hostile.builders import Entry, build_zip
from tests.hostile.cli_run import CATALOG, DEMO, MEMORY_CAP_MIB, TARGET_SECONDS, assert_refused, run_cli
from tests.policy.pdfgen import assemble

MiB = 1 << 20
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _pdf(stream: bytes, filters: str = "/FlateDecode") -> bytes:
    """One page whose content stream is ``stream`` (already encoded with ``filters``)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d /Filter %s >>\nstream\n" % (len(stream), filters.encode()) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return assemble(objects)


def _deflate_repeating(head: bytes, block: bytes, copies: int, tail: bytes = b"") -> bytes:
    """Raw deflate data for ``head + block * copies + tail``, built by compressing ``block`` once and
    repeating its (byte-aligned, full-flushed) output: gigabytes of output from a fraction of a second."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = co.compress(head) + co.flush(zlib.Z_FULL_FLUSH)
    segment = co.compress(block) + co.flush(zlib.Z_FULL_FLUSH)
    return start + segment * copies + co.compress(tail) + co.flush()


def _flate_of_spaces(total: int) -> bytes:
    """A zlib stream (as /FlateDecode holds): one line of text, then ``total`` bytes of spaces. The checksum
    at the end is only right for small totals (a reader must stop long before it)."""
    head = b"BT /F1 12 Tf 72 720 Td (We collect your location.) Tj ET\n"
    block = b" " * MiB
    body = _deflate_repeating(head, block, total // MiB)
    checksum = zlib.adler32(head + block * (total // MiB)) if total <= 64 * MiB else 0
    return b"\x78\xda" + body + checksum.to_bytes(4, "big")


def pdf_bomb() -> bytes:
    return _pdf(_flate_of_spaces(1 << 30))


def pdf_double_bomb() -> bytes:
    return _pdf(zlib.compress(_flate_of_spaces(1 << 30), 9), "[/FlateDecode /FlateDecode]")


def _docx(document_xml_entry: Entry) -> bytes:
    return build_zip([Entry("[Content_Types].xml", b"<Types/>", 0, None, 8, 8), document_xml_entry])


def docx_inflating(total: int, declared: int | None = None) -> bytes:
    """``word/document.xml`` of ``total`` bytes of tiny paragraphs (declared as ``declared``, else truthfully;
    the CRC is not computed: a reader must stop long before it checks it)."""
    head = f'<?xml version="1.0"?><w:document {W}><w:body>'.encode()
    block = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 30_000
    copies = total // len(block)
    data = _deflate_repeating(head, block, copies, b"</w:body></w:document>")
    size = len(head) + copies * len(block) + 22
    return _docx(Entry("word/document.xml", data, 8, 0, size if declared is None else declared, len(data)))


def docx_many_elements(count: int) -> bytes:
    body = b"".join(b'<w:p w:rsidR="%08X"/>' % (i * 2654435761 % 2**32) for i in range(count))
    xml = f'<?xml version="1.0"?><w:document {W}><w:body>'.encode() + body + b"</w:body></w:document>"
    data = zlib.compressobj(9, zlib.DEFLATED, -15)
    stored = data.compress(xml) + data.flush()
    return _docx(Entry("word/document.xml", stored, 8, zlib.crc32(xml), len(xml), len(stored)))


def html_table(cell: str) -> bytes:
    return (f"<html><body><table><tr><th>SDK</th><th>Purpose</th></tr><tr><td>JPush</td><td>{cell}</td></tr>"
            f"</table></body></html>").encode()


CASES = {
    # file name: (bytes, fragment of the one-line message)
    "bomb.pdf": (pdf_bomb, "PDF streams inflate to more than"),
    "double-bomb.pdf": (pdf_double_bomb, "PDF streams inflate to more than"),
    "gigabytes.docx": (lambda: docx_inflating(2 << 30), "not a readable DOCX"),
    "lying-size.docx": (lambda: docx_inflating(2 << 30, declared=1000), "not a readable DOCX"),
    "elements.docx": (lambda: docx_many_elements(600_000), "more than 500000 XML elements"),
    "one-line-50MB.txt": (lambda: b"We collect your device identifier. " * (50_000_000 // 35),
                          "character limit"),
    "inline-runs.html": (lambda: b"<html><body><p>" + b"<span>word</span> " * 300_000 + b"</p></body></html>",
                         "HTML page has more than"),
    "merged-cells.html": (lambda: b"<html><body><table>" + b"<tr>" + b'<td rowspan="50" colspan="50">x</td>' * 400
                          + b"</tr>" * 400 + b"</table></body></html>", "table cells"),
    "cell-9MB.html": (lambda: html_table("push messages and device id " * 330_000), "character limit"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_policy_refused_quickly_with_exit_4(tmp_path, name):
    make, fragment = CASES[name]
    path = tmp_path / name
    path.write_bytes(make())
    run = run_cli("policy", path, "--catalog", CATALOG)
    assert_refused(run, 4, name, fragment)


def test_a_2mb_cell_is_read_as_lines_in_time_and_under_the_cap(tmp_path):
    """Under the text bound a huge cell is not refused: its table is read as lines, within the time and
    memory of the hostile cases."""
    path = tmp_path / "cell-2MB.html"
    path.write_bytes(html_table("push messages and device id " * 75_000))
    run = run_cli("policy", path, "--catalog", CATALOG, "--format", "json")
    assert run.code == 0, run.stderr[-2000:]
    assert run.seconds < TARGET_SECONDS, f"took {run.seconds:.1f} s"
    assert run.peak_mib < MEMORY_CAP_MIB, f"peak RSS {run.peak_mib:.0f} MiB"
    assert '"permissions"' in run.stdout


@pytest.mark.parametrize("kind", ["fifo", "directory", "dev-zero"])
def test_policy_that_is_not_a_regular_file(tmp_path, kind):
    path: Path | str = tmp_path / "policy.html"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        Path(path).mkdir()
    else:
        path = "/dev/zero"
    run = run_cli("scan", DEMO, "--no-code", "--catalog", CATALOG, "--policy", path)
    assert_refused(run, 4, "not a regular file")


def test_scan_with_a_bomb_policy_exits_4_before_the_build_is_read(tmp_path):
    path = tmp_path / "policy.pdf"
    path.write_bytes(pdf_bomb())
    run = run_cli("scan", DEMO, "--catalog", CATALOG, "--policy", path, "--format", "json")
    assert_refused(run, 4, "PDF streams inflate")
    assert run.stdout == ""


def test_an_ordinary_compressed_pdf_still_reads(tmp_path):
    path = tmp_path / "policy.pdf"
    path.write_bytes(_pdf(_flate_of_spaces(16 * MiB)))
    doc = load_document(path)
    assert doc.format == "pdf" and "We collect your location." in " ".join(line.text for line in doc.lines)


def test_a_long_line_is_cut_at_sentence_ends_keeping_every_word_and_its_line_number(tmp_path):
    sentence = "We share your device identifier with JPush for push messages. "
    path = tmp_path / "policy.txt"
    path.write_text("Privacy policy\n" + sentence * 2_000 + "\nContact us\n", encoding="utf-8")
    doc = load_document(path)
    assert all(len(line.text) <= MAX_LINE_CHARS for line in doc.lines)
    middle = [line for line in doc.lines if line.no == 2]
    assert len(middle) > 1 and all(line.text.endswith("messages.") for line in middle)
    assert " ".join(line.text for line in middle) == (sentence * 2_000).strip()
    assert [line.no for line in doc.lines][-1] == 3


def test_a_table_with_a_huge_cell_is_read_as_lines(tmp_path):
    path = tmp_path / "policy.html"
    text = "Push messages. " * (MAX_CELL_CHARS // 10)
    path.write_bytes(html_table(text.strip()))
    doc = load_document(path)
    assert doc.tables == ()
    assert "".join(line.text for line in doc.lines).count("Push messages.") == MAX_CELL_CHARS // 10


LINEAR = {
    "unclosed-tables.md": "<table " * 70_000,
    "many-links.html": "<html><body><p>" + '<a href="https://x.example/">l</a> ' * 20_000 + "</p></body></html>",
    "many-tables.md": "<table><tr><td>x</td></tr></table>\n" * 10_000,
    # tags and comments that never end: the standard HTML parser looked for the end from each one (before:
    # 8,000 unended tags 4.7 s, 70,000 unended comments 56 s)
    "unended-tags.html": "<html><body><p>x</p>" + "<table " * 70_000,
    "unended-comments.html": "<html><body><p>x</p><!-- closed -->" + "<!-- " * 70_000,
}


@pytest.mark.parametrize("name", sorted(LINEAR))
def test_loading_stays_linear(tmp_path, name):
    """Shapes that made the loader quadratic (a lazy regular expression rescanning from every unclosed
    <table>, link text re-joined at every link, line numbers counted from the top for every table)."""
    import time

    path = tmp_path / name
    path.write_text(LINEAR[name], encoding="utf-8")
    start = time.monotonic()
    doc = load_document(path)
    assert time.monotonic() - start < 10
    assert doc.lines


def test_json_paragraphs_nested_too_deep_are_text_not_a_crash(tmp_path):
    """A JSON policy whose line nests 200,000 arrays: that line is no paragraph, kept as written; no traceback."""
    path = tmp_path / "deep.json"
    path.write_text('[{"text": "隐私政策"}]\n' + "[" * 200_000 + "]" * 200_000 + "\n", encoding="utf-8")
    run = run_cli("policy", path, "--catalog", CATALOG, "--format", "json")
    assert run.code == 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr and run.seconds < TARGET_SECONDS
