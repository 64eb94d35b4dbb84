"""SARIF: where each result lands (hand-written expected locations for a hand-built model and source tree),
the official schema, GitHub's documented required properties and limits, overrides, fingerprints.

GitHub's rules checked here come from "SARIF support for code scanning" and "SARIF results exceed one or
more limits" (docs.github.com, code-security/code-scanning): results need ``ruleId``, ``message.text``,
``locations[0].physicalLocation.artifactLocation.uri`` and ``partialFingerprints``; rules need ``id``,
``shortDescription.text``, ``fullDescription.text`` and ``help.text``; ``security-severity`` is a score
0.0-10.0 read only for rules tagged ``security``; at most 25,000 results per run, 20 tags per rule (10
shown), 1,000 locations per result; GitHub computes ``primaryLocationLineHash`` itself.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from types import MappingProxyType

import jsonschema
import pytest
from report_samples import sample_audit, sample_model, sample_scan

from auditor.audit.config import AuditConfig
from auditor.audit.model import Location, Severity
from auditor.model import SourcePosition
from auditor.report import sarif
from auditor.report.sourceroot import index_source_root

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"
MANIFEST = """<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android">

    <uses-permission android:name="android.permission.INTERNET" />
    <uses-permission
        android:name="android.permission.READ_PHONE_STATE" />
    <application android:name=".App" />
</manifest>
"""
GRADLE = """plugins { id 'com.android.application' }

dependencies {
    // implementation 'com.umeng.umsdk:common:9.0.0'   (commented out: not a dependency line)
    implementation "cn.jiguang.sdk:jpush:5.0.3"
    implementation 'com.umeng.umsdk:common:9.6.3'
}
"""
TOML = """[libraries]
zxing = { group = "com.google.zxing", name = "core", version.ref = "zxing" }
"""
APP_KT = "package com.example.shop\n" + "\n" * 25 + "class App {\n  fun onCreate() { JPushInterface.init(this) }\n}\n"


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    (tmp_path / "app/src/main/java/com/example/shop").mkdir(parents=True)
    (tmp_path / "app/src/main/AndroidManifest.xml").write_text(MANIFEST)
    (tmp_path / "app/build.gradle").write_text(GRADLE)
    (tmp_path / "gradle").mkdir()
    (tmp_path / "gradle/libs.versions.toml").write_text(TOML)
    (tmp_path / "app/src/main/java/com/example/shop/App.kt").write_text(APP_KT)
    (tmp_path / "app/build/intermediates").mkdir(parents=True)          # build outputs are skipped
    (tmp_path / "app/build/intermediates/AndroidManifest.xml").write_text(MANIFEST)
    return tmp_path


def located_scan():
    """The sample scan with the DEX positions of its start-up call site filled in (by hand)."""
    scan = sample_scan()
    sites = list(scan.data_access)
    sites[0] = dataclasses.replace(
        sites[0], position=SourcePosition("DeviceInfo.java", 88, "cn.jpush.android.helper.DeviceInfo"),
        app_frame="com.example.shop.App.onCreate", app_position=SourcePosition("App.kt", 27, "com.example.shop.App"))
    return dataclasses.replace(scan, data_access=tuple(sites))


def _doc(mini_catalog, tree: Path | None, **kw) -> dict:
    sources = index_source_root(tree) if tree is not None else None
    model = sample_model(mini_catalog, scan=located_scan(), sources=sources,
                         work_dir=str(tree) if tree else "/work/app", **kw)
    return json.loads(sarif.render(model))


def _by_subject(doc: dict) -> dict[str, dict]:
    return {r["properties"]["subject"]: r for r in doc["runs"][0]["results"]}


def _where(result: dict) -> tuple[str, str | None, int | None]:
    phys = result["locations"][0]["physicalLocation"]
    return (phys["artifactLocation"]["uri"], phys["artifactLocation"].get("uriBaseId"),
            phys.get("region", {}).get("startLine"))


def test_locations_with_a_source_root(mini_catalog, tree):
    results = _by_subject(_doc(mini_catalog, tree))
    # call site: the app's own frame, from DEX debug info; the SDK frame as a related location
    consent = results["jpush:imei"]
    assert _where(consent) == ("app/src/main/java/com/example/shop/App.kt", "%SRCROOT%", 27)
    assert consent["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "com.example.shop.App.onCreate"
    related = consent["relatedLocations"][0]
    assert related["logicalLocations"][0]["fullyQualifiedName"] == "cn.jpush.android.helper.DeviceInfo.run"
    # permission: its <uses-permission> element in the source manifest (the element starts on line 5)
    assert _where(results["android.permission.READ_PHONE_STATE"]) == ("app/src/main/AndroidManifest.xml",
                                                                         "%SRCROOT%", 5)
    # SDK: its dependency line (catalog Maven coordinates), the commented-out line skipped
    assert _where(results["umeng-analytics"]) == ("app/build.gradle", "%SRCROOT%", 6)
    # policy findings: the policy's lines
    assert _where(results["jpush"]) == ("policy.html", "%SRCROOT%", 41)
    assert results["jpush"]["locations"][0]["physicalLocation"]["region"]["endLine"] == 43
    assert _where(results["getui"]) == ("policy.html", "%SRCROOT%", 50)
    # unknown code: the build, with a logical location
    assert results["org.acme"]["locations"][0]["logicalLocations"][0]["name"] == "org.acme"
    run = _doc(mini_catalog, tree)["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tree.resolve().as_uri() + "/"


def test_build_fixes_stay_in_the_build_even_when_quoting_the_policy(mini_catalog, tree):
    """SDK-UNDISCLOSED may quote the row of another product of the same vendor; it is fixed at the SDK's
    dependency line, not at that row."""
    audit = sample_audit()
    row = Location("policy", "policy.html", "友盟推送", 70, 70)
    quoting = tuple(dataclasses.replace(f, evidence=f.evidence + (row,))
                    if f.rule_id == "SDK-UNDISCLOSED" else f for f in audit.findings)
    results = _by_subject(_doc(mini_catalog, tree, audit=dataclasses.replace(audit, findings=quoting)))
    assert _where(results["umeng-analytics"]) == ("app/build.gradle", "%SRCROOT%", 6)


def test_no_two_kinds_of_finding_share_a_line(mini_catalog, tree):
    seen: dict[tuple, str] = {}
    for r in _doc(mini_catalog, tree)["runs"][0]["results"]:
        uri, _base, line = _where(r)
        if line is None:
            continue
        assert seen.setdefault((uri, line), r["ruleId"]) == r["ruleId"], (uri, line)


def test_without_a_source_root(mini_catalog):
    results = _by_subject(_doc(mini_catalog, None))
    uri, base, line = _where(results["jpush:imei"])
    # the build's path relative to the working directory, plus the logical location
    assert (uri, base, line) == ("builds/shop-release.apk", "%SRCROOT%", None)
    assert results["jpush:imei"]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == \
        "com.example.shop.App.onCreate"
    assert _where(results["android.permission.READ_PHONE_STATE"])[0] == "builds/shop-release.apk"


def test_absolute_paths_stay_absolute(mini_catalog, tree, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "policy.html"
    audit = sample_audit()
    moved = tuple(dataclasses.replace(f, evidence=tuple(dataclasses.replace(e, file=str(outside))
                                                        if e.source == "policy" else e for e in f.evidence))
                  for f in audit.findings)
    doc = _doc(mini_catalog, tree, audit=dataclasses.replace(audit, findings=moved))
    uri, base, line = _where(_by_subject(doc)["getui"])
    assert uri == outside.as_uri() and base is None and line == 50
    assert not uri.startswith("work/")


def test_schema_and_github_required_properties(mini_catalog, tree):
    schema = json.loads(SCHEMA.read_text())
    for root in (tree, None):
        doc = _doc(mini_catalog, root)
        jsonschema.Draft7Validator(schema).validate(doc)
        run = doc["runs"][0]
        assert run["tool"]["driver"]["name"] and len(doc["runs"]) <= 20
        assert len(run["results"]) <= 25_000 and len(run["tool"]["driver"]["rules"]) <= 25_000
        for rule in run["tool"]["driver"]["rules"]:
            assert rule["id"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
            assert rule["help"]["text"]
            tags = rule["properties"]["tags"]
            assert {"security", "privacy"} <= set(tags) and len(tags) <= 10
            assert 0.0 <= float(rule["properties"]["security-severity"]) <= 10.0
            assert rule["properties"]["precision"] in ("very-high", "high", "medium", "low")
        for r in run["results"]:
            assert r["ruleId"] and r["message"]["text"]
            assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            assert len(r["locations"]) <= 1000 and len(r.get("relatedLocations", [])) <= 1000
            assert set(r["partialFingerprints"]) == {"auditorFingerprint/v1"}   # never primaryLocationLineHash


def test_fingerprints_are_the_auditor_key_and_stable(mini_catalog, tree):
    a, b = _doc(mini_catalog, tree), _doc(mini_catalog, tree)
    fps = [r["partialFingerprints"]["auditorFingerprint/v1"] for r in a["runs"][0]["results"]]
    assert fps == [f.fingerprint for f in sample_audit().findings]
    assert a == b


def test_overrides_reach_rule_level_and_security_severity(mini_catalog, tree):
    config = AuditConfig(severity=MappingProxyType({"SDK-STALE": Severity.HIGH}),
                         disabled=frozenset({"PERM-SCENE-UNDECLARED"}))
    rules = {r["id"]: r for r in _doc(mini_catalog, tree, config=config)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["SDK-STALE"]["properties"]["security-severity"] == "8.0"
    assert rules["SDK-STALE"]["defaultConfiguration"]["level"] == "error"
    default = {r["id"]: r for r in _doc(mini_catalog, tree)["runs"][0]["tool"]["driver"]["rules"]}
    assert default["SDK-STALE"]["properties"]["security-severity"] == "1.0"
    assert default["SDK-STALE"]["defaultConfiguration"]["level"] == "note"
    assert rules["PERM-SCENE-UNDECLARED"]["defaultConfiguration"]["enabled"] is False


def test_precision_says_how_each_rule_knows(mini_catalog, tree):
    rules = _doc(mini_catalog, tree)["runs"][0]["tool"]["driver"]["rules"]
    precisions = {r["id"]: r["properties"]["precision"] for r in rules}
    assert len(set(precisions.values())) > 1                  # not every rule claims the same
    assert precisions["DATA-BEFORE-CONSENT"] == "medium"     # the call graph over-approximates
    assert precisions["PERM-SCENE-UNDECLARED"] == "very-high"
    assert all("How it knows" in r["fullDescription"]["text"] for r in rules)
