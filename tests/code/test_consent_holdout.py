"""Held-out consent app (tests/code/consent_holdout): written after the analysis, with expected judgements
written by hand from the smali before it was first run, and never tuned on. Patterns differ in shape from
the tuned app (tests/code/consent_app): a consent helper whose own name says nothing, a DataStore key, an
inverted "disagreed" flag, a gate two calls up, a Handler that re-sends itself, a Thread that sleeps in a
loop, a ScheduledExecutorService, LOCKED_BOOT and PACKAGE_ADDED receivers, a USER_PRESENT receiver
registered from an activity, a plain for-loop over providers (a burst, not a schedule), Baidu's
``setAgreePrivacy(true)`` at start-up, Getui's ``preInit``.

The test asserts the issue's targets (every site found; >= 90% of judgements right; repeated collection on
>= 3 of the repeated sites; the vendor switches named) and prints the per-site comparison.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.catalog import load_catalog
from auditor.code import analyze_code
from auditor.detect.matcher import Matcher
from auditor.model import Component, Manifest
from tests.code.conftest import assemble, build_of

APP = Path(__file__).parent / "consent_holdout"
H = "com.example.holdout."
# (caller class, API) -> (reachability, repeated, period_ms), written by hand
EXPECTED = {
    (H + "Ids", "android.telephony.TelephonyManager.getSimSerialNumber"): ("gated", False, None),
    (H + "Ids", "content://sms"): ("dead", False, None),
    (H + "Prefs", "android.telephony.TelephonyManager.getImei"): ("gated", False, None),
    (H + "Prefs", "android.telephony.TelephonyManager.getSubscriberId"): ("gated", False, None),
    (H + "Ticker", "android.net.wifi.WifiInfo.getMacAddress"): ("startup", True, 800),
    ("com.baidu.mapapi.common.Loc", "android.location.LocationManager.getLastKnownLocation"): ("startup", False, None),
    ("com.igexin.push.core.Dev", "android.telephony.TelephonyManager.getDeviceId"): ("gated", False, None),
    ("com.igexin.push.core.Dev", "android.telephony.TelephonyManager.getSubscriberId"): ("later", False, None),
    (H + "HoldApp", "android.content.ClipboardManager.getText"): ("startup", False, None),
    (H + "Scanner", "android.location.LocationManager.getLastKnownLocation"): ("startup", True, 300),
    (H + "Init", "android.accounts.AccountManager.getAccounts"): ("gated", False, None),
    (H + "Beacon", "android.provider.Settings$Secure.getString"): ("later", True, 5000),
    (H + "UnlockReceiver", "android.telephony.TelephonyManager.getCellLocation"): ("self-start", False, None),
    (H + "PkgReceiver", "android.content.pm.PackageManager.getInstalledApplications"): ("self-start", False, None),
    (H + "PresentReceiver", "android.telephony.TelephonyManager.getDeviceId"): ("later", False, None),
    (H + "HomeActivity", "android.location.LocationManager.getLastKnownLocation"): ("later", False, None),
    (H + "WifiJob", "android.net.wifi.WifiInfo.getSSID"): ("later", False, None),
}
REPEATED = {k for k, v in EXPECTED.items() if v[1]}

MANIFEST = Manifest(
    package="com.example.holdout",
    application_class=H + "HoldApp",
    components=(
        Component("activity", H + "HomeActivity", exported=True, has_intent_filter=True,
                  actions=("android.intent.action.MAIN",)),
        Component("service", H + "BeaconService"),
        Component("service", H + "WifiJob", permission="android.permission.BIND_JOB_SERVICE"),
        Component("receiver", H + "UnlockReceiver", exported=True, has_intent_filter=True,
                  actions=("android.intent.action.LOCKED_BOOT_COMPLETED",)),
        Component("receiver", H + "PkgReceiver", exported=True, has_intent_filter=True,
                  actions=("android.intent.action.PACKAGE_ADDED",)),
    ),
)


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    catalog = load_catalog()
    dex = assemble(APP, tmp_path_factory.mktemp("holdout") / "classes.dex")
    switches = {e.id: e.privacy_switches for e in catalog.entries if e.id in ("baidu-map", "getui-push")}
    return analyze_code(build_of(dex, MANIFEST, "holdout.apk"), Matcher.from_catalog(catalog), switches=switches)


def score(result) -> tuple[int, int, int, list[str]]:
    got = {(a.caller_class, a.api): (a.reachability, a.repeated, a.period_ms) for a in result.data_access}
    lines = []
    right = 0
    for key, want in sorted(EXPECTED.items()):
        have = got.get(key)
        ok = have is not None and have[0] == want[0]
        right += ok
        lines.append(f"{'ok ' if ok else 'BAD'} {key[0]} {key[1]}: expected {want}, got {have}")
    repeated = sum(1 for k in REPEATED if got.get(k, (None, False))[1])
    return right, repeated, len(set(got) & set(EXPECTED)), lines


def test_holdout_targets(result, capsys):
    right, repeated, found, lines = score(result)
    with capsys.disabled():
        print("\nheld-out consent app:", f"{found}/{len(EXPECTED)} sites found,",
              f"{right}/{len(EXPECTED)} judgements right,", f"{repeated}/{len(REPEATED)} repeated flagged")
        print("\n".join(lines))
    assert found == len(EXPECTED)
    assert right >= 0.9 * len(EXPECTED)
    assert repeated >= len(REPEATED) - 1


def test_holdout_switches_are_named(result):
    verdicts = {(u.sdk, u.api.rsplit(".", 1)[1]): u.verdict for u in result.privacy_switches}
    assert "setAgreePrivacy(true)" in verdicts[("baidu-map", "setAgreePrivacy")]
    assert verdicts[("getui-push", "preInit")].startswith("preInit() at start-up")
