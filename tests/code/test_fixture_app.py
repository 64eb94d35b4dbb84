"""End to end on a DEX assembled from our smali fixture (tests/code/smali), whose calls are known:

- ``App.onCreate`` (Application) -> ``Ids.imei`` -> TelephonyManager.getDeviceId: app, startup
- ``cn.jpush.android.InitProvider.onCreate`` (manifest provider) -> ``Collector.collect`` ->
  getSubscriberId: catalog SDK ``jpush``, startup
- ``MainActivity.onCreate`` -> ``Ids.androidId`` (Settings.Secure.getString with "android_id"): later
- ``MainActivity.onCreate`` creates ``MacTask`` (a Runnable) whose ``run`` reads the MAC: later
- ``Ids.serial`` (Build.SERIAL, "content://sms/..." behind switch and array payloads): dead
- ``Unused.where`` (getLastKnownLocation) and ``Unused.reflect`` (getImei by reflection): dead
- not call sites: ``Ids.otherSetting`` (getString without "android_id"), ``androidx.core.Helper``
  (platform code)
"""

from __future__ import annotations

from auditor.code import analyze_data_access
from auditor.detect.matcher import Matcher

EXPECTED = {
    ("com.example.fix.Ids", "imei(Landroid/content/Context;)Ljava/lang/String;",
     "android.telephony.TelephonyManager.getDeviceId", "imei", "app", "startup", False),
    ("cn.jpush.android.Collector", "collect(Landroid/content/Context;)V",
     "android.telephony.TelephonyManager.getSubscriberId", "imsi", "jpush", "startup", False),
    ("com.example.fix.Ids", "androidId(Landroid/content/Context;)Ljava/lang/String;",
     "android.provider.Settings$Secure.getString", "android-id", "app", "later", False),
    ("com.example.fix.MacTask", "run()V", "android.net.wifi.WifiInfo.getMacAddress", "mac", "app",
     "later", False),
    ("com.example.fix.Ids", "serial(I)Ljava/lang/String;", "android.os.Build.SERIAL", "serial", "app",
     "dead", False),
    ("com.example.fix.Ids", "serial(I)Ljava/lang/String;", "content://sms", "sms", "app", "dead", False),
    ("com.example.fix.Unused", "where(Landroid/location/LocationManager;)V",
     "android.location.LocationManager.getLastKnownLocation", "location-fine", "app", "dead", False),
    ("com.example.fix.Unused", "reflect()V", "android.telephony.TelephonyManager.getImei", "imei", "app",
     "dead", True),
}


def _rows(fixture_build, mini_catalog):
    return analyze_data_access(fixture_build, Matcher.from_catalog(mini_catalog))


def test_fixture_gives_exactly_the_known_call_sites(fixture_build, mini_catalog):
    rows = _rows(fixture_build, mini_catalog)
    got = {(r.caller_class, r.caller_method, r.api, r.data_type, r.owner, r.reachability, r.via_reflection)
           for r in rows}
    assert got == EXPECTED
    assert len(rows) == len(EXPECTED)


def test_paths_start_at_the_entry_point_and_end_at_the_caller(fixture_build, mini_catalog):
    paths = {(r.caller_class, r.api): r.path for r in _rows(fixture_build, mini_catalog)}
    assert paths[("com.example.fix.Ids", "android.telephony.TelephonyManager.getDeviceId")] == (
        "com.example.fix.App.onCreate", "com.example.fix.Ids.imei")
    assert paths[("cn.jpush.android.Collector", "android.telephony.TelephonyManager.getSubscriberId")] == (
        "cn.jpush.android.InitProvider.onCreate", "cn.jpush.android.Collector.collect")
    assert paths[("com.example.fix.MacTask", "android.net.wifi.WifiInfo.getMacAddress")] == (
        "com.example.fix.MainActivity.onCreate", "com.example.fix.MacTask.run")
    assert paths[("com.example.fix.Unused", "android.location.LocationManager.getLastKnownLocation")] == ()


def test_permission_and_dex_are_reported(fixture_build, mini_catalog):
    row = next(r for r in _rows(fixture_build, mini_catalog) if r.api.endswith("getSubscriberId"))
    assert row.permission == "android.permission.READ_PHONE_STATE" and row.dex == "classes.dex"


def test_output_is_sorted_and_deterministic(fixture_build, mini_catalog):
    first = _rows(fixture_build, mini_catalog)
    assert first == _rows(fixture_build, mini_catalog)
    assert list(first) == sorted(first, key=lambda r: (r.caller_class, r.caller_method, r.api,
                                                       r.via_reflection, r.dex, r.data_type))


def test_without_manifest_entry_points_everything_is_dead(fixture_build, mini_catalog):
    from dataclasses import replace

    from auditor.model import Manifest

    bare = replace(fixture_build, manifest=Manifest(package="com.example.fix"))
    assert {r.reachability for r in _rows(bare, mini_catalog)} == {"dead"}
