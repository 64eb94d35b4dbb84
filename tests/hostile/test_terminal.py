"""Nothing raw reaches a terminal: escape sequences, C1 controls and bidi overrides planted in a build's file
name, zip member names, class names and manifest strings, and in a policy, come out escaped in text, HTML
and Markdown, and exact (through the JSON encoder) in JSON and SARIF. File names that are not UTF-8 work."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli
from tests.hostile.builders import apk, dex, entry, manifest

ROOT = Path(__file__).resolve().parents[2]
CATALOG = str(ROOT / "tests" / "data" / "catalog-mini")
EVIL = "\x1b]0;pwned\x07\x1b[2J\u009b31m\u202e"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def _evil_build(directory: Path, name: str | bytes = f"evil{EVIL}.apk") -> Path:
    data = apk(entry(f"assets/{EVIL}.txt", b"x"), manifest_bytes=manifest(package=f"com.evil{EVIL}x"),
               dex_bytes=dex((f"com.evil.{EVIL}Main", "com.evil.b.Other")))
    path = Path(os.fsdecode(os.path.join(os.fsencode(directory), os.fsencode(name))))
    path.write_bytes(data)
    return path


def _clean(text: str) -> bool:
    return not any(ch in text for ch in RAW)


@pytest.mark.parametrize("fmt", ["text", "html", "md"])
def test_display_formats_show_planted_controls_escaped(tmp_path, fmt):
    build = _evil_build(tmp_path)
    result = CliRunner().invoke(cli, ["scan", str(build), "--catalog", CATALOG, "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert _clean(result.stdout) and _clean(result.stderr)
    assert "\\x9b31m\\u202e" in result.stdout  # the package name, escaped


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_formats_stay_exact_and_terminal_safe(tmp_path, fmt):
    build = _evil_build(tmp_path)
    result = CliRunner().invoke(cli, ["scan", str(build), "--catalog", CATALOG, "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert _clean(result.stdout)
    doc = json.loads(result.stdout)
    if fmt == "json":
        assert doc["build"]["path"] == str(build)  # the exact name, ESC and U+202E included
    assert "\u009b31m\u202ex" in json.dumps(doc, ensure_ascii=False)  # the package name, decoded exactly


def test_error_messages_are_escaped(tmp_path):
    build = tmp_path / f"broken{EVIL}.apk"
    build.write_bytes(b"not a zip" * 10)
    result = CliRunner().invoke(cli, ["scan", str(build), "--catalog", CATALOG])
    assert result.exit_code == 3
    assert _clean(result.stderr) and "broken\\x1b]0;pwned\\x07" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_click_usage_errors_are_escaped(tmp_path):
    result = CliRunner().invoke(cli, ["scan", str(tmp_path / f"missing{EVIL}.apk")])
    assert result.exit_code == 2
    assert _clean(result.stderr) and "missing\\x1b]0;pwned" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "html", "text", "sarif"])
def test_non_utf8_file_name_scans_in_every_format(tmp_path, fmt):
    build = _evil_build(tmp_path, b"bad\xff\xfe.apk")
    out = tmp_path / f"report.{fmt}"
    result = CliRunner().invoke(cli, ["scan", str(build), "--no-code", "--catalog", CATALOG, "--format", fmt,
                                      "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")  # valid UTF-8
    if fmt == "json":
        assert os.fsencode(json.loads(text)["build"]["path"]) == os.fsencode(build)
    elif fmt == "sarif":
        json.loads(text)
    else:
        assert "bad\\xff\\xfe.apk" in text


def test_closed_stdout_ends_quietly_with_the_commands_exit_code():
    proc = subprocess.Popen([sys.executable, "-m", "auditor", "catalog", "list"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(30) == 0
    assert err == b""
