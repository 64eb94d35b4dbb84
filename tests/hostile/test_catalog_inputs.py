"""A hostile catalog directory (``--catalog``): entries that are FIFOs, directories, 100 MB files or nested
50,000 deep, and a parsed copy (``_compiled.json``) edited to disagree with the YAML. Every case ends within
10 s, under the memory cap, with exit 4 and the file named; ``catalog validate`` never reports such a
catalog as valid."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from auditor.catalog import load_catalog
from auditor.catalog.loader import COMPILED_FILE, compile_catalog
from tests.hostile.cli_run import DEMO, ROOT, assert_refused, run_cli

MINI = ROOT / "tests" / "data" / "catalog-mini"


def _catalog(tmp_path: Path) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(MINI, root)
    return root


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _directory(path: Path) -> None:
    path.mkdir()


def _sparse_100mb(path: Path) -> None:
    with open(path, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)


def _nested(path: Path) -> None:
    path.write_text("id: " + "[" * 50_000 + "]" * 50_000 + "\n")  # libyaml's composer would crash on it


def _alias_bomb(path: Path) -> None:
    rows = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    rows += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    path.write_text("\n".join(rows) + "\n")


def _duplicate_key(path: Path) -> None:
    path.write_text('id: duplicate-key\nname: "One"\nname: "Two"\ncategory: analytics\n')  # YAML kept "Two" silently


ENTRIES = {
    "fifo": (_fifo, "is a FIFO, not a regular file"),
    "directory": (_directory, "is a directory, not a regular file"),
    "sparse-100MB": (_sparse_100mb, "bytes, more than the"),
    "nested-50k": (_nested, "nested deeper than"),
    "alias-bomb": (_alias_bomb, "unknown keys"),
    "duplicate-key": (_duplicate_key, "written twice"),
}


@pytest.mark.parametrize("name", sorted(ENTRIES))
@pytest.mark.parametrize("command", ["scan", "validate"])
def test_hostile_catalog_entry_is_a_problem_not_a_hang(tmp_path, name, command):
    root = _catalog(tmp_path)
    make, fragment = ENTRIES[name]
    make(root / f"{name}.yaml")
    args = ("scan", DEMO, "--no-code") if command == "scan" else ("catalog", "validate")
    run = run_cli(*args, "--catalog", root)
    if command == "validate":  # every problem on its own line first, then the one-line error
        assert run.code == 4 and run.lines[-1].startswith("auditor: error: invalid SDK catalog: ")
        assert any(line.startswith(f"{name}.yaml: ") and fragment in line for line in run.lines), run.stderr
        assert run.seconds < 10
        return
    assert_refused(run, 4, f"{name}.yaml", fragment)


def test_a_catalog_that_is_a_file_is_refused(tmp_path):
    run = run_cli("scan", DEMO, "--no-code", "--catalog", DEMO)
    assert_refused(run, 4, "not a directory")


def _tamper(root: Path) -> None:
    doc = json.loads((root / COMPILED_FILE).read_text())
    entry = next(e for e in doc["entries"] if e["id"] == "jpush")
    entry["data_collected"] = ["soul"]  # not in the vocabulary: the YAML loader refuses it
    entry["privacy_policy_url"] = "javascript:alert(1)"
    (root / COMPILED_FILE).write_text(json.dumps(doc))


def test_an_edited_compiled_copy_is_not_used(tmp_path):
    root = _catalog(tmp_path)
    compile_catalog(root)
    truth = load_catalog(root, use_compiled=False).get("jpush")
    _tamper(root)
    loaded = load_catalog(root).get("jpush")
    assert loaded == truth
    assert loaded is not None and "soul" not in (loaded.data_collected or ())
    assert not (loaded.privacy_policy_url or "").startswith("javascript:")


def test_validate_reports_a_compiled_copy_that_disagrees_with_the_yaml(tmp_path):
    root = _catalog(tmp_path)
    compile_catalog(root)
    assert run_cli("catalog", "validate", "--catalog", root).code == 0
    _tamper(root)
    run = run_cli("catalog", "validate", "--catalog", root)
    assert run.code == 4, run.stdout
    assert run.lines[0].startswith("_compiled.json: does not match the YAML files")
    assert "catalog ok" not in run.stdout


def test_invalid_yaml_with_a_matching_compiled_copy_is_still_invalid(tmp_path):
    root = _catalog(tmp_path)
    compile_catalog(root)
    path = root / "jpush.yaml"
    path.write_text(path.read_text().replace("category: push", "category: teleportation"))
    run = run_cli("catalog", "validate", "--catalog", root)
    assert run.code == 4 and any("category 'teleportation'" in line for line in run.lines), run.stderr
