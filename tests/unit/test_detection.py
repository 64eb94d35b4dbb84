"""SDK detection on synthetic builds: which signal produces which evidence, and what stays unknown."""

from __future__ import annotations

import pytest
from builders import make_build, make_scan

from auditor.detect.matcher import Matcher
from auditor.detect.unknown import OBFUSCATED, group_key
from auditor.model import ArtifactVersion, SignalKind
from auditor.permissions import PermissionDb


@pytest.fixture(scope="module")
def parts(mini_catalog):
    return mini_catalog, Matcher.from_catalog(mini_catalog), PermissionDb.load()


def test_classes_give_class_evidence_with_counts(parts):
    build = make_build(classes=["cn.jpush.android.api.JPushInterface", "cn.jpush.android.service.PushService",
                                "com.example.shop.App"])
    scan = make_scan(build, parts)
    assert [h.sdk_id for h in scan.sdks] == ["jpush"]
    (ev,) = scan.sdks[0].evidence
    assert (ev.kind, ev.value, ev.location, ev.count) == (SignalKind.CLASS, "cn.jpush.android", "classes.dex", 2)
    assert scan.sdks[0].class_count == 2


def test_obfuscated_build_still_reports_sdks_from_manifest_and_native(parts):
    build = make_build(classes=["a.a", "a.b"], components=[("service", "cn.jpush.android.service.PushService")],
                       meta=["JPUSH_APPKEY"], native=["libjcore322.so"])
    scan = make_scan(build, parts)
    kinds = {h.sdk_id: sorted(k.value for k in h.signal_kinds) for h in scan.sdks}
    assert kinds == {"jcore": ["native-lib"], "jpush": ["manifest-component", "meta-data"]}


def test_confidence_rises_with_independent_signals(parts):
    one = make_scan(make_build(meta=["JPUSH_APPKEY"]), parts).sdks[0].confidence
    two = make_scan(make_build(meta=["JPUSH_APPKEY"], components=[("service", "cn.jpush.android.service.PushService")]),
                    parts).sdks[0].confidence
    three = make_scan(make_build(meta=["JPUSH_APPKEY"], components=[("service", "cn.jpush.android.service.PushService")],
                                 classes=["cn.jpush.android.api.JPushInterface"]), parts).sdks[0].confidence
    assert 0 < one < two < three <= 1


def test_domains_support_but_never_create_a_detection(parts):
    assert make_scan(make_build(hosts=["api.jpush.cn"]), parts).sdks == ()
    scan = make_scan(make_build(classes=["cn.jpush.android.api.JPushInterface"], hosts=["api.jpush.cn"]), parts)
    assert SignalKind.DOMAIN in scan.sdks[0].signal_kinds


def test_version_files_give_exact_versions(parts):
    build = make_build(versions=[ArtifactVersion("META-INF/com.google.zxing_core.version", "com.google.zxing", "core",
                                                 "3.4.1")])
    (hit,) = make_scan(build, parts).sdks
    assert hit.sdk_id == "zxing" and hit.versions == ("3.4.1",)


def test_unknown_packages_exclude_app_platform_and_catalog_code(parts):
    build = make_build(classes=[
        "com.example.shop.MainActivity", "android.app.Activity", "androidx.core.X", "kotlin.Unit",
        "cn.jpush.android.api.JPushInterface", "org.greenrobot.eventbus.EventBus", "org.greenrobot.eventbus.Subscribe",
        "a.b.c", "a.b.d",
    ])
    unknown = {u.package: u.class_count for u in make_scan(build, parts).unknown_packages}
    assert unknown == {"org.greenrobot.eventbus": 2, OBFUSCATED: 2}


@pytest.mark.parametrize("package, key", [
    ("org.greenrobot.eventbus.meta", "org.greenrobot.eventbus"),
    ("com.google.android.gms.location", "com.google.android.gms"),
    ("a.b", OBFUSCATED),
    ("", OBFUSCATED),
])
def test_group_key(package, key):
    assert group_key(package) == key
