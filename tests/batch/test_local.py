"""The local engine on real corpus builds: results as the same JSON as ``scan``, the index, broken builds,
exit codes, --resume, a crashing worker, list files with URLs, and the engine registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.batch import BatchRequest, EngineKind, execute, plan_batch
from auditor.batch.engines.interface import ENGINES
from auditor.batch.engines.local import CRASHED, LocalEngine
from auditor.pipeline import AuditInputs, Job
from auditor.report import json_report
from tests.batch.conftest import BROKEN, CORPUS_APKS, SAMPLES, comparable, index, run
from tests.batch.helpers import crashing_task

pytestmark = pytest.mark.corpus

SCENES = SAMPLES / "demo-scenes.yaml"


@pytest.fixture(scope="module")
def first_run(builds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("out-local")
    result = run(builds_dir, "-o", out, "--scenes", SCENES, "--jobs", 2)
    return out, result


def test_broken_build_is_recorded_and_fails_the_exit_code(first_run, builds_dir: Path) -> None:
    out, result = first_run
    assert result.exit_code == 3, result.output
    records = {Path(r["path"]).relative_to(builds_dir).as_posix(): r for r in index(out)}
    assert sorted(records) == sorted([*CORPUS_APKS, "apps/demo-app.apk", BROKEN])  # notes.txt is no build
    broken = records.pop(BROKEN)
    assert broken["status"] == "error" and "zip" in broken["error"] and broken["sha256"]
    assert all(r["status"] == "ok" and r["error"] == "" for r in records.values())
    assert records["apps/demo-app.apk"]["package"] == "com.example.shopdemo"
    assert "jpush" in {s["id"] for s in records["apps/demo-app.apk"]["sdks"]}
    assert len({r["catalog_sha256"] for r in records.values()}) == 1
    assert "6 scanned, 0 resumed, 1 failed" in result.output


def test_each_result_is_the_scan_json_document(first_run, builds_dir: Path) -> None:
    out, _ = first_run
    job = Job.prepare(AuditInputs(scenes=SCENES))
    for record in index(out):
        if record["status"] != "ok":
            continue
        scan, audit = job.run(Path(record["path"]))
        assert (out / "builds" / f"{record['sha256']}.json").read_text() == json_report.render(scan, audit)
    assert not list(out.glob("**/.*"))  # no temporary files left behind


def test_keep_going_exits_zero_and_resume_skips_done_builds(first_run, builds_dir: Path, tmp_path: Path) -> None:
    out, _ = first_run
    before = {p.name: p.stat().st_mtime_ns for p in (out / "builds").iterdir()}
    result = run(builds_dir, "-o", out, "--scenes", SCENES, "--resume", "--keep-going")
    assert result.exit_code == 0, result.output
    assert "resuming: 5 of 6 builds already done" in result.output  # the broken one is retried
    assert {p.name: p.stat().st_mtime_ns for p in (out / "builds").iterdir()} == before
    assert comparable(index(out)) == comparable(index(first_run[0]))


def test_resume_rescans_when_the_settings_change(builds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(builds_dir, "-o", out, "--no-code", "--keep-going")
    again = run(builds_dir, "-o", out, "--no-code", "--keep-going", "--resume")
    assert "resuming: 5 of 6" in again.output
    changed = run(builds_dir, "-o", out, "--no-code", "--keep-going", "--resume", "--scenes", SCENES)
    assert "resuming" not in changed.output and "6 scanned" in changed.output


def test_progress_callback_and_summary(builds_dir: Path, tmp_path: Path) -> None:
    plan = plan_batch(BatchRequest(builds_dir, tmp_path / "out", AuditInputs(code=False)))
    seen = []
    summary = execute(plan, LocalEngine(jobs=2), seen.append)
    assert [p.done for p in seen] == list(range(1, 7)) and {p.total for p in seen} == {6}
    assert seen[-1].failed == 1 and summary.failed == 1 and summary.scanned == 6 and summary.engine == "local"


def test_a_crashing_worker_fails_only_its_build(builds_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "builds"
    src.mkdir()
    for name in CORPUS_APKS[:3]:
        (src / name).write_bytes((builds_dir / name).read_bytes())
    (src / "crash-me.apk").write_bytes((builds_dir / CORPUS_APKS[0]).read_bytes())
    plan = plan_batch(BatchRequest(src, tmp_path / "out", AuditInputs(code=False)))
    execute(plan, LocalEngine(jobs=2, task=crashing_task))
    records = {Path(r["path"]).name: r for r in index(tmp_path / "out")}
    assert records.pop("crash-me.apk")["error"] == CRASHED
    assert [r["status"] for r in records.values()] == ["ok"] * 3


def test_list_file_with_paths_and_file_urls(builds_dir: Path, tmp_path: Path) -> None:
    url = (builds_dir / "apps" / "demo-app.apk").as_uri()
    listing = tmp_path / "builds.txt"
    listing.write_text(f"# nightly\n{builds_dir / CORPUS_APKS[0]}\n\n{url}\n")
    out = tmp_path / "out"
    result = run(listing, "-o", out, "--no-code")
    assert result.exit_code == 0, result.output
    records = {r["path"]: r for r in index(out)}
    assert records[url]["package"] == "com.example.shopdemo"
    document = json.loads((out / "builds" / f"{records[url]['sha256']}.json").read_text())
    assert document["build"]["path"] == url


def test_no_builds_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run(tmp_path / "empty", "-o", tmp_path / "out")
    assert result.exit_code == 2 and "no builds found" in result.output


def test_every_engine_kind_has_an_implementation() -> None:
    assert set(ENGINES) == set(EngineKind)
