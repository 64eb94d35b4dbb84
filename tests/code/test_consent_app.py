"""Consent, self-start and frequency on our own app with the typical patterns (tests/code/consent_app).

Every expected value below was written by hand from the smali, before looking at the analysis' output;
the patterns are the ones app-store reviewers and MIIT notices describe (issue 15):

| caller | API | expected | why |
|---|---|---|---|
| Ids.imei | getDeviceId | gated | App.onCreate: ``if (prefs.getBoolean("privacy_agreed")) Ids.imei()`` |
| Ids.oaid | IdSupplier.getOAID | gated | App.attachBaseContext: ``if (App.ok)``; ``App.ok`` is set by ``onAgreeClicked`` |
| Analytics.start | Settings.Secure android_id | startup | unconditional in App.onCreate |
| cn.jiguang.core.Collector.collect | getSubscriberId | gated | ``JCollectionAuth.setAuth(ctx, false)`` before ``JPushInterface.init``; ``true`` in the dialog |
| LocTask.run | getLastKnownLocation | startup, every 60 000 ms | ``Timer.scheduleAtFixedRate(new LocTask(), 0, 60000)`` in App.onCreate |
| Phone.maybeRead | getLine1Number | gated | ``if (!MMKV.decodeBool("agree_policy")) return;`` |
| SyncWorker.doWork | getAllCellInfo | startup, every 900 000 ms | ``PeriodicWorkRequest.Builder(SyncWorker.class, 15, MINUTES)`` in App.onCreate |
| NetReceiver.onReceive | WifiInfo.getBSSID | self-start | registered in App.onCreate for CONNECTIVITY_CHANGE |
| StartupInit.create | getInstalledPackages | startup | androidx.startup initializer |
| ClipProvider.onCreate | getPrimaryClip | startup | manifest ContentProvider |
| BootReceiver.onReceive | getLastKnownLocation | self-start | manifest receiver for BOOT_COMPLETED |
| Poller.run | getDeviceId | later, every 500 ms | ``handler.postDelayed(this, 500)``, started by MainActivity |
| AlarmReceiver.onReceive | getMacAddress | later, every 900 000 ms | ``AlarmManager.setRepeating(.., 900000, pi)`` in MainActivity |
| SyncService.onStartCommand | WifiInfo.getSSID | later, every 2 000 ms | ``while (true) { getSSID(); Thread.sleep(2000); }`` |
| umeng ...internal.Device.imei | getDeviceId | gated | reached only through ``UMConfigure.preInit`` |
| umeng ...internal.Device.androidId | Settings.Secure android_id | later | ``UMConfigure.init`` in the dialog's agree button |
| Unused.readAccounts | getAccounts | dead | nothing calls it |
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.catalog import load_catalog
from auditor.code import analyze_code
from auditor.detect.matcher import Matcher
from auditor.model import Component, Manifest, MetaData
from tests.code.conftest import assemble, build_of

APP = Path(__file__).parent / "consent_app"
C = "com.example.consent."
# (caller class, API, reachability, repeated, period_ms)
EXPECTED = {
    (C + "Ids", "android.telephony.TelephonyManager.getDeviceId", "gated", False, None),
    (C + "Ids", "com.bun.miitmdid.interfaces.IdSupplier.getOAID", "gated", False, None),
    (C + "Analytics", "android.provider.Settings$Secure.getString", "startup", False, None),
    ("cn.jiguang.core.Collector", "android.telephony.TelephonyManager.getSubscriberId", "gated", False, None),
    (C + "LocTask", "android.location.LocationManager.getLastKnownLocation", "startup", True, 60000),
    (C + "Phone", "android.telephony.TelephonyManager.getLine1Number", "gated", False, None),
    (C + "SyncWorker", "android.telephony.TelephonyManager.getAllCellInfo", "startup", True, 900000),
    (C + "NetReceiver", "android.net.wifi.WifiInfo.getBSSID", "self-start", False, None),
    (C + "StartupInit", "android.content.pm.PackageManager.getInstalledPackages", "startup", False, None),
    (C + "ClipProvider", "android.content.ClipboardManager.getPrimaryClip", "startup", False, None),
    (C + "BootReceiver", "android.location.LocationManager.getLastKnownLocation", "self-start", False, None),
    (C + "Poller", "android.telephony.TelephonyManager.getDeviceId", "later", True, 500),
    (C + "AlarmReceiver", "android.net.wifi.WifiInfo.getMacAddress", "later", True, 900000),
    (C + "SyncService", "android.net.wifi.WifiInfo.getSSID", "later", True, 2000),
    ("com.umeng.commonsdk.internal.Device", "android.telephony.TelephonyManager.getDeviceId", "gated", False, None),
    ("com.umeng.commonsdk.internal.Device", "android.provider.Settings$Secure.getString", "later", False, None),
    (C + "Unused", "android.accounts.AccountManager.getAccounts", "dead", False, None),
}

MANIFEST = Manifest(
    package="com.example.consent",
    application_class=C + "App",
    components=(
        Component("activity", C + "MainActivity", exported=True, has_intent_filter=True,
                  actions=("android.intent.action.MAIN",)),
        Component("provider", C + "ClipProvider", authorities=("c.clip",)),
        Component("provider", "androidx.startup.InitializationProvider", authorities=("c.startup",)),
        Component("receiver", C + "BootReceiver", exported=True, has_intent_filter=True,
                  actions=("android.intent.action.BOOT_COMPLETED",)),
        Component("receiver", C + "AlarmReceiver"),
        Component("service", C + "SyncService"),
    ),
    meta_data=(MetaData(C + "StartupInit", "androidx.startup", "androidx.startup.InitializationProvider"),),
)


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    catalog = load_catalog()
    dex = assemble(APP, tmp_path_factory.mktemp("consent") / "classes.dex")
    switches = {e.id: e.privacy_switches for e in catalog.entries
                if e.id in ("jpush", "jcore", "umeng-analytics") and e.privacy_switches}
    return analyze_code(build_of(dex, MANIFEST), Matcher.from_catalog(catalog), switches=switches)


def test_every_site_found_and_judged_as_written_by_hand(result):
    got = {(a.caller_class, a.api, a.reachability, a.repeated, a.period_ms) for a in result.data_access}
    assert got == EXPECTED


def test_gates_name_the_check_they_found(result):
    gates = {(a.caller_class, a.api): a.gate for a in result.data_access}
    assert "privacy_agreed" in gates[(C + "Ids", "android.telephony.TelephonyManager.getDeviceId")]
    assert "agree_policy" in gates[(C + "Phone", "android.telephony.TelephonyManager.getLine1Number")]
    assert "App.ok" in gates[(C + "Ids", "com.bun.miitmdid.interfaces.IdSupplier.getOAID")]
    assert "setAuth(false)" in gates[("cn.jiguang.core.Collector", "android.telephony.TelephonyManager.getSubscriberId")]
    assert "preInit" in gates[("com.umeng.commonsdk.internal.Device", "android.telephony.TelephonyManager.getDeviceId")]
    assert gates[(C + "Analytics", "android.provider.Settings$Secure.getString")].startswith("no consent check")


def test_vendor_switches_are_reported_per_sdk(result):
    uses = {(u.sdk, u.api.rsplit(".", 1)[1]): u for u in result.privacy_switches}
    jpush = uses[("jpush", "setAuth")]
    assert jpush.available and {(c.value, c.reachability) for c in jpush.calls} == {(False, "startup"), (True, "later")}
    assert "setAuth(false) at start-up" in jpush.verdict
    assert uses[("umeng-analytics", "preInit")].verdict.startswith("preInit() at start-up")
    assert uses[("umeng-analytics", "submitPolicyGrantResult")].verdict.startswith("submitPolicyGrantResult never called")
    assert not uses[("umeng-analytics", "submitPolicyGrantResult")].available
