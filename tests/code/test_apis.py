"""The packaged personal-data API table: it loads, uses the vocabulary, covers the issue's list, and the
validator reports every problem at once."""

from __future__ import annotations

import pytest

from auditor.code.apis import ApiTableError, RuleKind, load_api_table, parse_api_table
from auditor.vocab import DATA_TYPE_IDS

REQUIRED = {
    "android.telephony.TelephonyManager.getDeviceId": "imei",
    "android.telephony.TelephonyManager.getImei": "imei",
    "android.telephony.TelephonyManager.getMeid": "meid",
    "android.telephony.TelephonyManager.getSubscriberId": "imsi",
    "android.telephony.TelephonyManager.getSimSerialNumber": "iccid",
    "android.telephony.TelephonyManager.getLine1Number": "phone-number",
    "android.provider.Settings$Secure.getString": "android-id",
    "android.provider.Settings$System.getString": "android-id",
    "android.os.Build.getSerial": "serial",
    "android.os.Build.SERIAL": "serial",
    "android.net.wifi.WifiInfo.getMacAddress": "mac",
    "java.net.NetworkInterface.getHardwareAddress": "mac",
    "android.bluetooth.BluetoothAdapter.getAddress": "mac",
    "com.bun.miitmdid.interfaces.IdSupplier.getOAID": "oaid",
    "com.bun.supplier.IdSupplier.getOAID": "oaid",
    "com.huawei.hms.ads.identifier.AdvertisingIdClient.getAdvertisingIdInfo": "oaid",
    "com.google.android.gms.ads.identifier.AdvertisingIdClient.getAdvertisingIdInfo": "advertising-id",
    "android.net.wifi.WifiInfo.getSSID": "wifi-info",
    "android.net.wifi.WifiInfo.getBSSID": "wifi-info",
    "android.net.wifi.WifiManager.getScanResults": "wifi-info",
    "android.telephony.TelephonyManager.getCellLocation": "cell-info",
    "android.telephony.TelephonyManager.getAllCellInfo": "cell-info",
    "android.location.LocationManager.getLastKnownLocation": "location-fine",
    "android.location.LocationManager.requestLocationUpdates": "location-fine",
    "com.google.android.gms.location.FusedLocationProviderClient.getLastLocation": "location-fine",
    "com.google.android.gms.location.FusedLocationProviderClient.getCurrentLocation": "location-fine",
    "android.content.pm.PackageManager.getInstalledPackages": "installed-apps",
    "android.content.pm.PackageManager.getInstalledApplications": "installed-apps",
    "android.content.pm.PackageManager.queryIntentActivities": "installed-apps",
    "android.app.ActivityManager.getRunningAppProcesses": "running-apps",
    "android.app.ActivityManager.getRunningTasks": "running-apps",
    "android.content.ClipboardManager.getPrimaryClip": "clipboard",
    "android.content.ClipboardManager.getText": "clipboard",
    "content://sms": "sms",
    "content://call_log": "call-log",
    "content://com.android.contacts": "contacts",
    "android.accounts.AccountManager.getAccounts": "accounts",
    "android.accounts.AccountManager.getAccountsByType": "accounts",
    "android.hardware.Camera.open": "camera",
    "android.hardware.camera2.CameraManager.openCamera": "camera",
    "android.media.AudioRecord.startRecording": "microphone",
    "android.media.MediaRecorder.setAudioSource": "microphone",
    "android.hardware.SensorManager.registerListener": "sensors",
    "android.hardware.SensorManager.getDefaultSensor": "sensors",
}


def test_packaged_table_covers_the_issue_list_with_the_right_data_types():
    table = load_api_table()
    by_api = {rule.api: rule.data_type for rule in table.rules}
    missing = {api: dt for api, dt in REQUIRED.items() if by_api.get(api) != dt}
    assert missing == {}
    assert all(rule.data_type in DATA_TYPE_IDS for rule in table.rules)
    assert all(rule.sources for rule in table.rules)


def test_android_id_needs_the_constant_in_the_same_method():
    table = load_api_table()
    rules = table.method_rules("android.provider.Settings$Secure", "getString",
                               "(Landroid/content/ContentResolver;Ljava/lang/String;)Ljava/lang/String;")
    assert [r.requires_strings for r in rules] == [("android_id",)]


def test_field_and_string_rules_are_indexed():
    table = load_api_table()
    assert table.field_rules("android.os.Build", "SERIAL")[0].data_type == "serial"
    assert "content://sms" in {r.member for r in table.string_rules if r.kind is RuleKind.STRING}


def test_validator_collects_every_problem():
    text = """
schema: 1
sources: {camille: x}
apis:
  - {class: a.B, method: m, data_type: not-a-type, sources: [camille]}
  - {class: a.B, field: F, method: m, data_type: imei, sources: [camille]}
  - {class: a/B, method: m, data_type: imei, sources: [camille]}
  - {class: a.C, method: m, data_type: imei, sources: [nowhere], colour: red}
  - {string: "content://x", data_type: sms, sources: [camille], reflect_by_name: true}
"""
    with pytest.raises(ApiTableError) as err:
        parse_api_table(text, "bad.yaml")
    problems = "\n".join(err.value.problems)
    for needle in ("apis[0]: data_type 'not-a-type'", "apis[1]: needs exactly one", "apis[2]: class must",
                   "apis[3]: unknown keys colour", "apis[3]: unknown source 'nowhere'",
                   "apis[4]: reflect_by_name"):
        assert needle in problems
    assert str(err.value).startswith("bad.yaml: ")


def test_descriptor_restricts_to_one_overload():
    text = """
schema: 1
sources: {aosp: x}
apis:
  - {class: a.B, method: m, descriptor: "()V", data_type: imei, sources: [aosp]}
"""
    table = parse_api_table(text)
    assert table.method_rules("a.B", "m", "()V") and not table.method_rules("a.B", "m", "(I)V")
