"""The CLI contract: formats validate against their schemas, exit codes, one-line errors, no partial output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from auditor.cli import cli

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "samples" / "demo-app.apk"
POLICY = ROOT / "samples" / "demo-policy.html"
SCENES = ROOT / "samples" / "demo-scenes.yaml"
DATA = ROOT / "tests" / "data"


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def demo_json():
    result = run("scan", DEMO, "--policy", POLICY, "--scenes", SCENES, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_json_report_validates_against_its_schema(demo_json):
    schema = json.loads((ROOT / "auditor" / "schemas" / "scan-report.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(demo_json)
    assert demo_json["build"]["package"] == "com.example.shopdemo"
    assert {f["rule_id"] for f in demo_json["findings"]} >= {"SDK-UNDISCLOSED", "SDK-STALE", "PERM-UNDISCLOSED",
                                                            "DATA-BEFORE-CONSENT"}


def test_sarif_validates_against_the_official_schema():
    result = run("scan", DEMO, "--policy", POLICY, "--format", "sarif")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text())
    jsonschema.Draft7Validator(schema).validate(doc)
    run_ = doc["runs"][0]
    assert {r["id"] for r in run_["tool"]["driver"]["rules"]} >= {"SDK-UNDISCLOSED", "PERM-UNDISCLOSED"}
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"] for loc in r["locations"]}
    assert any(u.endswith("demo-app.apk") for u in uris) and any(u.endswith("demo-policy.html") for u in uris)
    assert "AndroidManifest.xml" not in uris  # without --source-root: the build itself, plus a logical location
    assert all(r["level"] in ("error", "warning", "note") for r in run_["results"])


def test_same_input_same_bytes():
    a = run("scan", DEMO, "--policy", POLICY, "--format", "json").output
    b = run("scan", DEMO, "--policy", POLICY, "--format", "json").output
    assert a == b


def test_fail_on_gates_with_exit_1(tmp_path):
    out = tmp_path / "r.json"
    result = run("scan", DEMO, "--policy", POLICY, "--fail-on", "high", "--format", "json", "-o", out)
    assert result.exit_code == 1
    assert json.loads(out.read_text())["summary"]["verdict"] == "fail"
    assert run("scan", DEMO, "--fail-on", "critical").exit_code == 0


def test_baseline_round_trip_turns_the_gate_green(tmp_path):
    baseline = tmp_path / "auditor-baseline.json"
    made = run("baseline", DEMO, "--policy", POLICY, "-o", baseline)
    assert made.exit_code == 0, made.output
    gated = run("scan", DEMO, "--policy", POLICY, "--baseline", baseline, "--fail-on", "info")
    assert gated.exit_code == 0, gated.output
    doc = json.loads(baseline.read_text())
    for entry in doc["entries"]:
        entry["expires"] = "2020-01-01"
    baseline.write_text(json.dumps(doc))
    expired = run("scan", DEMO, "--policy", POLICY, "--baseline", baseline, "--fail-on", "high")
    assert expired.exit_code == 1 and "baseline entry expired" in expired.output


def test_diff_of_a_build_with_itself_is_empty():
    result = run("diff", DEMO, DEMO, "--fail-on-new-sdk", "--fail-on-new-permission", "--fail-on", "info")
    assert result.exit_code == 0 and "no change" in result.output


@pytest.mark.parametrize("make, args, code", [
    (lambda p: p.write_bytes(b"not a zip at all"), ["scan", "{f}"], 3),
    (lambda p: p.write_bytes(b""), ["scan", str(DEMO), "--policy", "{f}"], 4),
    (lambda p: p.write_text("scenes: 3"), ["scan", str(DEMO), "--scenes", "{f}"], 4),
    (lambda p: p.write_text("{}"), ["scan", str(DEMO), "--baseline", "{f}"], 4),
    (lambda p: p.write_text("severity: {NOPE: high}"), ["scan", str(DEMO), "--config", "{f}"], 4),
    (lambda p: None, ["scan", str(DEMO), "--format", "pdf"], 2),
    (lambda p: None, ["scan", "{f}.missing"], 2),
])
def test_exit_codes_and_one_line_errors(tmp_path, make, args, code):
    bad = tmp_path / "input"
    make(bad)
    out = tmp_path / "report.json"
    result = CliRunner().invoke(cli, [a.replace("{f}", str(bad)) for a in args] + ["-o", str(out)]
                                if args[-1] != "pdf" else args)
    assert result.exit_code == code, result.output
    assert not out.exists()  # nothing written as if complete
    if code in (3, 4):
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("auditor: error: ")
        assert "Traceback" not in result.output


def test_bad_catalog_exits_4(tmp_path):
    (tmp_path / "x.yaml").write_text("id: x\n")
    result = run("scan", DEMO, "--catalog", tmp_path)
    assert result.exit_code == 4 and "invalid SDK catalog" in result.output


def test_python_dash_m_entry_point():
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "auditor", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and "auditor" in proc.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "html", "md"])
def test_every_scan_format_has_a_renderer(fmt):
    from auditor.commands.scan import FORMATS

    assert fmt in FORMATS
    result = run("scan", DEMO, "--policy", POLICY, "--format", fmt, "--no-code")
    assert result.exit_code == 0, result.output
    assert "com.example.shopdemo" in result.output


def test_format_list_is_exhaustive():
    from auditor.commands.scan import FORMATS

    assert set(FORMATS) == {"text", "json", "sarif", "html", "md"}
