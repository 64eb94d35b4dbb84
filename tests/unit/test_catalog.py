"""The catalog is validated as a whole; every bundled entry detects its own examples and only those."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.catalog import load_catalog
from auditor.catalog.selftest import check_examples
from auditor.commands.catalog import catalog as catalog_cmd
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
        "id: badvocab\nname: Bad\ncategory: teleportation\n"
        "signatures: {classes: [com.bad]}\ndata_collected: [soul]\nexamples: [com.bad.X]\n"
        "provenance: [{source: manual}]\n", encoding="utf-8")
    (root / "clash.yaml").write_text(
        "id: clash\nname: Clash\ncategory: push\nsignatures: {classes: [cn.jpush.android]}\n"
        "examples: [cn.jpush.android.X]\nprovenance: [{source: manual}]\n", encoding="utf-8")
    (root / "notyaml.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(CatalogError) as info:
        load_catalog(root)
    problems = "\n".join(info.value.problems)
    assert "broken.yaml: missing required 'category'" in problems
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


def _problems(root: Path) -> str:
    with pytest.raises(CatalogError) as info:
        load_catalog(root)
    return "\n".join(info.value.problems)


def test_part_of_must_name_existing_products(tmp_path):
    root = _copy_mini(tmp_path)
    jcore = (root / "jcore.yaml").read_text()
    (root / "jcore.yaml").write_text(jcore.replace("part_of: [jpush]", "part_of: [jpush, nowhere, zxing-part]"))
    (root / "zxing-part.yaml").write_text(
        "id: zxing-part\nkind: component\npart_of: [jcore]\nname: Part of a part\ncategory: scan\n"
        "signatures: {classes: [com.zxpart]}\nprovenance: [{source: manual}]\n", encoding="utf-8")
    problems = _problems(root)
    assert "jcore.yaml: part_of 'nowhere' is not a catalog entry" in problems
    assert "jcore.yaml: part_of 'zxing-part' is a component, not a product" in problems
    assert "zxing-part.yaml: part_of 'jcore' is a component, not a product" in problems


def test_part_of_is_for_components_and_components_need_it(tmp_path):
    root = _copy_mini(tmp_path)
    (root / "jcore.yaml").write_text((root / "jcore.yaml").read_text().replace("part_of: [jpush]\n", ""))
    (root / "zxing.yaml").write_text((root / "zxing.yaml").read_text().replace("id: zxing\n", "id: zxing\npart_of: [jpush]\n"))
    (root / "dv.yaml").write_text((root / "dv.yaml").read_text().replace("id: dv\n", "id: dv\nkind: plugin\n"))
    problems = _problems(root)
    assert "jcore.yaml: a component needs 'part_of'" in problems
    assert "zxing.yaml: 'part_of' is only for kind 'component' (this is a product)" in problems
    assert "dv.yaml: kind 'plugin' is not one of product, component, library" in problems


def test_vendor_references_are_checked_both_ways(tmp_path):
    root = _copy_mini(tmp_path)
    (root / "zxing.yaml").write_text((root / "zxing.yaml").read_text().replace("category: scan", "vendor: nobody\ncategory: scan"))
    (root / "tencent-qq.yaml").write_text((root / "tencent-qq.yaml").read_text().replace("vendor: tencent\n", ""))
    (root / "vendors" / "aurora-mobile.yaml").write_text(
        (root / "vendors" / "aurora-mobile.yaml").read_text().replace("country: CN", "country: China"))
    problems = _problems(root)
    assert "zxing.yaml: vendor 'nobody' has no record in vendors/" in problems
    assert "vendors/tencent.yaml: no entry names this vendor" in problems
    assert "vendors/aurora-mobile.yaml: country 'China' is not an ISO 3166-1 alpha-2 code" in problems


def test_an_example_may_not_restate_a_signature(tmp_path):
    root = _copy_mini(tmp_path)
    (root / "zxing.yaml").write_text((root / "zxing.yaml").read_text().replace(
        "examples: [com.google.zxing.MultiFormatReader]", "examples: [com.google.zxing]"))
    (root / "jcore.yaml").write_text((root / "jcore.yaml").read_text().replace("libjcore322.so", "libjcore*.so"))
    problems = _problems(root)
    assert "zxing.yaml: example 'com.google.zxing' restates a signature" in problems
    assert "jcore.yaml: example 'libjcore*.so' restates a signature" in problems


def test_absent_facts_are_none_and_empty_ones_are_rejected(tmp_path, mini_catalog):
    zxing = mini_catalog.get("zxing")
    assert zxing.vendor is None and zxing.data_collected is None and zxing.permissions is None
    assert zxing.policy_url() is None and zxing.vendor_name() is None
    root = _copy_mini(tmp_path)
    (root / "zxing.yaml").write_text((root / "zxing.yaml").read_text().replace(
        "category: scan", "category: scan\nwebsite: \"\"\nprivacy_policy_url: none"))
    problems = _problems(root)
    assert "zxing.yaml: 'website' is empty: leave it out when no source says it" in problems
    assert "zxing.yaml: 'privacy_policy_url' is not an http(s) URL" in problems


def test_mini_catalog_relations(mini_catalog):
    assert mini_catalog.parts_of("jpush") == ("jcore",)
    assert mini_catalog["jcore"].vendor is mini_catalog["jpush"].vendor
    assert mini_catalog.same_vendor("jcore", "jpush") and not mini_catalog.same_vendor("jpush", "zxing")
    assert mini_catalog["jpush"].vendor_name("zh") == "深圳市和讯华谷信息技术有限公司"


# -- the bundled catalog ----------------------------------------------------------------------------------
def test_bundled_catalog_is_valid_and_every_example_is_owned_by_its_entry(bundled_catalog):
    """Each example is a real class or .so name (its provenance says where it was seen); the matcher must
    give it to its own entry and to no other. Entries without a real example are counted, not tested."""
    assert len(bundled_catalog) >= 300
    assert check_examples(bundled_catalog) == []
    with_evidence = sum(1 for e in bundled_catalog.entries if e.examples)
    assert with_evidence >= 200, f"only {with_evidence} entries have real evidence"


def test_bundled_entries_use_the_vocabularies(bundled_catalog):
    for entry in bundled_catalog.entries:
        assert entry.category in CATEGORY_IDS
        assert set(entry.data_collected or ()) <= DATA_TYPE_IDS
        assert entry.signatures.has_primary()
        assert entry.provenance
        assert not any(entry.signatures.restates(x) for x in entry.examples)


def test_bundled_products_and_parts(bundled_catalog):
    """Relations written from vendor docs and the corpus builds (see each entry's provenance)."""
    assert "jpush" in bundled_catalog["jcore"].part_of
    assert {"getui-push", "getui-gy-login"} <= set(bundled_catalog["getui-gtc"].part_of)
    assert {"alipay", "umeng-push"} <= set(bundled_catalog["alibaba-utdid"].part_of)
    assert bundled_catalog.same_vendor("baidu-location", "baidu-map")
    assert not bundled_catalog.same_vendor("baidu-location", "amap-location")
    for lib in ("jetbrains-annotations", "jsr305", "kotlin-stdlib", "androidx", "android-support-library"):
        assert bundled_catalog[lib].kind.value == "library"


def test_a_fact_without_a_source_is_rejected(tmp_path):
    root = _copy_mini(tmp_path)
    (root / "zxing.yaml").write_text((root / "zxing.yaml").read_text().replace(
        "category: scan", "category: scan\nprivacy_policy_url: https://zxing.example/privacy"))
    (root / "vendors" / "tencent.yaml").write_text(
        (root / "vendors" / "tencent.yaml").read_text().replace("name: Tencent", "name: Tencent\ncountry: CN"))
    problems = _problems(root)
    assert "zxing.yaml: privacy_policy_url stated without a source" in problems
    assert "vendors/tencent.yaml: country stated without a source" in problems


def test_every_bundled_fact_names_its_source(bundled_catalog):
    """The loader enforces it; this says what it means for the facts regulators check."""
    for entry in bundled_catalog.entries:
        named = entry.supported_fields()
        if entry.privacy_policy_url is not None:
            assert "privacy_policy_url" in named, entry.id
        if entry.data_collected is not None:
            assert "data_collected" in named, entry.id
        if entry.examples:
            assert "examples" in named, entry.id


def test_owner_ids_are_reserved(tmp_path):
    root = _copy_mini(tmp_path)
    (root / "app.yaml").write_text(
        "id: app\nname: App Builder\ncategory: other\nsignatures: {classes: [com.appbuilder]}\n"
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


def test_other_legal_names_carry_where_they_were_seen(tmp_path):
    from auditor.catalog.loader import compile_catalog
    from auditor.catalog.model import AliasSource

    root = _copy_mini(tmp_path)
    (root / "vendors" / "tencent.yaml").write_text(
        "id: tencent\nname: Tencent\nlegal_name_zh: 甲乙丙计算机系统有限公司\nother_legal_names:\n"
        "  - {name: 甲乙丙科技（深圳）有限公司, source: vendor-docs, ref: https://tencent.example/privacy}\n"
        "provenance: [{source: manual, ref: unit-test fixture, fields: [legal_name_zh]}]\n", encoding="utf-8")
    vendor = load_catalog(root).get("tencent-qq").vendor
    assert vendor is not None
    assert vendor.other_legal_names == (AliasSource("甲乙丙科技（深圳）有限公司", "vendor-docs", "https://tencent.example/privacy"),)
    assert "甲乙丙科技（深圳）有限公司" in vendor.names() and "甲乙丙计算机系统有限公司" in vendor.names()
    compile_catalog(root)  # the parsed copy holds them too
    assert load_catalog(root).get("tencent-qq").vendor == vendor


def test_other_legal_names_are_sourced_mappings_and_new_names(tmp_path):
    root = _copy_mini(tmp_path)
    (root / "vendors" / "tencent.yaml").write_text(
        "id: tencent\nname: Tencent\nlegal_name_zh: 甲乙丙有限公司\nother_legal_names:\n"
        "  - {name: 丁戊有限公司, source: rumour, ref: somewhere}\n"
        "  - just a string\n"
        "  - {name: 甲乙丙有限公司, source: policy, ref: a policy row}\n"
        "provenance: [{source: manual, ref: unit-test fixture, fields: [legal_name_zh]}]\n", encoding="utf-8")
    problems = _problems(root)
    assert "vendors/tencent.yaml: other legal name '丁戊有限公司': source 'rumour' is not one of" in problems
    assert "vendors/tencent.yaml: 'other_legal_names' must be a list of mappings" in problems
    assert "vendors/tencent.yaml: 'other_legal_names' repeats the vendor's legal name" in problems
