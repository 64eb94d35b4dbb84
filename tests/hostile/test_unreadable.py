"""Inputs the user may not read (mode 000), with permissions enforced even when the tests run as root: the
build, each side input and a catalog entry end at once with one line naming the file, "Permission denied",
and the input's exit code (3 for the build and its mapping, 4 for catalog, policy, scenes, baseline and
config, 2 for a batch list); an unreadable build in a batch fails alone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.hostile.builders import apk
from tests.hostile.cli_run import CATALOG, DEMO, ROOT, assert_refused, run_cli

SIDE_INPUTS = {
    # option: (file name, valid content, exit code)
    "--mapping": ("mapping.txt", "com.example.Main -> a:\n", 3),
    "--config": ("auditor.yaml", "severity: {}\n", 4),
    "--scenes": ("scenes.yaml", "scenes: []\n", 4),
    "--baseline": ("baseline.json", '{"baseline_version": 1, "entries": []}', 4),
    "--policy": ("policy.txt", "We use JPush to send push messages.\n", 4),
}


def _locked(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    path.chmod(0)
    return path


def test_unreadable_build_exits_3(tmp_path):
    build = _locked(tmp_path / "app.apk", apk())
    run = run_cli("scan", build, "--catalog", CATALOG, honour_permissions=True)
    assert_refused(run, 3, f"{build}: cannot read build (Permission denied)")
    assert run.stdout == ""


@pytest.mark.parametrize("option", sorted(SIDE_INPUTS))
def test_unreadable_side_input(tmp_path, option):
    name, content, code = SIDE_INPUTS[option]
    path = _locked(tmp_path / name, content)
    run = run_cli("scan", DEMO, "--no-code", "--catalog", CATALOG, option, path, honour_permissions=True)
    assert_refused(run, code, str(path), "Permission denied")
    assert run.stdout == ""


@pytest.mark.parametrize("command", ["scan", "validate"])
def test_unreadable_catalog_entry(tmp_path, command):
    root = tmp_path / "catalog"
    shutil.copytree(ROOT / "tests" / "data" / "catalog-mini", root)
    (root / "jpush.yaml").chmod(0)
    args = ("scan", DEMO, "--no-code") if command == "scan" else ("catalog", "validate")
    run = run_cli(*args, "--catalog", root, honour_permissions=True)
    if command == "validate":  # every problem on its own line, then the one-line error
        assert run.code == 4 and run.lines[-1].startswith("auditor: error: invalid SDK catalog"), run.stderr
        assert any(line.startswith("jpush.yaml: ") and "Permission denied" in line for line in run.lines)
        assert run.seconds < 10 and "Traceback" not in run.stderr
        return
    assert_refused(run, 4, "jpush.yaml", "Permission denied")


def test_unreadable_catalog_directory(tmp_path):
    root = tmp_path / "catalog"
    shutil.copytree(ROOT / "tests" / "data" / "catalog-mini", root)
    root.chmod(0)
    try:
        run = run_cli("scan", DEMO, "--no-code", "--catalog", root, honour_permissions=True)
    finally:
        root.chmod(0o700)
    assert_refused(run, 4, str(root), "Permission denied")


def test_unreadable_batch_list_and_build(tmp_path):
    good = tmp_path / "good.apk"
    good.write_bytes(apk())
    locked = _locked(tmp_path / "locked.apk", apk())
    listing = tmp_path / "builds.txt"
    listing.write_text(f"{locked}\n{good}\n", encoding="utf-8")
    out = tmp_path / "out"
    run = run_cli("batch", listing, "-o", out, "--catalog", CATALOG, "--no-code", "-j", "1", "--no-progress",
                  honour_permissions=True)
    assert run.code == 3 and run.seconds < 10 and "Traceback" not in run.stderr, run.stderr
    records = {Path(r["path"]).name: r for r in map(json.loads, (out / "index.jsonl").read_text().splitlines())}
    assert records["good.apk"]["status"] == "ok"
    assert records["locked.apk"]["error"] == f"{locked}: cannot read build (Permission denied)"
    listing.chmod(0)
    run = run_cli("batch", listing, "-o", tmp_path / "out2", "--catalog", CATALOG, honour_permissions=True)
    assert_refused(run, 2, str(listing), "Permission denied")
    assert not (tmp_path / "out2").exists()
