"""The committed demo build (hand-written smali, samples/demo-app) gives exactly its documented call sites.

Ground truth: ``samples/demo-app/expected.json`` (``call_sites``), written with the fixture, not derived
from the analyzer.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = json.loads((ROOT / "samples" / "demo-app" / "expected.json").read_text(encoding="utf-8"))

# which catalog SDK owns each SDK-origin call site (the fixture only says "sdk"; its sdk_marker_classes put
# UMConfigure and UMInitProvider under "Umeng common", the base library every Umeng product ships with)
SDK_OWNER = {"sdk-imei": "jpush", "sdk-android-id": "umeng-common", "sdk-provider-mac": "umeng-common",
             "sdk-dead-applist": "tencent-bugly", "sdk-reflective-imei": "tencent-bugly"}


@pytest.fixture(scope="module")
def demo(scanner):
    return scanner.scan(ROOT / "samples" / "demo-app.apk")


def _expected_rows():
    rows = set()
    for site in EXPECTED["call_sites"]:
        reach = "startup" if site["startup"] else ("later" if site["reachable"] else "dead")
        owner = "app" if site["origin"] == "app" else SDK_OWNER[site["id"]]
        rows.add((site["caller_class"], site["caller_method"], owner, reach))
    return rows


def test_exactly_the_documented_call_sites_owners_and_reachability(demo):
    got = {(a.caller_class, a.caller_method, a.owner, a.reachability) for a in demo.data_access}
    assert got == _expected_rows()


def test_data_types_and_reflection(demo):
    by_caller = {(a.caller_class, a.caller_method.split("(")[0]): a for a in demo.data_access}
    assert by_caller[("cn.jpush.android.api.JPushInterface", "init")].data_type == "imei"
    assert by_caller[("com.umeng.commonsdk.UMConfigure", "init")].data_type == "android-id"
    assert by_caller[("com.umeng.commonsdk.UMInitProvider", "onCreate")].data_type == "mac"
    reflective = by_caller[("com.tencent.bugly.crashreport.CrashReport", "initCrashReport")]
    assert reflective.via_reflection and reflective.api.endswith("TelephonyManager.getImei")
    assert by_caller[("com.example.shopdemo.MainActivity", "pasteCoupon")].data_type == "clipboard"


def test_startup_paths_start_at_an_entry_point(demo):
    for access in demo.data_access:
        if access.reachability == "dead":
            assert access.path == ()
        else:
            assert access.path and access.path[-1].startswith(access.caller_class)
    jpush = next(a for a in demo.data_access if a.owner == "jpush")
    assert jpush.path[0].startswith("com.example.shopdemo.DemoApp.onCreate")
