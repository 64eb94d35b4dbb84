"""SDK-UNDISCLOSED per product, on the bundled catalog: parts are covered by the product they ship in, and a
finding says when the policy names another product of the same vendor.

Truth is written by hand from the vendors' integration docs: JPush's guide has apps add JPush and JCore
(``cn.jpush.android.api.JPushInterface``, ``cn.jiguang.api.JCoreInterface``); Baidu's location SDK
(``com.baidu.location.LocationClient``) and map SDK (``com.baidu.mapapi.map.MapView``) are two products of
one company; JetBrains annotations (``org.jetbrains.annotations.NotNull``) are no SDK at all.
"""

from __future__ import annotations

import pytest
from builders import DisclosureD, SdkRowD, make_build, make_scan

from auditor.audit import run_audit
from auditor.detect.matcher import Matcher
from auditor.permissions import PermissionDb


@pytest.fixture(scope="module")
def parts(bundled_catalog):
    return bundled_catalog, Matcher.from_catalog(bundled_catalog), PermissionDb.load()


def _undisclosed(parts, classes, rows):
    catalog = parts[0]
    scan = make_scan(make_build(classes=classes), parts)
    audit = run_audit(scan, catalog, DisclosureD(sdks=tuple(rows)))
    return scan, {f.subject: f for f in audit.findings if f.rule_id == "SDK-UNDISCLOSED"}


JPUSH = ["cn.jpush.android.api.JPushInterface", "cn.jiguang.api.JCoreInterface",
         "cn.jpush.android.service.PushService"]


def test_jcore_is_covered_when_the_policy_names_jpush(parts):
    scan, found = _undisclosed(parts, JPUSH, [SdkRowD("极光推送", "jpush")])
    assert {h.sdk_id for h in scan.sdks} == {"jpush", "jcore"}
    jcore = next(h for h in scan.sdks if h.sdk_id == "jcore")
    jpush = next(h for h in scan.sdks if h.sdk_id == "jpush")
    assert (jcore.kind.value, jcore.product, jpush.parts) == ("component", "jpush", ("jcore",))
    assert found == {}


def test_an_undisclosed_product_carries_its_parts(parts):
    _, found = _undisclosed(parts, JPUSH, [])
    assert set(found) == {"jpush"}                      # one finding for the product, none for JCore
    finding = found["jpush"]
    assert "JCore" in finding.message
    assert any("cn.jiguang.api.JCoreInterface" in e.detail for e in finding.evidence)


def test_a_part_alone_is_covered_by_any_product_it_ships_in(parts):
    # JCore without a JPush class in the build (JPush obfuscated away, or JCore came with JVerification)
    scan, found = _undisclosed(parts, ["cn.jiguang.api.JCoreInterface"], [SdkRowD("极光推送", "jpush")])
    assert [h.product for h in scan.sdks] == [None]
    assert found == {}
    _, found = _undisclosed(parts, ["cn.jiguang.api.JCoreInterface"], [])
    assert set(found) == {"jcore"}


def test_another_product_of_the_same_vendor_is_named_in_the_finding(parts):
    classes = ["com.baidu.location.LocationClient", "com.baidu.mapapi.map.MapView"]
    _, found = _undisclosed(parts, classes, [SdkRowD("百度地图", "baidu-map")])
    assert set(found) == {"baidu-location"}
    message = found["baidu-location"].message
    assert "Baidu Map" in message and "same vendor" in message and "Baidu" in message
    assert any(e.source == "policy" for e in found["baidu-location"].evidence)


def test_a_product_of_another_vendor_is_not_called_the_same_vendor(parts):
    classes = ["com.baidu.location.LocationClient", "com.amap.api.maps.MapView"]
    _, found = _undisclosed(parts, classes, [SdkRowD("高德地图", "amap-map")])
    assert set(found) == {"baidu-location"}
    assert "same vendor" not in found["baidu-location"].message


def test_libraries_are_listed_apart_and_never_a_finding(parts):
    scan, found = _undisclosed(parts, ["org.jetbrains.annotations.NotNull", "javax.annotation.Nullable"], [])
    assert scan.sdks == ()
    assert {h.sdk_id for h in scan.libraries} == {"jetbrains-annotations", "jsr305"}
    assert found == {}


def test_a_parts_data_is_held_against_its_products_row_and_the_finding_says_so(parts):
    # U-Push ships Alibaba's ACCS/Agoo channel (Umeng's integration guide); its documented data (Android ID,
    # device model, network state) is held against the U-Push row, and the finding names that product.
    catalog = parts[0]
    classes = ["com.umeng.message.PushAgent", "org.android.agoo.client.BaseRegistrar"]
    scan = make_scan(make_build(classes=classes), parts)
    assert {h.sdk_id: h.product for h in scan.sdks}.get("alibaba-accs-agoo") == "umeng-push"
    audit = run_audit(scan, catalog, DisclosureD(sdks=(SdkRowD("友盟推送", "umeng-push", data_types=("imei",)),)))
    beyond = {f.subject: f.message for f in audit.findings if f.rule_id == "SDK-DATA-BEYOND"}
    message = beyond["alibaba-accs-agoo"]
    assert message.startswith(catalog["alibaba-accs-agoo"].name + ", part of " + catalog["umeng-push"].name + ":")
    assert "android-id" in message and message.endswith("which that product's policy row does not mention")


def test_an_unresolved_row_whose_candidates_hold_one_undisclosed_sdk_makes_it_medium(parts):
    # the policy writes "定位SDK" (no company, no link): the reader leaves it unresolved with candidates; the
    # build holds one of them, so the finding is not "the policy does not name it" but "it may be that row"
    row = SdkRowD("定位SDK", None, candidates=("baidu-location", "amap-location", "tencent-location"))
    _, found = _undisclosed(parts, ["com.baidu.location.LocationClient"], [row])
    finding = found["baidu-location"]
    assert finding.severity.label == "medium"
    assert "定位SDK" in finding.message and "amap-location" in finding.message
    assert any(e.source == "policy" for e in finding.evidence)


def test_an_unresolved_row_whose_candidates_hold_several_undisclosed_sdks_excuses_none(parts):
    row = SdkRowD("地图定位SDK", None, candidates=("baidu-location", "amap-map"))
    classes = ["com.baidu.location.LocationClient", "com.amap.api.maps.MapView"]
    _, found = _undisclosed(parts, classes, [row])
    assert {(k, f.severity.label) for k, f in found.items()} == {("baidu-location", "high"), ("amap-map", "high")}
    assert all("地图定位SDK" not in f.message for f in found.values())


FIREBASE = ["com.google.firebase.FirebaseApp", "com.google.firebase.crashlytics.FirebaseCrashlytics",
            "com.google.firebase.analytics.FirebaseAnalytics"]


def test_a_policy_naming_only_the_family_leaves_its_products_medium_and_says_so(parts):
    # Firebase's docs: every product ships the Firebase core (com.google.firebase.FirebaseApp); a policy that
    # writes "Firebase" names the family, not Crashlytics or Analytics: still to be fixed, but not "not named"
    scan, found = _undisclosed(parts, FIREBASE, [SdkRowD("Firebase", "firebase-common")])
    products = {h.sdk_id for h in scan.sdks if h.product is None}
    assert {"firebase-crashlytics", "google-firebase-analytics"} <= products
    for sdk_id in ("firebase-crashlytics", "google-firebase-analytics"):
        finding = found[sdk_id]
        assert finding.severity.label == "medium"
        assert "only its family, 'Firebase'" in finding.message and "same vendor" not in finding.message
        assert any(e.source == "policy" for e in finding.evidence)


def test_a_framework_of_another_family_of_the_vendor_excuses_nothing(parts):
    # "Google Play Services" is Google's, but Firebase Crashlytics is not one of its products by name
    _, found = _undisclosed(parts, FIREBASE, [SdkRowD("Google Play Services", "google-play-services-base")])
    assert found["firebase-crashlytics"].severity.label == "high"
    assert "only its family" not in found["firebase-crashlytics"].message
    _, found = _undisclosed(parts, FIREBASE, [])
    assert found["firebase-crashlytics"].severity.label == "high"


AMAP = ["com.amap.api.location.AMapLocationClient", "com.amap.api.maps.MapView"]


def test_a_policy_naming_only_the_vendor_leaves_its_other_products_medium_and_says_so(parts):
    # AMap's docs ship location (com.amap.api.location) and maps (com.amap.api.maps) as two SDKs of one
    # company (高德, AMap); a row "高德SDK" that says nothing more (the reader: resolved_by "vendor-name") says
    # whose SDK, not which: read as the map SDK, the location SDK is vaguely disclosed, not "not named"
    _, found = _undisclosed(parts, AMAP, [SdkRowD("高德SDK", "amap-map", resolved_by="vendor-name")])
    assert set(found) == {"amap-location"}
    finding = found["amap-location"]
    assert finding.severity.label == "medium"
    assert "only its vendor, '高德SDK'" in finding.message and "same vendor" not in finding.message
    assert any(e.source == "policy" for e in finding.evidence)


def test_a_policy_naming_another_product_of_the_vendor_leaves_this_one_high(parts):
    # "高德地图" names the map SDK; "友盟SDK" whose purpose said which product is that product
    for how in ("exact", "purpose", ""):
        _, found = _undisclosed(parts, AMAP, [SdkRowD("高德地图", "amap-map", resolved_by=how)])
        assert found["amap-location"].severity.label == "high", how
        assert "only its vendor" not in found["amap-location"].message
        assert "same vendor" in found["amap-location"].message
