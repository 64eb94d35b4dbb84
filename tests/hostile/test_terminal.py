"""Nothing raw reaches a terminal: escape sequences, C1 controls and bidi overrides planted in a build's file
name, zip member names, class names, manifest strings (binary XML and AAB protobuf), and in a policy's SDK
names, come out escaped in text, HTML and Markdown, and exact (through the JSON encoder) in JSON and SARIF,
on stdout and stderr, in scan, policy, catalog suggest and batch (its progress bar too). File names that
are not UTF-8 work."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from auditor.cli import cli
from tests.hostile.builders import aab, apk, dex, entry, manifest, pb_attribute, pb_element, pb_manifest
from tests.hostile.cli_run import Run, run_cli

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


# -- every source, through a real process: stdout and stderr as the terminal gets them ---------------------------
C1_BIDI = "\u009b31m\u202e\u0085\u2028"
"""What survives the readers (XML and YAML refuse C0 controls): CSI, a bidi override, NEL, a line separator."""
RAW_ALL = (*RAW, "\x85", "\u2028")


def _assert_terminal_safe(run: Run) -> None:
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    for stream in (run.stdout, run.stderr):
        assert not any(ch in stream for ch in RAW_ALL), [ch for ch in stream if ch in RAW_ALL]


def _evil_aab(directory: Path) -> Path:
    path = directory / "evil.aab"
    path.write_bytes(aab(pb_manifest(package=f"com.aab{C1_BIDI}", children=[
        pb_element("uses-permission", [pb_attribute("name", f"android.permission.CAMERA{C1_BIDI}")]),
        pb_element("application", [pb_attribute("label", f"App{C1_BIDI}")],
                   [pb_element("activity", [pb_attribute("name", f"com.x.A{C1_BIDI}")])])])))
    return path


def _evil_policy(directory: Path) -> Path:
    path = directory / "policy.txt"
    bidi = "\u202e\u2066"  # a text policy with C1 controls is refused as binary; bidi controls are text
    path.write_text(f"Privacy policy\n\nThird-party SDKs\n\nSDK name: EvilSDK{bidi}\nCompany: Evil{bidi} Ltd\n"
                    f"Purpose: push{bidi}\nData collected: device ID\n\nSDK name: 极光推送{bidi}SDK\n"
                    "Company: 和讯华谷\nData: IMEI\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_aab_manifest_strings_reach_no_terminal_raw(tmp_path, fmt):
    run = run_cli("scan", _evil_aab(tmp_path), "--catalog", CATALOG, "--format", fmt)
    assert run.code == 0, run.stderr
    _assert_terminal_safe(run)
    if fmt == "text":
        assert "com.aab\\x9b31m\\u202e" in run.stdout
    else:
        assert json.loads(run.stdout)["build"]["package"] == f"com.aab{C1_BIDI}".strip()  # exact (the reader strips)


@pytest.mark.parametrize("command", ["scan", "policy"])
def test_policy_sdk_names_reach_no_terminal_raw(tmp_path, command):
    policy = _evil_policy(tmp_path)
    args = ("scan", _evil_build(tmp_path), "--policy", policy) if command == "scan" else ("policy", policy)
    run = run_cli(*args, "--catalog", CATALOG)
    assert run.code in (0, 1), run.stderr
    _assert_terminal_safe(run)
    assert "EvilSDK\\u202e\\u2066" in run.stdout


def test_catalog_suggest_drafts_are_escaped_and_still_exact_yaml(tmp_path):
    build = tmp_path / "app.apk"
    build.write_bytes(apk(dex_bytes=dex(tuple(f"com.evil{C1_BIDI}.C{i}" for i in range(6)))))
    run = run_cli("catalog", "suggest", build, "--catalog", CATALOG, "--min-classes", "1")
    assert run.code == 0, run.stderr
    _assert_terminal_safe(run)
    draft = yaml.safe_load(run.stdout)
    assert draft["signatures"]["classes"] == [f"com.evil{C1_BIDI}"]  # the escapes read back exactly


def test_batch_progress_and_summary_reach_no_terminal_raw(tmp_path):
    folder = tmp_path / "builds"
    folder.mkdir()
    _evil_build(folder)
    (folder / f"broken{EVIL}.apk").write_bytes(b"not a zip" * 10)
    run = run_cli("batch", folder, "-o", tmp_path / f"out{C1_BIDI}", "--catalog", CATALOG, "--no-code", "-j", "1",
                  "--progress")
    assert run.code == 3, run.stderr  # the broken build failed alone
    _assert_terminal_safe(run)
    assert "scanning" in run.stderr and "1 failed" in run.stderr
