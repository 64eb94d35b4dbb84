"""``auditor catalog suggest``: a drafted entry validates, and scanning with it detects what it was drafted
from. The build is the corpus APK made from real push and social SDK jars (tests/corpus/build.py); its one
unknown package of five classes or more is XG's ``com.jg`` filter library (tests/integration/test_built_apks)."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from auditor.catalog import load_catalog
from auditor.catalog.selftest import check_examples
from auditor.cli import cli
from auditor.detect.suggest import draft_entries
from auditor.model import SignalKind
from auditor.scan import Scanner
from tests.corpus.fixtures import built_apk  # noqa: F401  (pytest fixture)

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def apk(built_apk):  # noqa: F811  (the corpus fixture of that name)
    return built_apk("cn-push-social")


@pytest.fixture(scope="module")
def drafted(apk, bundled_catalog):
    scanner = Scanner.create(bundled_catalog, code=False, explain_code=True)
    result = scanner.scan(apk)
    return result, draft_entries(result, scanner.matcher, min_classes=5)


def test_one_draft_per_unknown_package(drafted):
    _result, drafts = drafted
    assert [d.id for d in drafts] == ["com-jg"]
    text = drafts[0].yaml
    assert 'classes: ["com.jg"]' in text and "examples: [\"com.jg." in text
    assert ("Vendor unknown" in text or "Probably" in text) and "\nvendor:" not in text


def test_a_drafted_entry_validates_and_detects_what_it_was_drafted_from(drafted, apk, bundled_catalog, tmp_path):
    result, drafts = drafted
    catalog_dir = tmp_path / "catalog"
    shutil.copytree(bundled_catalog.source, catalog_dir, ignore=shutil.ignore_patterns("_compiled.json"))
    (catalog_dir / "com-jg.yaml").write_text(drafts[0].yaml, encoding="utf-8")
    catalog = load_catalog(catalog_dir)
    assert check_examples(catalog) == []
    rescan = Scanner.create(catalog, code=False, explain_code=True).scan(apk)
    (hit,) = [h for h in rescan.sdks if h.sdk_id == "com-jg"]
    (before,) = [u for u in result.unknown_packages if u.package == "com.jg"]
    assert hit.class_count == before.class_count and SignalKind.CLASS in hit.signal_kinds
    assert "com.jg" not in {u.package for u in rescan.unknown_packages}


def test_cli_writes_one_file_per_draft(apk, tmp_path):
    out = tmp_path / "drafts"
    res = CliRunner().invoke(cli, ["catalog", "suggest", str(apk), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.iterdir()) == ["com-jg.yaml"]


def test_cli_bad_build_is_one_line_and_exit_3(tmp_path):
    bad = tmp_path / "bad.apk"
    bad.write_bytes(b"not a zip")
    res = CliRunner().invoke(cli, ["catalog", "suggest", str(bad)])
    assert res.exit_code == 3 and len(res.output.strip().splitlines()) == 1
