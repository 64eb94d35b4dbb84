"""Portfolio outputs: Parquet readable with the matrices' content, CSV, HTML escaping, and what changed
since the previous batch (in the same out dir, or --previous)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from auditor.batch.model import BatchSummary, IndexRecord, RuleFact, SdkFact, Status
from auditor.batch.portfolio import COLUMNS, build_portfolio
from auditor.report.portfolio_render import render_csv, render_html
from tests.batch.conftest import CORPUS_APKS, SAMPLES, run

pq = pytest.importorskip("pyarrow.parquet")


def record(path: str, package: str, sdks: tuple[str, ...], perms: tuple[str, ...] = (),
           status: Status = Status.OK) -> IndexRecord:
    return IndexRecord(path=path, status=status, sha256=path.encode().hex()[:16], package=package,
                       sdks=tuple(SdkFact(s, s.title()) for s in sdks),
                       permissions=tuple((p, "dangerous") for p in perms),
                       rules=(RuleFact("SDK-UNDISCLOSED", "high", len(sdks)),) if sdks else ())


SUMMARY = BatchSummary(3, 3, 0, 0, 1.0, "c" * 64, "local")


def test_matrices_and_changes_since_previous() -> None:
    before = [record("a.apk", "com.a", ("glide", "umeng")), record("b.apk", "com.b", ("umeng",)),
              record("gone.apk", "com.gone", ("bugly",))]
    now = [record("a.apk", "com.a", ("glide", "jpush"), ("android.permission.CAMERA",)),
           record("b.apk", "com.b", ("umeng",)), record("c.apk", "com.c", ("glide",)),
           record("x.apk", "", (), status=Status.ERROR)]
    p = build_portfolio(now, before)
    assert [a.key for a in p.columns] == ["com.a", "com.b", "com.c"] and [a.key for a in p.failed] == ["x.apk"]
    assert {r.item: r.apps for r in p.sdk_rows} == {"glide": 2, "jpush": 1, "umeng": 1}
    assert p.sdk_rows[0].item == "glide" and p.sdk_rows[0].cells[1] is None
    assert [(c.app, c.sdk, c.change) for c in p.changes] == [("com.a", "jpush", "appeared"),
                                                             ("com.a", "umeng", "vanished")]
    assert p.sdks_appeared == ("jpush",) and p.sdks_vanished == ("bugly",)
    assert p.apps_added == ("com.c",) and p.apps_removed == ("com.gone",)
    rule = p.rule_rows[0]
    assert (rule.rule_id, rule.severity, rule.findings, rule.apps) == ("SDK-UNDISCLOSED", "high", 4, 3)


def test_same_package_twice_gets_two_columns() -> None:
    p = build_portfolio([record("x/free.apk", "com.a", ()), record("x/paid.apk", "com.a", ())])
    assert [a.key for a in p.columns] == ["com.a (free.apk)", "com.a (paid.apk)"]


def test_html_is_escaped_and_csv_has_the_columns() -> None:
    p = build_portfolio([record("<x>.apk", "<script>alert(1)</script>", ("<img onerror=1>",))], [])
    page = render_html(p, SUMMARY)
    assert "<script>alert" not in page and "&lt;script&gt;" in page and "<img onerror" not in page
    rows = list(csv.DictReader(io.StringIO(render_csv(p))))
    assert tuple(rows[0]) == COLUMNS
    assert {(r["kind"], r["item"]) for r in rows} >= {("build", "ok"), ("sdk", "<img onerror=1>")}


@pytest.mark.corpus
def test_portfolio_files_and_the_previous_batch(builds_dir: Path, tmp_path: Path) -> None:
    first = tmp_path / "first"
    shutil.copytree(builds_dir, first, ignore=shutil.ignore_patterns("broken", "apps"))
    out = tmp_path / "out"
    assert run(first, "-o", out, "--no-code").exit_code == 0
    second = tmp_path / "second"
    shutil.copytree(builds_dir, second, ignore=shutil.ignore_patterns(CORPUS_APKS[2]))  # Droidmon (gson) leaves
    assert run(second, "-o", out, "--no-code", "--keep-going", "--scenes", SAMPLES / "demo-scenes.yaml").exit_code == 0
    table = pq.read_table(out / "portfolio.parquet").to_pylist()
    assert tuple(table[0]) == COLUMNS
    sdks = {(r["app"], r["item"]) for r in table if r["kind"] == "sdk"}
    assert ("com.example.shopdemo", "jpush") in sdks and ("com.cuckoodroid.droidmon", "gson") not in sdks
    perms = {(r["app"], r["item"]) for r in table if r["kind"] == "permission"}
    assert ("souch.smsbypass", "android.permission.READ_CONTACTS") in perms
    builds = {r["path"]: r["status"] for r in table if r["kind"] == "build"}
    assert sorted(builds.values()).count("error") == 1 and len(builds) == 5
    assert any(r["kind"] == "finding" and r["item"] == "PERM-NO-SCENE" for r in table)
    page = (out / "portfolio.html").read_text()
    assert "SDKs new to the portfolio" in page and "SDKs gone from the portfolio" in page and "gson" in page
    assert "com.cuckoodroid.droidmon" in page  # listed as an app no longer in the batch
    with open(out / "portfolio.csv", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(table)
    again = tmp_path / "again"
    assert run(second, "-o", again, "--no-code", "--keep-going", "--previous", out).exit_code == 0
    assert "No SDK appeared or vanished" in (again / "portfolio.html").read_text()
