"""Side inputs (config, scenes, baseline) from the second hostile campaign: each built at test time, each
refused within 10 s and under the memory cap with exit 4 and one line naming the problem."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from auditor.audit.baseline import load_baseline
from auditor.audit.config import load_config
from auditor.audit.engine import rule_ids
from auditor.audit.scenes import load_scenes
from auditor.errors import ConfigError
from tests.hostile.cli_run import CATALOG, DEMO, assert_refused, run_cli

MiB = 1 << 20


def _scan_with(option: str, path: Path | str):
    return run_cli("scan", DEMO, "--no-code", "--catalog", CATALOG, option, path)


# -- the campaign's cases, through the CLI -------------------------------------------------------------------
CASES = {
    # name: (option, file content (bytes) or a device path, fragment of the message)
    "config-15MB": ("--config", b"severity:\n" + b"  SDK-STALE: low\n" * (15 * MiB // 16), "bytes, more than"),
    "config-severity-list": ("--config", b"severity:\n  SDK-STALE: [high]\n", "severity.SDK-STALE: must be a string"),
    "config-mixed-keys": ("--config", b"severity:\n  1: low\n  SDK-STALE: low\n", "key '1' must be a string"),
    "config-unhashable-disable": ("--config", b"disable: [[SDK-STALE]]\n", "disable[0]: must be a string"),
    "config-bool-count": ("--config", b"unknown_package_min_classes: true\n", "must be an integer"),
    "config-fifo": ("--config", "fifo", "is a FIFO, not a regular file"),
    "config-alias-bomb": ("--config", b"a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                                      b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
                          "unknown key"),
    "scenes-nested-50k": ("--scenes", b"scenes: " + b"[" * 50_000 + b"]" * 50_000 + b"\n", "nested deeper than"),
    "scenes-dev-zero": ("--scenes", "/dev/zero", "is a character device"),
    "scenes-directory": ("--scenes", "dir", "is a directory"),
    "scenes-binary": ("--scenes", b"scenes:\x00\x01\x02", "binary"),
    "scenes-not-utf8": ("--scenes", b"scenes: [\xff\xfe]", "not UTF-8"),
    "scenes-big-int": ("--scenes", b"scenes: [{name: x, permissions: [" + b"9" * 5000 + b"]}]",
                       "cannot be read"),
    "baseline-nested-1M": ("--baseline", b"[" * 1_000_000 + b"]" * 1_000_000, "nested too deeply"),
    "baseline-5000-digits": ("--baseline", b'{"baseline_version": 1, "entries": [{"fingerprint": "x", "subject": '
                             + b"9" * 5000 + b"}]}", "cannot be read"),
    "baseline-version-true": ("--baseline", b'{"baseline_version": true, "entries": []}', "baseline_version"),
    "baseline-nan": ("--baseline", b'{"baseline_version": 1, "entries": [{"fingerprint": NaN}]}', "NaN"),
    "baseline-dev-zero": ("--baseline", "/dev/zero", "is a character device"),
    "baseline-17MB": ("--baseline", b" " * (17 * MiB), "bytes, more than"),
}


def _materialise(tmp_path: Path, name: str, content: bytes | str) -> Path | str:
    if isinstance(content, bytes):
        path = tmp_path / f"{name}.in"
        path.write_bytes(content)
        return path
    if content == "fifo":
        path = tmp_path / "input.fifo"
        os.mkfifo(path)
        return path
    if content == "dir":
        path = tmp_path / "input.d"
        path.mkdir()
        return path
    return content


@pytest.mark.parametrize("name", sorted(CASES))
def test_campaign_side_input_refused_quickly_with_exit_4(tmp_path, name):
    option, content, fragment = CASES[name]
    run = _scan_with(option, _materialise(tmp_path, name, content))
    assert_refused(run, 4, fragment)
    assert run.stdout == ""


# -- every problem is reported at once ------------------------------------------------------------------------
def test_config_lists_every_problem(tmp_path):
    path = tmp_path / "auditor.yaml"
    path.write_text("severity:\n  SDK-STALE: [high]\n  NOPE: low\n  SDK-UNDISCLOSED: extreme\n"
                    "disable: [PERM-NO-SCENE, BOGUS]\nunknown_package_min_classes: -1\nextra: 1\n")
    with pytest.raises(ConfigError) as info:
        load_config(path, rule_ids())
    message = str(info.value)
    assert "invalid config, 6 problems" in message
    for fragment in ("unknown key 'extra'", "severity.SDK-STALE: must be a string, not a list",
                     "'NOPE' is not a known rule id", "unknown severity 'extreme'", "disable[1]: 'BOGUS'",
                     "unknown_package_min_classes: must be between 0"):
        assert fragment in message


def test_valid_config_still_loads(tmp_path):
    path = tmp_path / "auditor.yaml"
    path.write_text("severity:\n  SDK-STALE: LOW\ndisable: [PERM-NO-SCENE]\nunknown_package_min_classes: 3\n")
    config = load_config(path, rule_ids())
    assert config.severity["SDK-STALE"].label == "low"
    assert config.disabled == {"PERM-NO-SCENE"} and config.unknown_package_min_classes == 3


def test_scenes_list_every_problem_and_valid_ones_load(tmp_path):
    path = tmp_path / "scenes.yaml"
    path.write_text("scenes:\n  - name: {en: Scan, zh: 扫一扫}\n    permissions: [CAMERA]\n"
                    "  - name: 5\n    permissions: CAMERA\n    bogus: 1\n  - 7\n")
    with pytest.raises(ConfigError) as info:
        load_scenes(path)
    message = str(info.value)
    assert "4 problems" in message
    for fragment in ("scenes[2]: unknown key 'bogus'", "scenes[2].name: must be a string, not a number",
                     "scenes[2].permissions: must be a list, not text", "scenes[3]: must be a mapping"):
        assert fragment in message
    path.write_text("scenes:\n  - name: {en: Scan, zh: 扫一扫}\n    permissions: [CAMERA]\n    sdks: [zxing]\n")
    (scene,) = load_scenes(path)
    assert scene.name.zh == "扫一扫" and scene.permissions == ("android.permission.CAMERA",)


def test_baseline_lists_every_problem(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"baseline_version": 1, "entries": [
        {"fingerprint": 5}, 3, {"fingerprint": "x", "expires": "2020-13-01"}, {"fingerprint": "y", "note": 1}]}))
    with pytest.raises(ConfigError) as info:
        load_baseline(path)
    message = str(info.value)
    assert "4 problems" in message
    for fragment in ("entries[1].fingerprint: must be a string", "entries[2]: must be a mapping",
                     "entries[3].expires: '2020-13-01' is not a date", "entries[4]: unknown key 'note'"):
        assert fragment in message


def test_baseline_round_trip_still_loads(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"baseline_version": 1, "tool": "auditor", "entries": [
        {"fingerprint": "abc", "rule_id": "SDK-STALE", "subject": "glide", "justification": "",
         "expires": "2027-06-30"}]}))
    (entry,) = load_baseline(path)
    assert (entry.fingerprint, entry.subject, entry.expires) == ("abc", "glide", "2027-06-30")
