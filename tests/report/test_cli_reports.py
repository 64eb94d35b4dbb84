"""The report parts of the CLI on the demo build: --source-root, diff formats and gates, disclose formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from auditor.cli import cli

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "samples" / "demo-app.apk"
POLICY = ROOT / "samples" / "demo-policy.html"
SCENES = ROOT / "samples" / "demo-scenes.yaml"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_sarif_source_root_points_at_the_manifest_line(tmp_path):
    manifest = tmp_path / "app" / "src" / "main" / "AndroidManifest.xml"
    manifest.parent.mkdir(parents=True)
    manifest.write_text('<manifest xmlns:android="http://schemas.android.com/apk/res/android">\n'
                        '  <uses-permission android:name="android.permission.CAMERA"/>\n'
                        '  <uses-permission android:name="android.permission.READ_CONTACTS"/>\n</manifest>\n')
    result = run("scan", DEMO, "--policy", POLICY, "--format", "sarif", "--source-root", tmp_path, "--no-code")
    assert result.exit_code == 0, result.output
    results = json.loads(result.output)["runs"][0]["results"]
    contacts = next(r for r in results if r["properties"]["subject"] == "android.permission.READ_CONTACTS")
    phys = contacts["locations"][0]["physicalLocation"]
    assert phys["artifactLocation"] == {"uri": "app/src/main/AndroidManifest.xml", "uriBaseId": "%SRCROOT%"}
    assert phys["region"]["startLine"] == 3


def test_source_root_must_be_a_directory(tmp_path):
    result = run("scan", DEMO, "--format", "sarif", "--source-root", tmp_path / "missing", "--no-code")
    assert result.exit_code == 4 and "--source-root is not a directory" in result.output


def test_text_without_gate_has_no_verdict():
    result = run("scan", DEMO, "--policy", POLICY, "--no-code")
    assert result.exit_code == 0
    assert "PASS" not in result.output and "no gate given" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 100


def test_diff_formats_and_gate_reason():
    for fmt in ("text", "json", "md"):
        result = run("diff", DEMO, DEMO, "--format", fmt, "--no-code")
        assert result.exit_code == 0, result.output
    result = run("diff", DEMO, DEMO, "--fail-on-new-sdk", "--no-code", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.output)["gate"]["verdict"] == "pass"


def test_disclose_xlsx_needs_an_output_file(tmp_path):
    result = run("disclose", DEMO, "--format", "xlsx", "--no-code")
    assert result.exit_code == 2 and "give -o FILE.xlsx" in result.output
    out = tmp_path / "filings.xlsx"
    result = run("disclose", DEMO, "--scenes", SCENES, "--lang", "zh", "--format", "xlsx", "-o", out, "--no-code")
    assert result.exit_code == 0, result.output
    from openpyxl import load_workbook

    assert load_workbook(out).sheetnames == ["第三方SDK清单", "个人信息收集清单", "权限清单"]


def test_disclose_play_data_safety(tmp_path):
    out = tmp_path / "data_safety.csv"
    result = run("disclose", DEMO, "--format", "play-data-safety", "-o", out)
    assert result.exit_code == 0, result.output
    header = next(csv.reader(io.StringIO(out.read_text())))
    assert header == ["Question ID (machine readable)", "Response ID (machine readable)", "Response value",
                      "Answer requirement", "Human-friendly question label"]
    assert "left blank for a human" in result.output
