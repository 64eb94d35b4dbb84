"""Split APK sets, AABs and R8 builds read natively: the same SDKs, permissions and call sites whatever the
format; dependency versions from ``dependencies.pb``; an R8 build + mapping audited like the clear build."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.build.interface import read_build
from auditor.build.mapping import apply_mapping, read_mapping_file
from auditor.detect.sdks import detect_sdks
from auditor.report import json_report
from tests.corpus.build import built_apk, spec_named
from tests.formats.bundles import DEPENDENCIES, R8_SPEC, build_bundle, build_r8

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def bundle():
    return build_bundle("cn-push-social", spec_named("cn-push-social"), built_apk("cn-push-social"))


def _key(result):
    return ({s.sdk_id for s in result.sdks}, {p.name for p in result.permissions},
            {(a.caller_class, a.caller_method, a.api, a.owner, a.reachability) for a in result.data_access})


def test_same_audit_as_aab_apks_and_universal(bundle, scanner):
    reference = scanner.scan(built_apk("cn-push-social"))
    results = {name: scanner.scan(bundle[name]) for name in ("aab", "apks", "universal_apks", "universal")}
    assert results["aab"].build.format == "aab"
    assert results["apks"].build.format == "apks"
    for name, result in results.items():
        assert _key(result) == _key(reference), name
        got, ref = result.build.manifest, reference.build.manifest
        # aapt2 (bundletool's APKs) compiles the all-digit meta-data value "000..." to the integer 0, where
        # aapt kept the string: compare meta-data names, everything else exactly
        # bundletool adds com.android.vending.splits(.required) / com.android.dynamic.apk.fused.modules
        names = [m.name for m in got.meta_data
                 if not m.name.startswith(("com.android.vending.splits", "com.android.dynamic.apk"))]
        assert names == [m.name for m in ref.meta_data], name
        assert (got.components, got.uses_permissions, got.package, got.version_code) == \
            (ref.components, ref.uses_permissions, ref.package, ref.version_code), name
    apks = results["apks"].build
    assert all("!" in d.path for d in apks.dex)
    assert any(lib.path.startswith("splits/base-arm64_v8a") and "!lib/arm64-v8a/" in lib.path
               for lib in apks.native_libs)
    assert {lib.name for lib in apks.native_libs} == {lib.name for lib in reference.build.native_libs}
    assert any(s.split.startswith("config.") for s in apks.splits)


def test_dependency_versions_in_report(bundle, scanner):
    result = scanner.scan(bundle["aab"])
    deps = {(a.group, a.artifact, a.version): a for a in result.build.artifact_versions
            if a.source == "dependencies.pb"}
    assert set(deps) == set(DEPENDENCIES)
    assert deps[("cn.jiguang.sdk", "jpush", "5.0.4")].modules == ("base",)
    assert deps[("com.umeng.umsdk", "common", "9.4.7")].modules == ()
    doc = json_report.to_dict(result)
    assert {"path": "BUNDLE-METADATA/com.android.tools.build.libraries/dependencies.pb", "group": "cn.jiguang.sdk",
            "artifact": "jpush", "version": "5.0.4", "source": "dependencies.pb",
            "modules": ["base"]} in doc["build"]["artifact_versions"]


def test_r8_build_with_mapping_same_sdks_as_clear(scanner, bundled_catalog):
    clear_apk, _ = build_r8(obfuscate=False)
    obf_apk, mapping = build_r8(obfuscate=True)
    assert mapping is not None
    clear = scanner.scan(clear_apk)
    obf_build = read_build(obf_apk)
    without = {h.sdk_id for h in detect_sdks(obf_build, bundled_catalog, scanner.matcher)}
    with_map = apply_mapping(obf_build, read_mapping_file(mapping), str(mapping))
    found = {h.sdk_id for h in detect_sdks(with_map, bundled_catalog, scanner.matcher)}
    expected = {s.sdk_id for s in clear.sdks}
    assert expected, "the clear R8 build has SDKs"
    assert found == expected
    assert without != expected  # obfuscation hides them without the mapping
    # the same through an AAB carrying the mapping in BUNDLE-METADATA
    aab = build_bundle("r8-app", R8_SPEC, obf_apk, mapping)["aab"]
    result = scanner.scan(aab)
    # dependencies.pb adds artifact-only hits (its list is the cn-push-social one): compare code-backed SDKs
    assert {s.sdk_id for s in result.sdks if s.class_count} == expected
    assert result.build.deobfuscation is not None and result.build.deobfuscation.renamed > 0
    # call sites: the same APIs; owners are decided on original names (R8 may host a method in another
    # class of the same SDK family when it obfuscates, so the owner sets are compared by inclusion)
    assert {a.api for a in result.data_access} == {a.api for a in clear.data_access}
    assert {a.owner for a in clear.data_access} <= {a.owner for a in result.data_access}
    assert "unknown" not in {a.owner for a in result.data_access} - {a.owner for a in clear.data_access}


def test_split_directory(bundle, scanner, tmp_path: Path):
    import zipfile

    with zipfile.ZipFile(bundle["apks"]) as zf:
        for name in ("splits/base-master_3.apk", "splits/base-arm64_v8a_2.apk"):
            (tmp_path / name.split("/")[-1]).write_bytes(zf.read(name))
    result = scanner.scan(tmp_path)
    assert result.build.format == "split-dir"
    assert {lib.abi for lib in result.build.native_libs} == {"arm64-v8a"}
    assert result.build.manifest.package == "com.example.cnpush"
