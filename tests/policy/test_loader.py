"""Reading files: formats, encodings, bounds, and refusing bad input with PolicyError."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from auditor.errors import PolicyError
from auditor.policy import MAX_POLICY_BYTES, load_document, read_policy
from tests.policy.helpers import small_catalog
from tests.policy.pdfgen import image_only_pdf, text_pdf

ZH = "第三方SDK名称：极光推送\n收集目的：消息推送\n"


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("gbk", b""),
    ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b""),
])
def test_encodings(tmp_path, encoding, bom):
    path = tmp_path / "p.txt"
    path.write_bytes(bom + ZH.encode(encoding))
    doc = load_document(path)
    assert [line.text for line in doc.lines] == ZH.splitlines()


def test_html_merged_cells_and_skipped_script(tmp_path):
    path = tmp_path / "p.html"
    path.write_text("<html><body><script>var x = 'secret';</script><table>"
                    "<tr><th>Scene</th><th>Description</th><th>Permission</th></tr>"
                    "<tr><td rowspan='2'>Chat</td><td>Send a photo</td><td>Camera permission</td></tr>"
                    "<tr><td>Send a voice note</td><td>Microphone permission</td></tr></table></body></html>",
                    encoding="utf-8")
    doc = load_document(path)
    assert doc.format == "html"
    assert [row.cells for row in doc.tables[0].rows][2] == ("Chat", "Send a voice note", "Microphone permission")
    assert "secret" not in " ".join(line.text for line in doc.lines)
    disclosure = read_policy(path, small_catalog())
    assert [(s.name, s.permissions) for s in disclosure.scenes] == [
        ("Chat", ("android.permission.CAMERA", "android.permission.RECORD_AUDIO"))]


def _docx(paragraphs: list[str], table: list[list[str]]) -> bytes:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    rows = "".join("<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>" for c in r) + "</w:tr>"
                   for r in table)
    xml = f'<?xml version="1.0"?><w:document {w}><w:body>{body}<w:tbl>{rows}</w:tbl></w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", xml)
    return buf.getvalue()


def test_docx_table(tmp_path):
    path = tmp_path / "p.docx"
    path.write_bytes(_docx(["隐私政策", "第三方SDK"], [["SDK名称", "所属公司", "收集目的", "收集信息"],
                                                  ["极光推送SDK", "深圳市和讯华谷", "推送", "IMEI、MAC地址"]]))
    disclosure = read_policy(path, small_catalog())
    assert disclosure.format == "docx"
    (sdk,) = disclosure.sdks
    assert (sdk.id, sdk.company, sdk.data_types) == ("jpush", "深圳市和讯华谷", ("imei", "mac"))


def test_pdf_text_layer(tmp_path):
    path = tmp_path / "p.pdf"
    path.write_bytes(text_pdf(["Privacy policy", "We ask for camera permission to scan receipts."]))
    disclosure = read_policy(path, small_catalog())
    assert disclosure.format == "pdf"
    assert "android.permission.CAMERA" in disclosure.permission_names


def _sparse(path, size):
    with open(path, "wb") as handle:
        handle.truncate(size)


BAD = {
    "garbage.bin": lambda p: p.write_bytes(os.urandom(64 * 1024)),
    "garbage-no-nul.txt": lambda p: p.write_bytes(bytes(b % 255 + 1 for b in os.urandom(64 * 1024))),
    "empty.txt": lambda p: p.write_bytes(b""),
    "blank.txt": lambda p: p.write_bytes(b"\n  \r\n\t\n"),
    "huge.txt": lambda p: _sparse(p, 200 * 1024 * 1024),
    "scan.pdf": lambda p: p.write_bytes(image_only_pdf()),
    "broken.pdf": lambda p: p.write_bytes(b"%PDF-1.4\n this is not a pdf at all"),
    "archive.zip": lambda p: p.write_bytes(_zip_only()),
    "bad-utf16.txt": lambda p: p.write_bytes(b"\xff\xfe" + b"\x00\xd8"),
}


def _zip_only() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "x")
    return buf.getvalue()


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_a_policy_error(tmp_path, name):
    path = tmp_path / name
    BAD[name](path)
    with pytest.raises(PolicyError) as info:
        read_policy(path, small_catalog())
    message = str(info.value)
    assert "\n" not in message and name in message


def test_size_is_checked_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    _sparse(path, MAX_POLICY_BYTES + 1)
    opened = []
    monkeypatch.setattr(type(path), "open", lambda *a, **k: opened.append(a) or (_ for _ in ()).throw(AssertionError))
    with pytest.raises(PolicyError, match="byte limit"):
        load_document(path)
    assert not opened


def test_missing_file(tmp_path):
    with pytest.raises(PolicyError, match="cannot read"):
        read_policy(tmp_path / "nope.txt", small_catalog())


def test_a_policy_kept_as_json_paragraphs_is_read_as_its_text(tmp_path):
    # JSON Lines, a {"text": …} object per paragraph (other keys beside it), and an array of them on one line
    from auditor.policy.loader import load_document
    lines = ['{"id": 1, "text": "第三方SDK目录", "label": []}',
             '{"id": 2, "text": "某某推送SDK：用于消息推送，收集设备标识符（OAID）。", "label": ["SDK"]}']
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [line.text for line in load_document(path).lines] == [
        "第三方SDK目录", "某某推送SDK：用于消息推送，收集设备标识符（OAID）。"]
    path = tmp_path / "p.json"
    path.write_text('[{"text": "隐私政策"}, {"text": "我们使用某某统计SDK。"}]\n', encoding="utf-8")
    assert [line.text for line in load_document(path).lines] == ["隐私政策", "我们使用某某统计SDK。"]
    # records of other keys stay data, read as records
    path = tmp_path / "q.json"
    path.write_text('[{"name": "某某统计SDK", "company": "某某有限公司"}]\n', encoding="utf-8")
    assert "某某统计SDK" in load_document(path).lines[0].text and "company" in load_document(path).lines[0].text
