"""``auditor policy`` through click: formats, output file, exit code 4 with one line on bad input."""

from __future__ import annotations

import json
import os

from click.testing import CliRunner

from auditor.commands.policy import policy
from tests.policy.helpers import SAMPLES, TEST_CATALOG


def _run(*args):
    return CliRunner().invoke(policy, [*args, "--catalog", str(TEST_CATALOG)])


def test_json(tmp_path):
    result = _run(str(SAMPLES / "pipe_table_zh.txt"), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"schema_version", "source", "sdks", "permissions", "data_types", "scenes"}
    row = data["sdks"][0]
    assert set(row) >= {"name", "id", "candidates", "company", "purpose", "data_types", "permissions", "link",
                        "evidence"}
    assert set(row["evidence"]) == {"lines", "text"}
    assert all(p["permission"].startswith("android.permission.") for p in data["permissions"])
    assert set(data["permissions"][0]) >= {"permission", "scene", "description", "evidence"}


def test_text_and_output_file(tmp_path):
    out = tmp_path / "report.txt"
    result = _run(str(SAMPLES / "html_table_en.html"), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "SDKs: 4 named, 3 resolved" in text
    assert "CAMERA" in text and "Attach a picture" in text and "android-id" in text


def test_bad_input_exit_4(tmp_path):
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(os.urandom(4096))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for path in (garbage, empty):
        result = CliRunner().invoke(policy, [str(path), "--catalog", str(TEST_CATALOG)])
        assert result.exit_code == 4
        lines = [ln for ln in result.output.splitlines() if ln.strip()]
        assert len(lines) == 1 and lines[0].startswith("auditor: error:") and str(path.name) in lines[0]
        assert "Traceback" not in result.output
