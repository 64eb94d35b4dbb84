"""A hand-built scan and audit for the reporter tests: every section populated, and app-controlled strings
(SDK name, class names, package names, policy text) carrying markup that must come out as text."""

from __future__ import annotations

from auditor.audit.model import AuditResult, BaselineEntry, Finding, Location, Severity
from auditor.model import (
    Build,
    CatalogInfo,
    DataAccess,
    DexSummary,
    Evidence,
    Manifest,
    PermissionInfo,
    ScanResult,
    SdkHit,
    SignalKind,
    UnknownPackage,
    UsesPermission,
)

PAYLOAD = "<script>document.title='pwned'</script>"
ALERT = "<script>alert(1)</script>"
PACKAGE = "com.example.shop"


def _perm(name: str, kind: str, label: str = "") -> PermissionInfo:
    return PermissionInfo(name, kind, kind, label=label)


def _site(owner: str, data_type: str, reach: str, cls: str, api: str, method: str = "run()V",
          path: tuple[str, ...] = ()) -> DataAccess:
    return DataAccess(cls, method, "classes.dex", api, data_type, owner, reach, path=path)


def sample_scan() -> ScanResult:
    perms = ("android.permission.READ_PHONE_STATE", "android.permission.ACCESS_FINE_LOCATION",
             "android.permission.CAMERA", "android.permission.INTERNET")
    manifest = Manifest(package=PACKAGE, version_name="2.3.1", version_code=231, min_sdk=21, target_sdk=34,
                        application_class="com.example.shop.App", label="Shop " + PAYLOAD,
                        uses_permissions=tuple(UsesPermission(p) for p in perms))
    build = Build("builds/shop-release.apk", "ab" * 32, 1234, "apk", manifest,
                  (DexSummary("classes.dex", "035", 900, 5000, 8000),), (), (), ())
    sdks = (
        SdkHit("jpush", "JPush", "Shenzhen Hexun Huagu Information Technology Co., Ltd.", "push", 0.95,
               (Evidence(SignalKind.CLASS, "cn.jpush.android", "classes.dex", 120,
                         "cn.jpush.android.api.JPushInterface"),
                Evidence(SignalKind.COMPONENT, "cn.jpush.android.service.PushService", "AndroidManifest.xml")),
               class_count=120, versions=("5.0.3",)),
        SdkHit("umeng-analytics", "Umeng " + ALERT, "Umeng <b>Inc</b>", "analytics", 0.8,
               (Evidence(SignalKind.CLASS, "com.umeng.analytics", "classes.dex", 40, "com.umeng.analytics." + ALERT),),
               class_count=40),
        SdkHit("zxing", "ZXing", "ZXing authors", "scan", 0.8,
               (Evidence(SignalKind.CLASS, "com.google.zxing", "classes.dex", 291),), class_count=291),
    )
    sites = (
        _site("jpush", "imei", "startup", "cn.jpush.android.helper.DeviceInfo",
              "android.telephony.TelephonyManager.getDeviceId",
              path=("com.example.shop.App.onCreate()V", "cn.jpush.android.api.JPushInterface.init()V")),
        _site("jpush", "imei", "later", "cn.jpush.android.helper.Other",
              "android.telephony.TelephonyManager.getImei"),
        _site("jpush", "android-id", "dead", "cn.jpush.android.helper.DeviceInfo",
              "android.provider.Settings$Secure.getString"),
        _site("umeng-analytics", "imei", "later", "com.umeng.analytics." + PAYLOAD,
              "android.telephony.TelephonyManager.getDeviceId"),
        _site("app", "location-fine", "later", "com.example.shop.MapActivity",
              "android.location.LocationManager.getLastKnownLocation"),
        _site("app", "location-fine", "dead", "com.example.shop.OldMap",
              "android.location.LocationManager.getLastKnownLocation"),
        _site("unknown", "mac", "dead", "org.acme.Net", "java.net.NetworkInterface.getHardwareAddress"),
    )
    return ScanResult(
        build=build,
        permissions=(
            _perm("android.permission.ACCESS_FINE_LOCATION", "dangerous", "precise location"),
            _perm("android.permission.CAMERA", "dangerous", "take pictures and videos"),
            _perm("android.permission.READ_PHONE_STATE", "dangerous", "read phone status and identity"),
            _perm("android.permission.INTERNET", "normal", "have full network access"),
        ),
        sdks=sdks,
        unknown_packages=(UnknownPackage("org.acme", 12, ("classes.dex",), "org.acme." + PAYLOAD),),
        catalog=CatalogInfo("test-1", "cd" * 32, 7),
        tool_version="0.1.0",
        data_access=sites,
    )


def _f(rule: str, sev: Severity, subject: str, message: str, *evidence: Location) -> Finding:
    return Finding(rule, sev, subject, message, evidence, Finding.make_fingerprint(rule, PACKAGE, subject))


def sample_audit() -> AuditResult:
    findings = (
        _f("DATA-BEFORE-CONSENT", Severity.HIGH, "jpush:imei", "JPush reads imei at start-up",
           Location("build", "classes.dex", "cn.jpush.android.helper.DeviceInfo.run()V -> getDeviceId")),
        _f("PERM-UNDISCLOSED", Severity.HIGH, "android.permission.READ_PHONE_STATE",
           "READ_PHONE_STATE (dangerous) is requested but the policy does not disclose it",
           Location("build", "AndroidManifest.xml", "uses-permission android.permission.READ_PHONE_STATE")),
        _f("SDK-UNDISCLOSED", Severity.HIGH, "umeng-analytics",
           f"Umeng {ALERT} (Umeng Inc, analytics) is in the build but the policy does not name it",
           Location("build", "classes.dex", "com.umeng.analytics." + ALERT)),
        _f("SDK-DATA-BEYOND", Severity.MEDIUM, "jpush", "JPush: collects imei, which its policy row does not mention",
           Location("policy", "policy.html", "JPush | 极光 | push | " + PAYLOAD, 41, 43)),
        _f("SDK-STALE", Severity.INFO, "getui", "the policy names 'Getui' (个推) but the build does not contain it",
           Location("policy", "policy.html", "个推 | 每日互动", 50, 50)),
        _f("CODE-UNKNOWN-THIRD-PARTY", Severity.INFO, "org.acme",
           "org.acme: 12 classes of third-party code no catalog SDK claims | pipe `tick` *star* _under_ [x](y)",
           Location("build", "classes.dex", "e.g. org.acme." + PAYLOAD)),
    )
    suppressed = (_f("PERM-UNDISCLOSED", Severity.HIGH, "android.permission.CAMERA",
                     "CAMERA (dangerous) is requested but the policy does not disclose it"),)
    expired = (BaselineEntry("f" * 32, "SDK-UNDISCLOSED", "old-sdk", "legacy " + PAYLOAD, "2024-01-31"),)
    return AuditResult(findings, suppressed, expired, policy_path="docs/policy " + PAYLOAD + ".html")


def sample_policy():
    """The policy the sample audit was held against, written by hand: it names JPush (lines 41-43), ZXing,
    Getui (absent from the build, line 50) and 'FooSDK' (unknown to any catalog); it discloses precise
    location and the location permission, and nothing else."""
    from types import MappingProxyType

    from auditor.audit.policy_view import PolicyView, SdkRow

    def loc(start: int, end: int, text: str) -> Location:
        return Location("policy", "policy.html", text, start, end)

    rows = (
        SdkRow("JPush", "jpush", "极光", frozenset({"android-id"}), frozenset(), (), loc(41, 43, "JPush | 极光")),
        SdkRow("ZXing", "zxing", "", frozenset(), frozenset(), (), loc(45, 45, "ZXing")),
        SdkRow("个推", "getui", "每日互动", frozenset(), frozenset(), (), loc(50, 50, "个推 | 每日互动")),
        SdkRow("FooSDK", None, "", frozenset(), frozenset(), ("foo",), loc(52, 52, "FooSDK")),
    )
    fine = "android.permission.ACCESS_FINE_LOCATION"
    return PolicyView("policy.html", rows, MappingProxyType({fine: (loc(60, 60, "location"),)}),
                      MappingProxyType({"location-fine": (loc(61, 61, "precise location"),)}), ())


def sample_model(catalog, fail_on=Severity.HIGH, audit=None, policy=True, sources=None, config=None,
                 scan=None, work_dir="/work/app"):
    from auditor.report.model import build_model

    return build_model(scan or sample_scan(), audit if audit is not None else sample_audit(), catalog,
                       policy=sample_policy() if policy else None, fail_on=fail_on, sources=sources,
                       config=config, work_dir=work_dir)
