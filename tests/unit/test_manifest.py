"""Manifest reading after the AXML layer: permissions folded, relative names resolved, packer tricks."""

from __future__ import annotations

import pytest
from lxml import etree

from auditor.build.manifest import manifest_from_xml, parse_manifest, resolve_class
from auditor.errors import BuildError

NS = 'xmlns:android="http://schemas.android.com/apk/res/android"'


def _manifest(body: str, app: str = "", package: str = "com.example.app"):
    xml = (f'<manifest {NS} package="{package}" android:versionCode="42" android:versionName="4.2">'
           f'<uses-sdk android:minSdkVersion="21" android:targetSdkVersion="34"/>{body}'
           f'<application android:name=".App" android:label="Shop" android:debuggable="true">{app}</application>'
           "</manifest>")
    return manifest_from_xml(etree.fromstring(xml))


def test_identity_and_sdk_levels():
    m = _manifest("")
    assert (m.package, m.version_code, m.version_name, m.min_sdk, m.target_sdk) == \
        ("com.example.app", 42, "4.2", 21, 34)
    assert m.application_class == "com.example.app.App" and m.label == "Shop" and m.debuggable


def test_permissions_are_folded_with_the_widest_max_sdk():
    m = _manifest(
        '<uses-permission android:name="android.permission.CAMERA"/>'
        '<uses-permission android:name="android.permission.CAMERA"/>'
        '<uses-permission android:name="android.permission.WRITE_EXTERNAL_STORAGE" android:maxSdkVersion="28"/>'
        '<uses-permission android:name="android.permission.WRITE_EXTERNAL_STORAGE" android:maxSdkVersion="32"/>'
        '<uses-permission-sdk-23 android:name="android.permission.READ_CONTACTS"/>'
        '<uses-permission-sdk-23 android:name="android.permission.CAMERA"/>'
        '<permission android:name="com.example.app.C2D" android:protectionLevel="0x2"/>'
    )
    perms = {p.name: (p.max_sdk_version, p.sdk23, p.occurrences) for p in m.uses_permissions}
    assert perms == {
        "android.permission.CAMERA": (None, False, 3),
        "android.permission.WRITE_EXTERNAL_STORAGE": (32, False, 2),
        "android.permission.READ_CONTACTS": (None, True, 1),
    }
    assert [(d.name, d.protection_level) for d in m.declared_permissions] == [("com.example.app.C2D", "signature")]


def test_components_meta_data_and_queries():
    m = _manifest(
        '<queries><package android:name="com.tencent.mm"/><intent><action android:name="android.intent.action.VIEW"/>'
        '</intent><provider android:authorities="a.b;c.d"/></queries>',
        app='<service android:name="cn.jpush.android.service.PushService" android:exported="false">'
            '<meta-data android:name="JPUSH_CHANNEL" android:value="dev"/></service>'
            '<provider android:name=".Init" android:authorities="com.example.app.init"/>'
            '<activity android:name="Main"><intent-filter/></activity>'
            '<meta-data android:name="UMENG_APPKEY" android:value="abc"/>',
    )
    comps = {(c.kind, c.name, c.exported, c.authorities, c.has_intent_filter) for c in m.components}
    assert comps == {
        ("service", "cn.jpush.android.service.PushService", False, (), False),
        ("provider", "com.example.app.Init", None, ("com.example.app.init",), False),
        ("activity", "com.example.app.Main", None, (), True),
    }
    assert {(md.name, md.parent) for md in m.meta_data} == {
        ("UMENG_APPKEY", "application"), ("JPUSH_CHANNEL", "cn.jpush.android.service.PushService")}
    assert m.queries.packages == ("com.tencent.mm",)
    assert m.queries.intent_actions == ("android.intent.action.VIEW",)
    assert m.queries.providers == ("a.b", "c.d")


def test_attributes_under_a_bogus_namespace_still_count():
    xml = ('<manifest xmlns:x="android" package="p.q"><uses-permission x:name="android.permission.VIBRATE"/>'
           "<application/></manifest>")
    m = manifest_from_xml(etree.fromstring(xml))
    assert [p.name for p in m.uses_permissions] == ["android.permission.VIBRATE"]


def test_resource_reference_labels_are_not_shown():
    xml = f'<manifest {NS} package="p.q"><application android:label="@7F0B0000"/></manifest>'
    assert manifest_from_xml(etree.fromstring(xml)).label == ""


@pytest.mark.parametrize("package, name, resolved", [
    ("com.a", ".B", "com.a.B"), ("com.a", "B", "com.a.B"), ("com.a", "x.y.B", "x.y.B")])
def test_resolve_class(package, name, resolved):
    assert resolve_class(package, name) == resolved


def test_not_a_manifest():
    with pytest.raises(BuildError, match="not 'manifest'"):
        manifest_from_xml(etree.fromstring("<resources/>"))
    with pytest.raises(BuildError, match="no package"):
        manifest_from_xml(etree.fromstring("<manifest/>"))
    with pytest.raises(BuildError):
        parse_manifest(b"\x03\x00\x08\x00garbage")


def test_feature_module_manifests_add_components_and_permissions():
    from auditor.build.aab import merge_manifests

    base = _manifest('<uses-permission android:name="android.permission.CAMERA"/>',
                     app='<activity android:name=".Main"/>')
    feature = _manifest('<uses-permission android:name="android.permission.RECORD_AUDIO"/>'
                        '<uses-permission android:name="android.permission.CAMERA"/>',
                        app='<service android:name="io.agora.rtc.RtcService"/><activity android:name=".Main"/>')
    merged = merge_manifests(base, feature)
    assert [p.name for p in merged.uses_permissions] == ["android.permission.CAMERA",
                                                         "android.permission.RECORD_AUDIO"]
    assert sorted(c.name for c in merged.components) == ["com.example.app.Main", "io.agora.rtc.RtcService"]
    assert merged.package == base.package and merged.application_class == base.application_class
