"""The catalog is validated as a whole; every bundled entry detects its own examples and only those."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.catalog import load_catalog
from auditor.catalog.selftest import check_examples, example_owner
from auditor.commands.catalog import catalog as catalog_cmd
from auditor.detect.matcher import Matcher
from auditor.errors import CatalogError
from auditor.vocab import CATEGORY_IDS, DATA_TYPE_IDS

DATA = Path(__file__).resolve().parents[1] / "data"


def _copy_mini(tmp_path: Path) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(DATA / "catalog-mini", target)
    return target


def test_mini_catalog_loads_with_hash_and_version(mini_catalog):
    assert len(mini_catalog) == 7
    assert mini_catalog.version == "test-1"
    assert len(mini_catalog.sha256) == 64


def test_every_problem_is_reported_with_its_file(tmp_path):
    root = _copy_mini(tmp_path)
    (root / "broken.yaml").write_text("id: Broken_ID\nname: x\n", encoding="utf-8")
    (root / "badvocab.yaml").write_text(
        "id: badvocab\nname: Bad\nvendor: {en: V}\ncategory: teleportation\n"
        "signatures: {classes: [com.bad]}\ndata_collected: [soul]\nexamples: [com.bad.X]\n"
        "provenance: [{source: manual}]\n", encoding="utf-8")
    (root / "clash.yaml").write_text(
        "id: clash\nname: Clash\nvendor: {en: V}\ncategory: push\nsignatures: {classes: [cn.jpush.android]}\n"
        "examples: [cn.jpush.android.X]\nprovenance: [{source: manual}]\n", encoding="utf-8")
    (root / "notyaml.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog(root)
    problems = "\n".join(info.value.problems)
    assert "broken.yaml: missing required 'vendor'" in problems
    assert "badvocab.yaml: category 'teleportation'" in problems
    assert "badvocab.yaml: data type 'soul'" in problems
    clash = [p for p in info.value.problems if "class prefix 'cn.jpush.android'" in p]
    assert len(clash) == 1 and "clash" in clash[0] and "jpush" in clash[0]
    assert "notyaml.yaml: not valid YAML" in problems


def test_id_must_match_file_name(tmp_path):
    root = _copy_mini(tmp_path)
    (root / "jpush.yaml").rename(root / "other.yaml")
    with pytest.raises(CatalogError, match="does not match the file name"):
        load_catalog(root)


def test_validate_command_exit_codes(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(catalog_cmd, ["validate", "--catalog", str(DATA / "catalog-mini")])
    assert ok.exit_code == 0, ok.output
    root = _copy_mini(tmp_path)
    (root / "zxing.yaml").write_text((root / "zxing.yaml").read_text().replace(
        "examples: [com.google.zxing.MultiFormatReader]", "examples: [com.umeng.message.PushAgent]"))
    bad = runner.invoke(catalog_cmd, ["validate", "--catalog", str(root)])
    assert bad.exit_code == 4
    assert "zxing.yaml: example 'com.umeng.message.PushAgent' is claimed by 'umeng-push'" in bad.output


# -- the bundled catalog ----------------------------------------------------------------------------------
def test_bundled_catalog_is_valid_and_large(bundled_catalog):
    assert len(bundled_catalog) >= 300
    assert check_examples(bundled_catalog) == []


def test_bundled_entries_use_the_vocabularies(bundled_catalog):
    for entry in bundled_catalog.entries:
        assert entry.category in CATEGORY_IDS
        assert set(entry.data_collected) <= DATA_TYPE_IDS
        assert entry.signatures.has_primary()
        assert entry.examples and entry.provenance


def _examples():
    catalog = load_catalog()
    return [(entry.id, example) for entry in catalog.entries for example in entry.examples]


@pytest.fixture(scope="module")
def bundled_matcher(bundled_catalog):
    return Matcher.from_catalog(bundled_catalog)


@pytest.mark.parametrize("sdk_id, example", _examples())
def test_entry_detects_its_example_and_no_other_entry_claims_it(bundled_matcher, sdk_id, example):
    assert example_owner(bundled_matcher, example) == sdk_id


def test_owner_ids_are_reserved(tmp_path):
    root = _copy_mini(tmp_path)
    (root / "app.yaml").write_text(
        "id: app\nname: App Builder\nvendor: {en: V}\ncategory: other\nsignatures: {classes: [com.appbuilder]}\n"
        "examples: [com.appbuilder.X]\nprovenance: [{source: manual}]\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="app.yaml: id 'app' is reserved"):
        load_catalog(root)


def test_compiled_copy_is_current_and_equal_to_the_yaml(tmp_path, bundled_catalog):
    import json

    from auditor.catalog.loader import COMPILED_FILE, default_catalog_path

    compiled = json.loads((default_catalog_path() / COMPILED_FILE).read_text(encoding="utf-8"))
    assert compiled["source_sha256"] == bundled_catalog.sha256, \
        "sdk_catalog/_compiled.json is stale: run python tools/catalog/compile_catalog.py"
    copy = tmp_path / "catalog"
    shutil.copytree(default_catalog_path(), copy)
    (copy / COMPILED_FILE).unlink()
    assert load_catalog(copy).entries == bundled_catalog.entries


def test_a_stale_compiled_copy_is_ignored(tmp_path):
    from auditor.catalog.loader import compile_catalog

    root = _copy_mini(tmp_path)
    compile_catalog(root)
    (root / "jpush.yaml").write_text((root / "jpush.yaml").read_text().replace("name: JPush", "name: JPush 2"))
    assert load_catalog(root).get("jpush").name == "JPush 2"
